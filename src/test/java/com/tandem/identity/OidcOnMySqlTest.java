package com.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.TandemApplication;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.OneApplicationContextAtATime;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ScratchDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The profiles {@code mysql,oidc} together, as production runs them: on an empty MariaDB database
 * without demo data, a person whose provider names them by e-mail address calls the APIs with a
 * bearer token; Camunda learns them (user, address, membership) and their group's rights exist
 * although nobody created them by hand.
 */
@RequiresMySql
class OidcOnMySqlTest {

  ScratchDatabase database;

  @BeforeEach
  void emptyDatabase() {
    database = MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_oidc_");
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void shouldServeATokenOfThePersonNamedByEmailOnMySqlWithoutDemoData() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      String token =
          OidcTestSupport.token(
              OidcTestSupport.ISSUER,
              OidcTestSupport.CLIENT_ID,
              OidcTestSupport.claims(
                  "dana.director@company.example", "Dana", "Director", List.of("CIO-Office")),
              300);
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

      HttpResponse<String> me = get(port, "/api/me", token);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("\"userId\":\"dana.director@company.example\"");
      HttpResponse<String> definitions =
          get(port, "/engine-rest/process-definition?key=martech-purchase&maxResults=10", token);
      assertThat(definitions.statusCode()).isEqualTo(200);
      assertThat(definitions.body())
          .as("it-leadership's rights were granted at start")
          .contains("\"key\":\"martech-purchase\"");

      JdbcClient jdbc = app.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql("SELECT EMAIL_ FROM ACT_ID_USER WHERE ID_ = ?")
                  .param("dana.director@company.example")
                  .query(String.class)
                  .single())
          .isEqualTo("dana.director@company.example");
      assertThat(
              jdbc.sql("SELECT GROUP_ID_ FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ?")
                  .param("dana.director@company.example")
                  .query(String.class)
                  .list())
          .containsExactly("it-leadership");
    }
  }

  private ConfigurableApplicationContext start() {
    MySqlTestServer server = MySqlTestServer.fromEnvironment();
    Map<String, String> settings =
        Map.ofEntries(
            Map.entry("server.port", "0"),
            Map.entry("camunda.bpm.job-execution.enabled", "false"),
            Map.entry("logging.level.liquibase", "warn"),
            Map.entry("TANDEM_DB_URL", database.jdbcUrl()),
            Map.entry("TANDEM_DB_USER", server.user()),
            Map.entry("TANDEM_DB_PASSWORD", server.password()),
            Map.entry("TANDEM_ADMIN_USER", "ops"),
            Map.entry("TANDEM_ADMIN_PASSWORD", "s3cret-ops"),
            Map.entry(
                "TANDEM_OIDC_ISSUER_URI",
                OidcTestSupport.PROVIDER.issuerUrl(OidcTestSupport.ISSUER).toString()),
            Map.entry("TANDEM_OIDC_CLIENT_ID", OidcTestSupport.CLIENT_ID),
            Map.entry("TANDEM_OIDC_CLIENT_SECRET", "not-so-secret"),
            Map.entry("TANDEM_OIDC_GROUP_MAP", "CIO-Office=it-leadership"));
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    OneApplicationContextAtATime.closeCurrent();
    return new SpringApplicationBuilder(TandemApplication.class)
        .profiles("mysql", "oidc")
        .run(args);
  }

  private static HttpResponse<String> get(int port, String path, String token) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
