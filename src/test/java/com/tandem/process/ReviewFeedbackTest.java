package com.tandem.process;

import static com.tandem.process.JointReviewProcess.IT_CONDITIONS;
import static com.tandem.process.JointReviewProcess.MARKETING_CONDITIONS;
import static com.tandem.process.JointReviewProcess.REVIEWS_SO_FAR;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DATA_EXPORT;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DELETION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_INTEGRATION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_SSO;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.request.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What reviewers tell each other and the requester: a decision without its required reason is
 * refused with a sentence (not an engine error), a reviewer sees the reviews already decided, and
 * the conditions given with an approval are recorded as that review's comment.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReviewFeedbackTest extends ProcessScenario {

  @Autowired TestRestTemplate http;

  private ResponseEntity<String> completeOverRest(String user, String taskId, String variables) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/engine-rest/task/" + taskId + "/complete",
            new HttpEntity<>("{\"variables\": {" + variables + "}}", headers),
            String.class);
  }

  @Test
  void shouldRefuseARejectionWithoutReasonWithASentenceNotAnEngineError(CapturedOutput output) {
    String id = submitForReview(intake());
    String taskId = task(id, JointReviewProcess.Elements.REVIEW_MARKETING).getId();
    int logBefore = output.getAll().length();

    var response =
        completeOverRest(
            "cmo", taskId, "\"marketingDecision\": {\"value\": \"REJECT\", \"type\": \"String\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody())
        .contains("Please explain your decision", MARKETING_COMMENT.name())
        .doesNotContain("ENGINE-", "TaskListener", "Cannot complete task");
    assertThat(openTasks(id))
        .as("nothing was completed")
        .contains(JointReviewProcess.Elements.REVIEW_MARKETING);
    String log = output.getAll().substring(logBefore);
    assertThat(log)
        .as("the person's input is logged as such, once, without an engine error")
        .contains("Refused: Please explain your decision")
        .doesNotContain("ENGINE-03051", "ENGINE-16004", "ERROR");

    var rejected =
        completeOverRest(
            "cmo",
            taskId,
            "\"marketingDecision\": {\"value\": \"REJECT\", \"type\": \"String\"},"
                + " \"marketingComment\": {\"value\": \"We run webinars in Hopin already.\","
                + " \"type\": \"String\"}");
    assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  @Test
  void shouldShowTheOtherReviewersWhatWasDecidedAndRecordConditions() {
    String id = submitForReview(intake());
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE",
        MARKETING_CONDITIONS.name(),
        "Only with the events team trained first.");

    var itTask = task(id, JointReviewProcess.Elements.REVIEW_IT);
    as("cio");
    String soFar;
    try {
      soFar =
          (String)
              engine
                  .getFormService()
                  .getTaskFormVariables(itTask.getId())
                  .get(REVIEWS_SO_FAR.name());
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(soFar)
        .as("the IT reviewer reads the marketing review in the form")
        .contains("Marketing review (cmo): Approve", "Only with the events team trained first.");

    complete(
        id,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        "APPROVE",
        IT_CONDITIONS.name(),
        "DPA with SCCs required before go-live.",
        IT_CHECKLIST_SSO.name(),
        true,
        IT_CHECKLIST_DATA_EXPORT.name(),
        true,
        IT_CHECKLIST_DELETION.name(),
        true,
        IT_CHECKLIST_INTEGRATION.name(),
        true);

    assertThat(registry.decisions(id))
        .extracting(Decision::stage, Decision::comment)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "MARKETING_REVIEW", "Only with the events team trained first."),
            org.assertj.core.groups.Tuple.tuple(
                "IT_REVIEW",
                "Not confirmed with the vendor: a data-processing agreement."
                    + " DPA with SCCs required before go-live."));
  }
}
