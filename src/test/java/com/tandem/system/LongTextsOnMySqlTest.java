package com.tandem.system;

import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ScratchDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LongTextsScenario} on the MySQL-protocol server, where a String variable longer than its
 * column fails with "Data too long for column 'TEXT_'".
 */
@RequiresMySql
class LongTextsOnMySqlTest {

  ScratchDatabase database;

  @BeforeEach
  void emptyDatabase() {
    database = MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_long_");
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  @Test
  void shouldCarryMaximumLengthTextsAnd200OverlapsToTheBoardAndOnWithoutIncident() {
    var server = MySqlTestServer.fromEnvironment();
    try (var app =
        TandemRestart.start(
            "mysql",
            Map.of(
                "TANDEM_DB_URL",
                database.jdbcUrl(),
                "TANDEM_DB_USER",
                server.user(),
                "TANDEM_DB_PASSWORD",
                server.password(),
                "TANDEM_ADMIN_USER",
                "ops",
                "TANDEM_ADMIN_PASSWORD",
                "s3cret-ops",
                "tandem.demo-data.enabled",
                "true"))) {
      new LongTextsScenario(app).run();
    }
  }
}
