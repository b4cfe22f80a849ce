package com.tandem.process;

import static com.tandem.process.ModelMocks.REQUEST;
import static com.tandem.process.ProcessVariable.variables;
import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.PRIVACY_COMMENT;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.PRIVACY_REVIEW_REQUIRED;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;
import static com.tandem.process.PurchaseProcess.REVIEW_DUE_DATE;
import static com.tandem.process.PurchaseProcess.REVIEW_OUTCOME;
import static com.tandem.process.PurchaseProcess.REVIEW_SLA;
import static com.tandem.process.PurchaseProcess.REVIEW_SUMMARY;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The called process {@code martech-joint-review} on its own: who is asked, how the decisions join
 * into one outcome, and the SLA escalation that leaves the review open.
 */
@Deployment(
    resources = {
      "bpmn/martech-joint-review.bpmn",
      "forms/review-marketing.form",
      "forms/review-it.form",
      "forms/review-privacy.form"
    })
class JointReviewModelTest {

  static final String PROCESS_KEY = "martech-joint-review";

  @RegisterExtension static final ProcessEngineExtension ENGINE = ModelMocks.engine();

  ModelMocks mocks;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    mocks = new ModelMocks().register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void shouldAskMarketingAndItLeadershipButNotPrivacyWhenNoPersonalData() {
    ProcessInstance review = startReview(false);

    assertThat(review)
        .isWaitingAt(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT)
        .isNotWaitingAt(JointReviewProcess.Elements.REVIEW_PRIVACY);
    assertThat(task(JointReviewProcess.Elements.REVIEW_MARKETING, review))
        .hasCandidateGroup("marketing-leadership");
    assertThat(task(JointReviewProcess.Elements.REVIEW_IT, review))
        .hasCandidateGroup("it-leadership");
    Date due = (Date) runtimeService().getVariable(review.getId(), REVIEW_DUE_DATE.name());
    assertThat(task(JointReviewProcess.Elements.REVIEW_MARKETING, review)).hasDueDate(due);
    assertThat(task(JointReviewProcess.Elements.REVIEW_IT, review)).hasDueDate(due);
    verify(mocks.taskPresentation, times(2)).notify(any());
  }

  @Test
  void shouldAlsoAskPrivacyAndLegalWhenRoutedForPersonalData() {
    ProcessInstance review = startReview(true);

    assertThat(review)
        .isWaitingAtExactly(
            JointReviewProcess.Elements.REVIEW_MARKETING,
            JointReviewProcess.Elements.REVIEW_IT,
            JointReviewProcess.Elements.REVIEW_PRIVACY);
    assertThat(task(JointReviewProcess.Elements.REVIEW_PRIVACY, review))
        .hasCandidateGroup("privacy-legal");
  }

  @Test
  void shouldApproveWhenAllReviewersApprove() throws Exception {
    ProcessInstance review = startReview(true);

    decide(review, "APPROVE", "APPROVE", "APPROVE");

    assertThat(review)
        .isEnded()
        .hasPassed(
            JointReviewProcess.Elements.CONCLUDE_REVIEW,
            JointReviewProcess.Elements.END_REVIEW_CONCLUDED)
        .variables()
        .containsEntry(REVIEW_OUTCOME.name(), "APPROVED");
    verify(mocks.concludeJointReview).execute(any());
    verify(mocks.recordDecision, times(3)).notify(any());
  }

  @ParameterizedTest(name = "marketing {0}, IT {1}, privacy {2} -> {3}")
  @CsvSource({
    "REJECT,          APPROVE,         APPROVE,         REJECTED",
    "APPROVE,         REJECT,          APPROVE,         REJECTED",
    "APPROVE,         APPROVE,         REJECT,          REJECTED",
    "REQUEST_CHANGES, REJECT,          APPROVE,         REJECTED",
    "REQUEST_CHANGES, APPROVE,         APPROVE,         CHANGES_REQUESTED",
    "APPROVE,         APPROVE,         REQUEST_CHANGES, CHANGES_REQUESTED"
  })
  void shouldRejectOnAnyRejectionElseAskForChangesOnAnyRequest(
      String marketing, String it, String privacy, String outcome) {
    ProcessInstance review = startReview(true);

    decide(review, marketing, it, privacy);

    assertThat(review).isEnded().variables().containsEntry(REVIEW_OUTCOME.name(), outcome);
  }

  @Test
  void shouldIgnoreAnEarlierPrivacyDecisionWhenPrivacyIsNotRouted() {
    ProcessInstance review =
        runtimeService()
            .startProcessInstanceByKey(
                PROCESS_KEY, REQUEST, with(false, PRIVACY_DECISION.name(), "REJECT"));

    decide(review, "APPROVE", "APPROVE", null);

    assertThat(review)
        .isEnded()
        .hasNotPassed(JointReviewProcess.Elements.REVIEW_PRIVACY)
        .variables()
        .containsEntry(REVIEW_OUTCOME.name(), "APPROVED");
  }

