package com.tandem.process;

import static com.tandem.process.JointReviewProcess.IT_CONDITIONS;
import static com.tandem.process.JointReviewProcess.MARKETING_CONDITIONS;
import static com.tandem.process.PurchaseProcess.CUSTODY_GAP_REASON;
import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DATA_EXPORT;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DPA;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_INTEGRATION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_SSO;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.ONBOARDING_BRIEFING;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.inventory.InventoryService;
import com.tandem.request.RequestStatus;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Conditions travel: what the reviewers said reaches IT operations at onboarding, and an onboarding
 * that leaves single sign-on or the DPA undone needs a reason and leaves an open custody gap on the
 * tool, listed by the API.
 */
class OnboardingConditionsTest extends ProcessScenario {

  @Autowired TestRestTemplate http;
  @Autowired ObjectMapper json;
  @Autowired InventoryService inventory;

  private JsonNode get(String user, String path) throws Exception {
    var response = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(response.getStatusCode().value()).as("GET %s", path).isEqualTo(200);
    return json.readTree(response.getBody());
  }

  @Test
  void shouldShowTheReviewersConditionsAndRecordAnOpenCustodyGap() throws Exception {
    String id = submitForReview(intake());
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE",
        MARKETING_CONDITIONS.name(),
        "Train the events team before the first webinar.");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        "APPROVE",
        IT_CONDITIONS.name(),
        "Deletion certificate to be confirmed at onboarding.",
        IT_CHECKLIST_SSO.name(),
        true,
        IT_CHECKLIST_DATA_EXPORT.name(),
        true,
        IT_CHECKLIST_DPA.name(),
        true,
        IT_CHECKLIST_INTEGRATION.name(),
        true);
    negotiateAsRequested(id);
    assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);

    var onboarding = task(id, PurchaseProcess.Elements.COMPLETE_ONBOARDING);
    as("itops");
    Object briefing;
    try {
      briefing =
          engine
              .getFormService()
              .getTaskFormVariables(onboarding.getId())
              .get(ONBOARDING_BRIEFING.name());
    } finally {
      identityService.clearAuthentication();
    }
    assertThat((String) briefing)
        .contains(
            "Marketing review — approved by cmo",
            "Train the events team before the first webinar.",
            "IT review — approved by cio",
            "Deletion certificate to be confirmed at onboarding.",
            "Not confirmed with the vendor: deletion of our data on exit");

    as("itops");
    Throwable refused;
    try {
      taskService.claim(onboarding.getId(), "itops");
      refused =
          catchThrowable(
              () ->
                  taskService.complete(
                      onboarding.getId(),
                      vars(SSO_CONFIGURED.name(), false, DPA_SIGNED.name(), true)));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(refused)
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Single sign-on is not configured")
        .hasMessageContaining(CUSTODY_GAP_REASON.name())
        .hasMessageNotContaining("ENGINE-");
    assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);

    complete(
        id,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        SSO_CONFIGURED.name(),
        false,
        DPA_SIGNED.name(),
        true,
        CUSTODY_GAP_REASON.name(),
        "The IdP team connects it in the next sprint.");
    assertThat(status(id)).isEqualTo(RequestStatus.ACTIVE);

    JsonNode gaps = get("cio", "/api/inventory/custody-gaps");
    JsonNode gap = null;
    for (JsonNode each : gaps) {
      if (id.equals(each.get("caseId").asText())) {
        gap = each;
      }
    }
    assertThat(gap).as("the open gap of %s is listed", id).isNotNull();
    assertThat(gap.get("kind").asText()).isEqualTo("SSO");
    assertThat(gap.get("description").asText()).isEqualTo("Single sign-on is not configured");
    assertThat(gap.get("reason").asText())
        .isEqualTo("The IdP team connects it in the next sprint.");
    assertThat(gap.get("toolName").asText()).isEqualTo("Eventful");

    JsonNode tool = get("itops", "/api/inventory/tools/" + gap.get("toolId").asLong());
    assertThat(tool.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(tool.get("custodyGaps")).hasSize(1);
    assertThat(tool.get("custodyGaps").get(0).get("recordedBy").asText()).isEqualTo("itops");

    // Later scenarios of the shared context must not find this tool as an overlap, nor its gap.
    inventory.retire(gap.get("toolId").asLong());
    assertThat(get("cio", "/api/inventory/custody-gaps").findValuesAsText("caseId"))
        .as("a retired tool has no open gap to close")
        .doesNotContain(id);
  }
}
