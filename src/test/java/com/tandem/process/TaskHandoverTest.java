package com.tandem.process;

import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.inventory.InventoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Giving a claimed task back and handing it on, through the engine REST API Tasklist calls: the
 * holder may unclaim; the candidate group's leadership may unclaim or reassign within the group;
 * everyone else is refused with a sentence, not permission names.
 */
class TaskHandoverTest extends ProcessScenario {

  @Autowired TestRestTemplate http;
  @Autowired InventoryService inventory;

  @BeforeEach
  void colleagues() {
    ensureUser("cmo2", "marketing-leadership");
    ensureUser("itops2", "it-operations");
  }

  private void ensureUser(String id, String group) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(id);
      user.setLastName("Colleague");
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership(id, group);
    }
  }

  private ResponseEntity<String> post(String user, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .postForEntity("/engine-rest/task/" + path, new HttpEntity<>(body, headers), String.class);
  }

  private ResponseEntity<String> claim(String user, String taskId) {
    return post(user, taskId + "/claim", "{\"userId\": \"" + user + "\"}");
  }

  private ResponseEntity<String> unclaim(String user, String taskId) {
    return post(user, taskId + "/unclaim", "{}");
  }

  private ResponseEntity<String> assign(String user, String taskId, String to) {
    return post(user, taskId + "/assignee", "{\"userId\": \"" + to + "\"}");
  }

  private String assignee(String taskId) {
    return taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee();
  }

  private static void assertRefusedInWords(ResponseEntity<String> reply) {
    assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(reply.getBody())
        .doesNotContain("TASK_ASSIGN", "UPDATE_TASK", "ENGINE-")
        .contains("Only ");
  }

  @Test
  void shouldLetAReviewerGiveTheirTaskBackAndOnlyThem() {
    String id = submitForReview(intake());
    String review = task(id, JointReviewProcess.Elements.REVIEW_MARKETING).getId();
    assertThat(claim("cmo", review).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    assertRefusedInWords(unclaim("cio", review));
    assertRefusedInWords(unclaim("requester", review));
    assertThat(assignee(review)).isEqualTo("cmo");

    assertThat(unclaim("cmo", review).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee(review)).as("back in the group's queue").isNull();

    assertThat(claim("cmo2", review).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    var completed =
        post(
            "cmo2",
            review + "/complete",
            "{\"variables\": {\"marketingDecision\": {\"value\": \"APPROVE\"}}}");
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(decisions(id)).anyMatch(d -> d.startsWith("MARKETING_REVIEW:APPROVE:cmo2"));
  }

  @Test
  void shouldLetLeadershipReassignWithinTheGroupOnly() {
    String id = submitForReview(intake());
    String review = task(id, JointReviewProcess.Elements.REVIEW_MARKETING).getId();
    claim("cmo", review);

    var outside = assign("cmo2", review, "cio");
    assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(outside.getBody()).contains("cio is not a member of").doesNotContain("TASK_ASSIGN");
    assertThat(assignee(review)).isEqualTo("cmo");

    assertThat(assign("cmo2", review, "cmo2").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee(review)).isEqualTo("cmo2");
    assertRefusedInWords(assign("cio", review, "cio"));
  }

  @Test
  void shouldLetItLeadershipHandOnboardingToAnotherOperator() {
    String id = submitForReview(intake());
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    negotiateAsRequested(id);
    String onboarding = task(id, PurchaseProcess.Elements.COMPLETE_ONBOARDING).getId();
    claim("itops", onboarding);

    assertRefusedInWords(assign("itops", onboarding, "itops2"));
    assertThat(assign("cio", onboarding, "itops2").getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee(onboarding)).isEqualTo("itops2");
    assertThat(unclaim("cio", onboarding).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(assignee(onboarding)).isNull();

    // Leave no tool behind that later scenarios of the shared context would find as an overlap.
    complete(
        id,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        PurchaseProcess.SSO_CONFIGURED.name(),
        true,
        PurchaseProcess.DPA_SIGNED.name(),
        true);
    inventory.retire(inventory.toolOfRequest(id).orElseThrow().id());
  }
}