  @Test
  void shouldWaitForEveryRoutedReviewWhileNobodyRejects() throws Exception {
    ProcessInstance review = startReview(true);

    complete(
        task(JointReviewProcess.Elements.REVIEW_MARKETING, review),
        variables().put(MARKETING_DECISION, "APPROVE").build());
    complete(
        task(JointReviewProcess.Elements.REVIEW_IT, review),
        variables().put(IT_DECISION, "APPROVE").build());

    // the two decided branches wait at the join for the third
    assertThat(review)
        .isWaitingAt(
            JointReviewProcess.Elements.REVIEW_PRIVACY,
            JointReviewProcess.Elements.GATEWAY_JOIN_REVIEWS)
        .hasNotPassed(JointReviewProcess.Elements.CONCLUDE_REVIEW);
    verify(mocks.concludeJointReview, never()).execute(any());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Task_ReviewMarketing, Timer_MarketingReviewSla, Task_EscalateMarketingReview, EndEvent_MarketingReviewEscalated",
    "Task_ReviewIt,        Timer_ItReviewSla,        Task_EscalateItReview,        EndEvent_ItReviewEscalated",
    "Task_ReviewPrivacy,   Timer_PrivacyReviewSla,   Task_EscalatePrivacyReview,   EndEvent_PrivacyReviewEscalated"
  })
  void shouldEscalateALateReviewAndKeepItOpen(
      String reviewTask, String timer, String escalation, String escalated) {
    ProcessInstance review = startReview(true);
    Job sla = jobQuery().activityId(timer).singleResult();
    Assertions.assertThat(sla.getDuedate())
        .isCloseTo(ModelMocks.inDays(mocks.reviewSlaDays), 60_000);

    execute(sla);
    assertThat(review).isWaitingAt(reviewTask, escalation);
    execute(jobQuery().activityId(escalation).singleResult());

    assertThat(review)
        .hasPassed(timer, escalation, escalated)
        .isWaitingAtExactly(
            JointReviewProcess.Elements.REVIEW_MARKETING,
            JointReviewProcess.Elements.REVIEW_IT,
            JointReviewProcess.Elements.REVIEW_PRIVACY);
    Assertions.assertThat(mocks.escalatedReviews).containsExactly(reviewTask);
    Assertions.assertThat(taskQuery().taskDefinitionKey(reviewTask).count()).isEqualTo(1);
  }

  @Test
  void shouldCancelTheSlaTimersWhenTheReviewsAreDecidedInTime() {
    ProcessInstance review = startReview(true);
    Assertions.assertThat(jobQuery().timers().count()).isEqualTo(3);

    decide(review, "APPROVE", "REQUEST_CHANGES", "APPROVE");

    assertThat(review)
        .isEnded()
        .hasNotPassed(JointReviewProcess.Elements.ESCALATE_MARKETING_REVIEW);
    Assertions.assertThat(jobQuery().count()).isZero();
    Assertions.assertThat(mocks.escalatedReviews).isEmpty();
  }

  @Test
  void shouldCarryTheReviewersCommentsIntoTheSummary() {
    ProcessInstance review = startReview(true);

    complete(
        task(JointReviewProcess.Elements.REVIEW_MARKETING, review),
        variables().put(MARKETING_DECISION, "APPROVE").build());
    complete(
        task(JointReviewProcess.Elements.REVIEW_IT, review),
        variables().put(IT_DECISION, "REQUEST_CHANGES").put(IT_COMMENT, "Needs SAML").build());
    complete(
        task(JointReviewProcess.Elements.REVIEW_PRIVACY, review),
        variables().put(PRIVACY_DECISION, "APPROVE").put(PRIVACY_COMMENT, "").build());

    Object summary =
        ENGINE
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(review.getId())
            .variableName(REVIEW_SUMMARY.name())
            .singleResult()
            .getValue();
    Assertions.assertThat(summary)
        .isEqualTo(
            "• Marketing review: APPROVE\n"
                + "• IT review: REQUEST_CHANGES — Needs SAML\n"
                + "• Privacy review: APPROVE");
  }

  private ProcessInstance startReview(boolean privacy) {
    return runtimeService().startProcessInstanceByKey(PROCESS_KEY, REQUEST, with(privacy));
  }

  /** What the purchase process hands over after routing. */
  private Map<String, Object> with(boolean privacy, Object... more) {
    Map<String, Object> variables =
        variables()
            .put(REQUEST_ID, REQUEST)
            .put(PRIVACY_REVIEW_REQUIRED, privacy)
            .put(REVIEW_SLA, "P" + mocks.reviewSlaDays + "D")
            .put(REVIEW_DUE_DATE, ModelMocks.inDays(mocks.reviewSlaDays))
            .build();
    for (int i = 0; i < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return variables;
  }

  /** The reviewers decide; {@code privacy} null when privacy was not asked. */
  static void decide(ProcessInstance review, String marketing, String it, String privacy) {
    complete(
        task(JointReviewProcess.Elements.REVIEW_MARKETING, review),
        variables().put(MARKETING_DECISION, marketing).build());
    complete(
        task(JointReviewProcess.Elements.REVIEW_IT, review),
        variables().put(IT_DECISION, it).build());
    if (privacy != null) {
      complete(
          task(JointReviewProcess.Elements.REVIEW_PRIVACY, review),
          variables().put(PRIVACY_DECISION, privacy).build());
    }
  }
}
