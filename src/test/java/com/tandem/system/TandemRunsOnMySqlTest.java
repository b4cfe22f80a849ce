package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.PurchaseProcess;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ScratchDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mysql profile against the real MySQL-protocol server (MariaDB here, MySQL 8.0 in production),
 * on an empty database: Liquibase creates every table, Camunda's included, the engine starts on
 * them, and a second start applies nothing.
 */
@RequiresMySql
class TandemRunsOnMySqlTest {

  ScratchDatabase database;

  @BeforeEach
  void emptyDatabase() {
    database = MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_app_");
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  Map<String, Object> settings() {
    var server = MySqlTestServer.fromEnvironment();
    return Map.of(
        "TANDEM_DB_URL",
        database.jdbcUrl(),
        "TANDEM_DB_USER",
        server.user(),
        "TANDEM_DB_PASSWORD",
        server.password(),
        "TANDEM_ADMIN_USER",
        "ops",
        "TANDEM_ADMIN_PASSWORD",
        "s3cret-ops");
  }

  @Test
  void shouldCreateEverySchemaWithLiquibaseAndApplyNothingOnRestart() throws Exception {
    long changesets;
    String lastDeploymentOfLiquibase;
    try (ConfigurableApplicationContext first = TandemRestart.start("mysql", settings())) {
      JdbcClient jdbc = first.getBean(JdbcClient.class);
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM DATABASECHANGELOG WHERE AUTHOR = 'Camunda' AND ID = '7.16.0-baseline'")
                  .query(Long.class)
                  .single())
          .as("Camunda's baseline by Liquibase")
          .isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = '7.23-to-7.24'")
                  .query(Long.class)
                  .single())
          .as("Camunda's upgrades up to 7.24")
          .isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE AUTHOR = 'tandem'")
                  .query(Long.class)
                  .single())
          .isPositive();
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                          + "AND table_name IN ('ACT_RU_EXECUTION', 'ACT_HI_PROCINST', 'ACT_ID_USER', 'tandem_purchase_request')")
                  .query(Long.class)
                  .single())
          .isEqualTo(4);
      assertThat(
              first
                  .getBean(RepositoryService.class)
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
                  .count())
          .isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM ACT_ID_USER WHERE ID_ = 'requester'")
                  .query(Long.class)
                  .single())
          .as("no demo users in the mysql profile")
          .isZero();
      assertThat(get(first, "/actuator/health", null)).contains("\"UP\"");
      assertThat(get(first, "/engine-rest/user/ops/profile", "ops:s3cret-ops"))
          .contains("\"id\":\"ops\"");
      changesets = jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Long.class).single();
      lastDeploymentOfLiquibase =
          jdbc.sql("SELECT MAX(DEPLOYMENT_ID) FROM DATABASECHANGELOG").query(String.class).single();
    }
    try (ConfigurableApplicationContext second = TandemRestart.start("mysql", settings())) {
      JdbcClient jdbc = second.getBean(JdbcClient.class);
      assertThat(jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Long.class).single())
          .isEqualTo(changesets);
      assertThat(
              jdbc.sql("SELECT MAX(DEPLOYMENT_ID) FROM DATABASECHANGELOG")
                  .query(String.class)
                  .single())
          .as("no changeset ran in the second start")
          .isEqualTo(lastDeploymentOfLiquibase);
      assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count())
          .isEqualTo(1);
    }
  }

  private static String get(ConfigurableApplicationContext app, String path, String basic)
      throws Exception {
    int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (basic != null) {
      request.header(
          "Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes()));
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
