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
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
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
import org.mockito.Mockito;

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
            JointReviewProcess.Elements.REVIEWS,
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
    "APPROVE,         APPROVE,         REJECT,          REJECTED",
    "REQUEST_CHANGES, REQUEST_CHANGES, REJECT,          REJECTED",
    "REQUEST_CHANGES, APPROVE,         APPROVE,         CHANGES_REQUESTED",
    "APPROVE,         APPROVE,         REQUEST_CHANGES, CHANGES_REQUESTED"
  })
  void shouldRejectOnAnyRejectionElseAskForChangesOnAnyRequest(
      String marketing, String it, String privacy, String outcome) {
    ProcessInstance review = startReview(true);

    decide(review, marketing, it, privacy);
    runVetoNotice(review);

    assertThat(review).isEnded().variables().containsEntry(REVIEW_OUTCOME.name(), outcome);
  }

  @ParameterizedTest(name = "{0} rejects first")
  @CsvSource({
    "Task_ReviewMarketing, marketingDecision, EndEvent_MarketingVetoed",
    "Task_ReviewIt,        itDecision,        EndEvent_ItVetoed",
    "Task_ReviewPrivacy,   privacyDecision,   EndEvent_PrivacyVetoed"
  })
  void shouldCancelTheOpenReviewsAtOnceWhenAnyReviewerRejects(
      String vetoingTask, String decision, String vetoEnd) {
    ProcessInstance review = startReview(true);

    complete(task(vetoingTask, review), Map.of(decision, "REJECT"));

    // nobody reviews a request that is already vetoed: no task, no SLA timer is left
    Assertions.assertThat(taskQuery().processInstanceId(review.getId()).count()).isZero();
    Assertions.assertThat(jobQuery().timers().count()).isZero();
    assertThat(review)
        .hasPassed(vetoEnd, JointReviewProcess.Elements.REVIEW_VETOED)
        .isWaitingAt(JointReviewProcess.Elements.NOTIFY_VETOED_REVIEWS);
    Assertions.assertThat(mocks.vetoNotices).isEmpty();

    execute(
        jobQuery().activityId(JointReviewProcess.Elements.NOTIFY_VETOED_REVIEWS).singleResult());

    assertThat(review)
        .isEnded()
        .hasPassed(JointReviewProcess.Elements.END_REVIEW_CONCLUDED)
        .hasNotPassed(JointReviewProcess.Elements.GATEWAY_JOIN_REVIEWS)
        .variables()
        .containsEntry(REVIEW_OUTCOME.name(), "REJECTED");
    Assertions.assertThat(mocks.vetoNotices).containsExactly(REQUEST);
    Assertions.assertThat(summaryOf(review))
        .contains("cancelled by the rejection")
        .contains("REJECT");
  }

  @Test
  void shouldCancelOnlyTheReviewsStillOpenWhenTheSecondReviewerRejects() {
    ProcessInstance review = startReview(true);
    complete(
        task(JointReviewProcess.Elements.REVIEW_MARKETING, review),
        variables().put(MARKETING_DECISION, "APPROVE").build());

    complete(
        task(JointReviewProcess.Elements.REVIEW_IT, review),
        variables().put(IT_DECISION, "REJECT").put(IT_COMMENT, "No SSO").build());
    runVetoNotice(review);

    assertThat(review).isEnded().variables().containsEntry(REVIEW_OUTCOME.name(), "REJECTED");
    Assertions.assertThat(summaryOf(review))
        .isEqualTo(
            "• Marketing review: APPROVE\n"
                + "• IT review: REJECT — No SSO\n"
                + "• Privacy review: cancelled by the rejection");
  }

  /**
   * Two reviewers press "Complete" in the same second: both transactions are held inside the
   * complete listener until both have read the instance, so they truly overlap on the real engine
   * and database. Optimistic locking lets exactly one commit; the other fails cleanly and, if its
   * task still exists, the reviewer simply completes it again. Either way the review has exactly
   * one outcome and no task is left behind.
   */
  @ParameterizedTest(name = "marketing {0} and IT {1} at once")
  @CsvSource({"REJECT, APPROVE", "APPROVE, REJECT", "REJECT, REJECT"})
  void shouldEndWithExactlyOneOutcomeWhenTwoReviewersCompleteAtTheSameMoment(
      String marketing, String it) throws Exception {
    ProcessInstance review = startReview(false);
    String marketingTask = task(JointReviewProcess.Elements.REVIEW_MARKETING, review).getId();
    String itTask = task(JointReviewProcess.Elements.REVIEW_IT, review).getId();
    CyclicBarrier bothInside = new CyclicBarrier(2);
    doAnswer(
            call -> {
              bothInside.await(10, TimeUnit.SECONDS);
              return null;
            })
        .when(mocks.recordDecision)
        .notify(any());
    TaskService tasks = ENGINE.getTaskService();
    ExecutorService reviewers = Executors.newFixedThreadPool(2);
    Map<String, Object> marketingVars = Map.of(MARKETING_DECISION.name(), marketing);
    Map<String, Object> itVars = Map.of(IT_DECISION.name(), it);
    // the mocks are registered per thread
    Future<?> byMarketing =
        reviewers.submit(
            () -> {
              mocks.register();
              tasks.complete(marketingTask, marketingVars);
            });
    Future<?> byIt =
        reviewers.submit(
            () -> {
              mocks.register();
              tasks.complete(itTask, itVars);
            });
    List<Throwable> failures = new ArrayList<>();
    for (Future<?> completion : List.of(byMarketing, byIt)) {
      try {
        completion.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException failed) {
        failures.add(failed.getCause());
      }
    }
    reviewers.shutdown();

    Assertions.assertThat(failures)
        .as("exactly one of two overlapping completions fails")
        .hasSize(1)
        .allSatisfy(
            failure ->
                Assertions.assertThat(failure).isInstanceOf(OptimisticLockingException.class));
    // the loser's task is either gone (the veto cancelled it) or still open to be completed again
    Mockito.reset(mocks.recordDecision);
    for (String loser : List.of(marketingTask, itTask)) {
      if (tasks.createTaskQuery().taskId(loser).count() == 1) {
        tasks.complete(loser, loser.equals(marketingTask) ? marketingVars : itVars);
      }
    }
    runVetoNotice(review);

    assertThat(review).isEnded().variables().containsEntry(REVIEW_OUTCOME.name(), "REJECTED");
    Assertions.assertThat(taskQuery().processInstanceId(review.getId()).count()).isZero();
    Assertions.assertThat(
            ENGINE
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(review.getId())
                .activityId(JointReviewProcess.Elements.END_REVIEW_CONCLUDED)
                .count())
        .as("one outcome")
        .isEqualTo(1);
    verify(mocks.concludeJointReview, times(1)).execute(any());
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
            JointReviewProcess.Elements.REVIEWS,
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

  private void runVetoNotice(ProcessInstance review) {
    jobQuery()
        .processInstanceId(review.getId())
        .activityId(JointReviewProcess.Elements.NOTIFY_VETOED_REVIEWS)
        .list()
        .forEach(BpmnAwareTests::execute);
  }

  private String summaryOf(ProcessInstance review) {
    return (String)
        ENGINE
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(review.getId())
            .variableName(REVIEW_SUMMARY.name())
            .singleResult()
            .getValue();
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
