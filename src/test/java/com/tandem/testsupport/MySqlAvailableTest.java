package com.tandem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class MySqlAvailableTest {

  @Test
  void shouldSkipWithTheReasonWhenNothingListens() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }

    ConditionEvaluationResult result =
        evaluate(Map.of("TANDEM_TEST_MYSQL_PORT", String.valueOf(freePort)));

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .get()
        .asString()
        .contains("127.0.0.1:" + freePort, "TANDEM_TEST_MYSQL_HOST");
  }

  @Test
  void shouldSkipWhenTheServerSpeaksAnotherProtocol() throws Exception {
    try (ServerSocket server = new ServerSocket(0)) {
      Thread http =
          new Thread(
              () -> {
                try (Socket client = server.accept();
                    OutputStream out = client.getOutputStream()) {
                  out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                  // the test ends the conversation
                }
              });
      http.start();

      ConditionEvaluationResult result =
          evaluate(Map.of("TANDEM_TEST_MYSQL_PORT", String.valueOf(server.getLocalPort())));

      assertThat(result.isDisabled()).isTrue();
      http.join(5_000);
    }
  }

  @Test
  void shouldRunUnderCiEvenWithoutAServer() throws IOException {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }

    ConditionEvaluationResult result =
        evaluate(Map.of("CI", "true", "TANDEM_TEST_MYSQL_PORT", String.valueOf(freePort)));

    assertThat(result.isDisabled()).isFalse();
    assertThat(result.getReason()).get().asString().contains("CI=true");
  }

  @Test
  void shouldReadTheServerSettingsFromTheEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("TANDEM_TEST_MYSQL_HOST", "db.example");
    env.put("TANDEM_TEST_MYSQL_PORT", "3307");
    env.put("TANDEM_TEST_MYSQL_USER", "tandem");
    env.put("TANDEM_TEST_MYSQL_PASSWORD", "secret");

    assertThat(MySqlTestServer.fromEnvironment(env))
        .isEqualTo(new MySqlTestServer("db.example", 3307, "tandem", "secret"));
    assertThat(MySqlTestServer.fromEnvironment(Map.of()))
        .isEqualTo(new MySqlTestServer("127.0.0.1", 3306, "root", ""));
    assertThat(MySqlTestServer.fromEnvironment(env).jdbcUrl("x"))
        .contains("sendFractionalSeconds=false");
  }

  private static ConditionEvaluationResult evaluate(Map<String, String> env) {
    return new MySqlAvailable(env).evaluateExecutionCondition(null);
  }
}
