package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.PurchaseProcess;
import com.tandem.request.TandemGroups;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default run keeps its H2 database in a file: a restart keeps every request and redeploys
 * nothing.
 */
class TandemRestartsOnH2Test {

  @TempDir Path dataDir;

  @Test
  void shouldKeepRequestsAndDeployNothingNewOnRestart() {
    Map<String, Object> settings =
        Map.of("TANDEM_DATA_DIR", dataDir.toString(), "tandem.demo-data.enabled", "true");
    String requestId;
    long changesets;
    try (var first = TandemRestart.start(null, settings)) {
      var identity = first.getBean(IdentityService.class);
      identity.setAuthentication("requester", List.of(TandemGroups.MARKETING));
      requestId =
          first
              .getBean(RuntimeService.class)
              .startProcessInstanceByKey(
                  "martech-purchase",
                  Variables.createVariables()
                      .putValue("toolName", "Eventful")
                      .putValue("vendor", "Eventful Inc.")
                      .putValue("capabilities", "event-management")
                      .putValue("businessJustification", "Webinars")
                      .putValue("annualLicenseCost", "1200.00")
                      .putValue("implementationCost", "0")
                      .putValue("currency", "USD")
                      .putValue("seats", 2L)
                      .putValue("contractTermMonths", 12L)
                      .putValue("neededBy", LocalDate.now().plusMonths(1).toString())
                      .putValue("personalData", "NONE")
                      .putValue("sso", "OIDC")
                      .putValue("dataExportSupported", true))
              .getBusinessKey();
      identity.clearAuthentication();
      assertThat(first.getBean(RepositoryService.class).createDeploymentQuery().count())
          .isEqualTo(1);
      changesets = changesets(first.getBean(JdbcClient.class));
    }
    try (var second = TandemRestart.start(null, settings)) {
      var jdbc = second.getBean(JdbcClient.class);
      assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count())
          .as("unchanged files deploy nothing new")
          .isEqualTo(1);
      assertThat(
              second
                  .getBean(RepositoryService.class)
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
                  .count())
          .isEqualTo(1);
      assertThat(changesets(jdbc)).as("no changeset applied twice").isEqualTo(changesets);
      assertThat(
              jdbc.sql("SELECT status FROM tandem_purchase_request WHERE id = ?")
                  .param(requestId)
                  .query(String.class)
                  .single())
          .isEqualTo("SUBMITTED");
      assertThat(
              second
                  .getBean(RuntimeService.class)
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(requestId)
                  .count())
          .isEqualTo(1);
    }
  }

  static long changesets(JdbcClient jdbc) {
    return jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Long.class).single();
  }
}
