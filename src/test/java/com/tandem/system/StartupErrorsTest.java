package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.TandemProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up mistakes an operator makes, in a real process: it exits non-zero with one line saying
 * what is wrong and what to set, and no stack trace.
 */
class StartupErrorsTest {

  @TempDir Path dir;

  @Test
  void shouldNameTheMissingAdministratorSettingsOfTheMysqlProfile() throws Exception {
    String log = failedStart(Map.of(), "--spring.profiles.active=mysql");

    assertThat(log)
        .contains(
            "Tandem cannot start: the required settings TANDEM_ADMIN_USER, TANDEM_ADMIN_PASSWORD are not set.")
        .contains("Set TANDEM_ADMIN_USER, TANDEM_ADMIN_PASSWORD in the environment");
  }

  @Test
  @RequiresMySql
  void shouldSayTheDatabaseRefusedTheLoginAndWhatToSet() throws Exception {
    MySqlTestServer server = MySqlTestServer.fromEnvironment();
    String log =
        failedStart(
            Map.of(
                "TANDEM_DB_URL",
                server.jdbcUrl("tandem"),
                "TANDEM_DB_USER",
                server.user(),
                "TANDEM_DB_PASSWORD",
                server.password() + "-wrong",
                "TANDEM_ADMIN_USER",
                "ops",
                "TANDEM_ADMIN_PASSWORD",
                "s3cret"),
            "--spring.profiles.active=mysql");

    assertThat(log)
        .contains(
            "Tandem cannot start: the database refused the login of user '%s' at jdbc:mysql://%s:%d/tandem"
                .formatted(server.user(), server.host(), server.port()))
        .contains("Set TANDEM_DB_USER and TANDEM_DB_PASSWORD");
  }

  @Test
  void shouldSayTheEngineNeedsReadCommittedConnections() throws Exception {
    String log =
        failedStart(
            Map.of("TANDEM_DATA_DIR", dir.resolve("data").toString()),
            "--spring.datasource.hikari.transaction-isolation=TRANSACTION_SERIALIZABLE");

    assertThat(log)
        .contains(
            "Tandem cannot start: the database connections use the isolation level SERIALIZABLE;"
                + " the Camunda engine needs READ COMMITTED.")
        .contains("Set spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED");
  }

  /** Starts Tandem, expects it to fail; returns its output. */
  private String failedStart(Map<String, String> env, String... args) throws Exception {
    String[] all = new String[args.length + 1];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--server.port=0";
    try (TandemProcess tandem = TandemProcess.start(dir, env, all)) {
      int exit = tandem.awaitExit(Duration.ofMinutes(4));
      String log = tandem.output();
      assertThat(exit).as("exit code; output:\n%s", log).isNotZero();
      assertThat(log).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
      return log;
    }
  }
}
