package com.tandem.process;

import static com.tandem.process.ModelMocks.REQUEST;
import static com.tandem.request.PurchaseVariables.BOARD_DECISION;
import static com.tandem.request.PurchaseVariables.COSIGN_COMMENT;
import static com.tandem.request.PurchaseVariables.COSIGN_DECISION;
import static com.tandem.request.PurchaseVariables.FINAL_STATUS;
import static com.tandem.request.PurchaseVariables.HOLDS_PLACED;
import static com.tandem.request.PurchaseVariables.IT_DECISION;
import static com.tandem.request.PurchaseVariables.MARKETING_DECISION;
import static com.tandem.request.PurchaseVariables.NEW_TOOL_JUSTIFICATION;
import static com.tandem.request.PurchaseVariables.PERSONAL_DATA;
import static com.tandem.request.PurchaseVariables.PROCESS_KEY;
import static com.tandem.request.PurchaseVariables.PROPOSAL_AMOUNT;
import static com.tandem.request.PurchaseVariables.PROPOSAL_JUSTIFICATION;
import static com.tandem.request.PurchaseVariables.REQUESTER;
import static com.tandem.request.PurchaseVariables.REQUEST_ID;
import static com.tandem.request.PurchaseVariables.REVIEW_OUTCOME;
import static com.tandem.request.PurchaseVariables.REVISION_ACTION;
import static com.tandem.request.PurchaseVariables.SSO_CONFIGURED;
import static com.tandem.request.PurchaseVariables.TOOL_NAME;
import static com.tandem.request.PurchaseVariables.USE_EXISTING_TOOL;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.processInstanceQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.tandem.request.WithdrawalService;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code martech-purchase} on a bare in-memory engine, with the real joint review and
 * board submission models as its called processes and every delegate a mock ({@link ModelMocks}).
 * Async steps wait as jobs until the test runs them, as the job executor would.
 */
@Deployment(
    resources = {
      "bpmn/martech-purchase.bpmn",
      "bpmn/martech-joint-review.bpmn",
      "bpmn/martech-board-submission.bpmn",
      "bpmn/review-routing.dmn",
      "forms/intake-form.form",
      "forms/consider-existing-tool.form",
      "forms/review-marketing.form",
      "forms/review-it.form",
      "forms/review-privacy.form",
      "forms/revise-request.form",
      "forms/draft-budget-proposal.form",
      "forms/cosign-budget-proposal.form",
      "forms/board-decision.form",
      "forms/complete-onboarding.form"
    })
class MartechPurchaseModelTest {

  static final String JOINT_REVIEW = "martech-joint-review";
  static final String BOARD_SUBMISSION = "martech-board-submission";

  @RegisterExtension static final ProcessEngineExtension ENGINE = ModelMocks.engine();

  ModelMocks mocks;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    mocks = new ModelMocks().register();
  }

  @AfterEach
  void tearDown() {
    identityService().clearAuthentication();
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void shouldRegisterTheRequestAndCheckTheInventoryInTheBackground() throws Exception {
    ProcessInstance request = submit();

    assertThat(request)
        .hasPassed("StartEvent_RequestSubmitted", "Task_RegisterRequest")
        .isWaitingAtExactly("Task_CheckInventory")
        .hasBusinessKey(REQUEST)
        .variables()
        .containsEntry(REQUESTER.name(), ModelMocks.REQUESTER)
        .containsEntry(REQUEST_ID.name(), REQUEST);
    verify(mocks.registerRequest).execute(any());
    verify(mocks.checkInventory, never()).execute(any());
    Assertions.assertThat(formService().getDeployedStartForm(request.getProcessDefinitionId()))
        .isNotNull();

    runJob("Task_CheckInventory");
    verify(mocks.checkInventory).execute(any());
  }

  @Test
  void shouldAskTheRequesterToConsiderTheOwnedToolWhenOverlapsAreFound() {
    mocks.overlapsFound = true;
    ProcessInstance request = submit();

    runJob("Task_CheckInventory");

    assertThat(request).isWaitingAtExactly("Task_ConsiderExistingTool");
    assertThat(task(request)).isAssignedTo(ModelMocks.REQUESTER);
    assertFormDeployed(task(request));
    Assertions.assertThat(mocks.requestStatuses).containsExactly("AWAITING_REQUESTER");
    verify(mocks.notifyRequester).notify(any());
    verify(mocks.taskPresentation).notify(any());
  }

  @Test
  void shouldRedirectWhenRequesterUsesExistingTool() throws Exception {
    mocks.overlapsFound = true;
    ProcessInstance request = submit();
    runJob("Task_CheckInventory");

    complete(task(request), withVariables(USE_EXISTING_TOOL.name(), true));

    assertThat(request).isWaitingAtExactly("Task_CloseRedirected");
    runJob("Task_CloseRedirected");
    assertThat(request)
        .isEnded()
        .hasPassed("Task_ConsiderExistingTool", "Task_CloseRedirected", "EndEvent_Redirected")
        .hasNotPassed("Task_RouteReviews");
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REDIRECTED");
    verify(mocks.recordDecision).notify(any());
    verify(mocks.routeReviews, never()).execute(any());
    verify(mocks.requestEnded).notify(any());
  }

  @Test
  void shouldGoToReviewWhenRequesterJustifiesANewTool() throws Exception {
    mocks.overlapsFound = true;
    ProcessInstance request = submit();
    runJob("Task_CheckInventory");

    complete(
        task(request),
        withVariables(
            USE_EXISTING_TOOL.name(), false, NEW_TOOL_JUSTIFICATION.name(), "No webinars"));

    assertThat(request)
        .hasPassed("Task_ConsiderExistingTool", "Gateway_JoinIntake", "Task_RouteReviews")
        .isWaitingAtExactly("CallActivity_JointReview");
    verify(mocks.routeReviews).execute(any());
    Assertions.assertThat(mocks.requestStatuses).containsExactly("AWAITING_REQUESTER", "IN_REVIEW");
  }

  @Test
  void shouldGoStraightToReviewWhenNothingOverlaps() {
    ProcessInstance request = submit();

    runJob("Task_CheckInventory");

    assertThat(request)
        .hasPassed("Gateway_OverlapsFound", "Task_RouteReviews")
        .hasNotPassed("Task_ConsiderExistingTool")
        .isWaitingAtExactly("CallActivity_JointReview");
    Assertions.assertThat(mocks.requestStatuses).containsExactly("IN_REVIEW");
  }

  @Test
  void shouldAskMarketingAndItOnlyWhenNoPersonalDataIsProcessed() {
    ProcessInstance request = inReview();

    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);
    assertThat(review)
        .hasBusinessKey(REQUEST)
        .isWaitingAtExactly("Task_ReviewMarketing", "Task_ReviewIt");
    assertThat(task("Task_ReviewMarketing", review)).hasCandidateGroup("marketing-leadership");
    assertThat(task("Task_ReviewIt", review)).hasCandidateGroup("it-leadership");
    assertFormDeployed(task("Task_ReviewMarketing", review));
    assertFormDeployed(task("Task_ReviewIt", review));
  }

  @Test
  void shouldAlsoAskPrivacyWhenRoutingSaysSo() {
    mocks.privacyReviewRequired = true;
    ProcessInstance request = inReview();

    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);
    assertThat(review)
        .isWaitingAtExactly("Task_ReviewMarketing", "Task_ReviewIt", "Task_ReviewPrivacy");
    assertThat(task("Task_ReviewPrivacy", review)).hasCandidateGroup("privacy-legal");
    assertFormDeployed(task("Task_ReviewPrivacy", review));
  }

  @Test
  void shouldCheckTheBudgetWhenAllReviewersApprove() throws Exception {
    ProcessInstance request = inReview();

    review(request, "APPROVE", "APPROVE");

    assertThat(request)
        .hasPassed("CallActivity_JointReview", "Gateway_ReviewOutcome")
        .isWaitingAtExactly("Task_CheckBudget")
        .variables()
        .containsEntry(REVIEW_OUTCOME.name(), "APPROVED");
    runJob("Task_CheckBudget");
    verify(mocks.checkBudget).execute(any());
  }

  @Test
  void shouldCloseAsRejectedWhenAReviewerRejects() throws Exception {
    ProcessInstance request = inReview();

    review(request, "APPROVE", "REJECT");

    assertThat(request).isWaitingAtExactly("Task_CloseRejectedByReview");
    runJob("Task_CloseRejectedByReview");
    assertThat(request)
        .isEnded()
        .hasPassed("EndEvent_RejectedByReview")
        .hasNotPassed("Task_CheckBudget");
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REJECTED");
    verify(mocks.requestEnded).notify(any());
  }

  @Test
  void shouldAskTheRequesterToReviseWhenChangesAreRequested() {
    ProcessInstance request = inReview();

    review(request, "REQUEST_CHANGES", "APPROVE");

    assertThat(request).isWaitingAtExactly("Task_ReviseRequest");
    assertThat(task(request)).isAssignedTo(ModelMocks.REQUESTER);
    assertFormDeployed(task(request));
    Assertions.assertThat(mocks.requestStatuses).containsExactly("IN_REVIEW", "AWAITING_REQUESTER");
    verify(mocks.notifyRequester).notify(any());
  }

  @Test
  void shouldRouteAndReviewAgainWhenTheRequesterResubmits() throws Exception {
    ProcessInstance request = inReview();
    review(request, "REQUEST_CHANGES", "APPROVE");

    mocks.privacyReviewRequired = true; // the revision now processes personal data
    complete(task(request), withVariables(REVISION_ACTION.name(), "RESUBMIT"));

    assertThat(request)
        .hasPassed("Task_ApplyRevision")
        .isWaitingAtExactly("CallActivity_JointReview")
        .variables()
        .doesNotContainKey(REVIEW_OUTCOME.name())
        .doesNotContainKey(MARKETING_DECISION.name());
    verify(mocks.applyRevision).execute(any());
    verify(mocks.routeReviews, times(2)).execute(any());
    Assertions.assertThat(mocks.requestStatuses)
        .containsExactly("IN_REVIEW", "AWAITING_REQUESTER", "IN_REVIEW");
    ProcessInstance secondRound = calledProcessInstance(JOINT_REVIEW, request);
    assertThat(secondRound)
        .isWaitingAtExactly("Task_ReviewMarketing", "Task_ReviewIt", "Task_ReviewPrivacy");
    Assertions.assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(JOINT_REVIEW)
                .count())
        .isEqualTo(2);

    JointReviewModelTest.decide(secondRound, "APPROVE", "APPROVE", "APPROVE");
    assertThat(request).isWaitingAtExactly("Task_CheckBudget");
  }

  @Test
  void shouldCloseAsWithdrawnWhenTheRequesterWithdrawsInsteadOfRevising() throws Exception {
    ProcessInstance request = inReview();
    review(request, "REQUEST_CHANGES", "REQUEST_CHANGES");

    complete(task(request), withVariables(REVISION_ACTION.name(), "WITHDRAW"));

    assertThat(request).isWaitingAtExactly("Task_CloseWithdrawn");
    runJob("Task_CloseWithdrawn");
    assertThat(request)
        .isEnded()
        .hasPassed("EndEvent_Withdrawn")
        .hasNotPassed("Task_ApplyRevision");
    Assertions.assertThat(mocks.finalStatuses).containsExactly("WITHDRAWN");
    verify(mocks.applyRevision, never()).execute(any());
  }

  @Test
  void shouldEscalateALateReviewWithoutCancellingIt() throws Exception {
    ProcessInstance request = inReview();
    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);

    runJob("Timer_ItReviewSla");
    runJob("Task_EscalateItReview");

    assertThat(review)
        .hasPassed("Task_EscalateItReview", "EndEvent_ItReviewEscalated")
        .isWaitingAtExactly("Task_ReviewMarketing", "Task_ReviewIt");
    Assertions.assertThat(mocks.escalatedReviews).containsExactly("Task_ReviewIt");
    review(request, "APPROVE", "APPROVE");
    assertThat(request).isWaitingAtExactly("Task_CheckBudget");
  }

  @Test
  void shouldPlaceHoldsRegisterTheToolAndActivateItWhenTheBudgetSuffices() throws Exception {
    ProcessInstance request = approved();

    runJob("Task_CheckBudget");
    assertThat(request).hasPassed("Gateway_JoinHolds").isWaitingAtExactly("Task_PlaceBudgetHolds");
    runJob("Task_PlaceBudgetHolds");
    assertThat(request).isWaitingAtExactly("Task_RegisterTool");
    runJob("Task_RegisterTool");

    assertThat(request).isWaitingAtExactly("Task_CompleteOnboarding");
    assertThat(task(request)).hasCandidateGroup("it-operations").isNotAssigned();
    assertFormDeployed(task(request));
    complete(task(request), withVariables(SSO_CONFIGURED.name(), true));
    assertThat(request).isWaitingAtExactly("Task_ActivateTool");
    runJob("Task_ActivateTool");

    assertThat(request)
        .isEnded()
        .hasPassedInOrder(
            "Task_CheckBudget",
            "Task_PlaceBudgetHolds",
            "Task_RegisterTool",
            "Task_CompleteOnboarding",
            "Task_ActivateTool",
            "EndEvent_Active")
        .hasNotPassed("Task_DraftBudgetProposal", "CallActivity_BoardSubmission");
    verify(mocks.placeBudgetHolds).execute(any());
    verify(mocks.registerTool).execute(any());
    verify(mocks.activateTool).execute(any());
    verify(mocks.raiseBudget, never()).execute(any());
    verify(mocks.closeRequest, never()).execute(any());
    verify(mocks.requestEnded).notify(any());
  }

  @Test
  void shouldDraftAJointProposalWhenTheBudgetIsShort() {
    mocks.budgetSufficient = false;
    ProcessInstance request = approved();

    runJob("Task_CheckBudget");

    assertThat(request)
        .hasPassed("Gateway_JoinDraft")
        .hasNotPassed("Task_PlaceBudgetHolds")
        .isWaitingAtExactly("Task_DraftBudgetProposal");
    assertThat(task(request)).hasCandidateGroup("marketing-leadership");
    assertFormDeployed(task(request));
    Assertions.assertThat(mocks.requestStatuses).endsWith("BUDGET_PROPOSAL");
  }

  @Test
  void shouldDraftAJointProposalWhenTheBoardMustDecideEvenThoughTheMoneyIsThere() {
    mocks.boardRequired = true;
    ProcessInstance request = approved();

    runJob("Task_CheckBudget");

    assertThat(request).isWaitingAtExactly("Task_DraftBudgetProposal");
  }

  @Test
  void shouldGoToTheJointProposalWhenHoldsFailAtPlacement() throws Exception {
    mocks.holdsPlaced.add(false); // another request took the money since the check
    ProcessInstance request = approved();
    runJob("Task_CheckBudget");

    runJob("Task_PlaceBudgetHolds");

    assertThat(request)
        .hasPassed("Gateway_HoldsPlaced")
        .hasNotPassed("Task_RegisterTool")
        .isWaitingAtExactly("Task_DraftBudgetProposal")
        .variables()
        .containsEntry(HOLDS_PLACED.name(), false);
    verify(mocks.registerTool, never()).execute(any());
  }

  @Test
  void shouldAskItLeadershipToCosignTheDraftedProposal() throws Exception {
    ProcessInstance request = drafting();

    draft(request);

    assertThat(request).isWaitingAtExactly("Task_CosignBudgetProposal");
    assertThat(task(request)).hasCandidateGroup("it-leadership");
    assertFormDeployed(task(request));
    verify(mocks.budgetProposal).notify(any());
  }

  @Test
  void shouldReturnToTheDraftWhenTheCosignerRequestsChanges() {
    ProcessInstance request = drafting();
    draft(request);

    cosign(request, "REQUEST_CHANGES");

    assertThat(request).isWaitingAtExactly("Task_DraftBudgetProposal");
    assertThat(task(request)).hasCandidateGroup("marketing-leadership");
    Assertions.assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(request.getId())
                .activityId("Task_DraftBudgetProposal")
                .count())
        .isEqualTo(2);
  }

  @Test
  void shouldCloseAsRejectedWhenTheCosignerRejects() throws Exception {
    ProcessInstance request = drafting();
    draft(request);

    cosign(request, "REJECT");

    assertThat(request).isWaitingAtExactly("Task_CloseRejectedAtCosign");
    runJob("Task_CloseRejectedAtCosign");
    assertThat(request)
        .isEnded()
        .hasPassed("EndEvent_RejectedAtCosign")
        .hasNotPassed("CallActivity_BoardSubmission");
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REJECTED");
  }

  @Test
  void shouldSubmitTheCosignedProposalToTheBoard() {
    ProcessInstance request = drafting();
    draft(request);

    cosign(request, "APPROVE");

    assertThat(request).isWaitingAtExactly("CallActivity_BoardSubmission");
    ProcessInstance submission = calledProcessInstance(BOARD_SUBMISSION, request);
    assertThat(submission).hasBusinessKey(REQUEST).isWaitingAtExactly("Task_AssembleBoardPacket");
    runJob("Task_AssembleBoardPacket");
    assertThat(task(submission)).hasCandidateGroup("board");
  }

  @Test
  void shouldRaiseTheBudgetAndPlaceHoldsWhenTheBoardApproves() throws Exception {
    ProcessInstance request = beforeTheBoard();

    boardDecides(request, "APPROVE");

    assertThat(request)
        .hasPassed("CallActivity_BoardSubmission", "Gateway_BoardOutcome")
        .isWaitingAtExactly("Task_RaiseBudget");
    runJob("Task_RaiseBudget");
    verify(mocks.raiseBudget).execute(any());
    assertThat(request).isWaitingAtExactly("Task_PlaceBudgetHolds");
    runJob("Task_PlaceBudgetHolds");
    runJob("Task_RegisterTool");
    complete(task(request), withVariables(SSO_CONFIGURED.name(), true));
    runJob("Task_ActivateTool");
    assertThat(request).isEnded().hasPassed("EndEvent_Active");
    verify(mocks.closeRequest, never()).execute(any());
  }

  @Test
  void shouldCloseAsRejectedWhenTheBoardRejects() throws Exception {
    ProcessInstance request = beforeTheBoard();

    boardDecides(request, "REJECT");

    assertThat(request).isWaitingAtExactly("Task_CloseRejectedByBoard");
    runJob("Task_CloseRejectedByBoard");
    assertThat(request)
        .isEnded()
        .hasPassed("EndEvent_RejectedByBoard")
        .hasNotPassed("Task_RaiseBudget");
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REJECTED");
    verify(mocks.raiseBudget, never()).execute(any());
  }

  @Test
  void shouldPresentToTheBoardAgainAtTheNextCycleWhenDeferred() throws Exception {
    ProcessInstance request = beforeTheBoard();
    ProcessInstance submission = calledProcessInstance(BOARD_SUBMISSION, request);

    boardDecides(request, "DEFER");

    assertThat(request).isWaitingAtExactly("CallActivity_BoardSubmission");
    assertThat(submission).isWaitingAtExactly("Timer_NextBoardCycle");
    runJob("Timer_NextBoardCycle");
    runJob("Task_AssembleBoardPacket");
    verify(mocks.assembleBoardPacket, times(2)).execute(any());
    boardDecides(request, "APPROVE");
    assertThat(request).isWaitingAtExactly("Task_RaiseBudget");
  }

  @Test
  void shouldGoBackToTheJointProposalWhenHoldsFailAfterTheBoardRaisedTheBudget() {
    ProcessInstance request = beforeTheBoard();
    boardDecides(request, "APPROVE");
    runJob("Task_RaiseBudget");

    mocks.holdsPlaced.add(false);
    runJob("Task_PlaceBudgetHolds");

    assertThat(request).isWaitingAtExactly("Task_DraftBudgetProposal");
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnBeforeTheInventoryCheck() throws Exception {
    ProcessInstance request = submit();

    withdraw(request);

    assertThat(request).hasNotPassed("Task_CheckInventory");
    verify(mocks.checkInventory, never()).execute(any());
    Assertions.assertThat(jobQuery().activityId("Task_CheckInventory").count()).isZero();
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnWhileConsideringTheExistingTool() {
    mocks.overlapsFound = true;
    ProcessInstance request = submit();
    runJob("Task_CheckInventory");

    withdraw(request);

    Assertions.assertThat(task(request)).isNull();
  }

  @Test
  void shouldCloseAsWithdrawnAndEndTheJointReviewWhenWithdrawnDuringReview() {
    ProcessInstance request = inReview();

    withdraw(request);

    Assertions.assertThat(processInstanceQuery().processDefinitionKey(JOINT_REVIEW).count())
        .isZero();
    Assertions.assertThat(jobQuery().timers().count()).isZero();
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnWhileRevising() {
    ProcessInstance request = inReview();
    review(request, "REQUEST_CHANGES", "APPROVE");

    withdraw(request);
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnWhileTheProposalIsDrafted() {
    ProcessInstance request = drafting();

    withdraw(request);
  }

  @Test
  void shouldCloseAsWithdrawnAndEndTheBoardSubmissionWhenWithdrawnBeforeTheBoard() {
    ProcessInstance request = beforeTheBoard();

    withdraw(request);

    Assertions.assertThat(processInstanceQuery().processDefinitionKey(BOARD_SUBMISSION).count())
        .isZero();
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnWhileTheBoardCycleIsAwaited() {
    ProcessInstance request = beforeTheBoard();
    boardDecides(request, "DEFER");

    withdraw(request);

    Assertions.assertThat(jobQuery().count()).isZero();
  }

  /** Correlates as {@link WithdrawalService} does, then closes the request as WITHDRAWN. */
  private void withdraw(ProcessInstance request) {
    runtimeService()
        .createMessageCorrelation(WithdrawalService.MESSAGE)
        .processInstanceBusinessKey(REQUEST)
        .correlateWithResult();

    // the interrupting event sub-process ends everything else the request was waiting at
    assertThat(request).isWaitingAtExactly("SubProcess_Withdrawal", "Task_CloseWithdrawnOnRequest");
    runJob("Task_CloseWithdrawnOnRequest");
    assertThat(request)
        .isEnded()
        .hasPassed("StartEvent_WithdrawalRequested", "EndEvent_WithdrawnOnRequest");
    Assertions.assertThat(mocks.finalStatuses).containsExactly("WITHDRAWN");
    try {
      verify(mocks.requestEnded).notify(any());
    } catch (Exception impossible) {
      throw new AssertionError(impossible);
    }
  }

  @Test
  void shouldCallTheEndListenerWhenAnOperatorCancelsTheInstance() throws Exception {
    ProcessInstance request = inReview();

    runtimeService().deleteProcessInstance(request.getId(), "cancelled in Cockpit");

    assertThat(request).isEnded();
    verify(mocks.requestEnded).notify(any());
    verify(mocks.closeRequest, never()).execute(any());
    Assertions.assertThat(processInstanceQuery().processDefinitionKey(JOINT_REVIEW).count())
        .isZero();
  }

  @Test
  void shouldNotCallTheEndListenerBeforeTheInstanceEnds() throws Exception {
    mocks.budgetSufficient = false;
    ProcessInstance request = approved();
    runJob("Task_CheckBudget");

    verify(mocks.requestEnded, never()).notify(any());
    Assertions.assertThat(runtimeService().getVariable(request.getId(), FINAL_STATUS.name()))
        .isNull();
  }

  // --- the way to each point of the process -------------------------------------------------

  /** The requester submits the intake; the process waits before the inventory check. */
  private ProcessInstance submit() {
    identityService().setAuthenticatedUserId(ModelMocks.REQUESTER);
    try {
      ProcessInstance request =
          runtimeService()
              .startProcessInstanceByKey(
                  PROCESS_KEY,
                  withVariables(TOOL_NAME.name(), "Eventful", PERSONAL_DATA.name(), "NONE"));
      assertThat(request).isWaitingAt("Task_CheckInventory");
      return request;
    } finally {
      identityService().clearAuthentication();
    }
  }

  private ProcessInstance inReview() {
    ProcessInstance request = submit();
    runJob("Task_CheckInventory");
    assertThat(request).isWaitingAt("CallActivity_JointReview");
    return request;
  }

  private ProcessInstance approved() {
    ProcessInstance request = inReview();
    review(request, "APPROVE", "APPROVE");
    assertThat(request).isWaitingAt("Task_CheckBudget");
    return request;
  }

  private ProcessInstance drafting() {
    mocks.budgetSufficient = false;
    ProcessInstance request = approved();
    runJob("Task_CheckBudget");
    assertThat(request).isWaitingAt("Task_DraftBudgetProposal");
    return request;
  }

  private ProcessInstance beforeTheBoard() {
    ProcessInstance request = drafting();
    draft(request);
    cosign(request, "APPROVE");
    runJob("Task_AssembleBoardPacket");
    assertThat(calledProcessInstance(BOARD_SUBMISSION, request))
        .isWaitingAtExactly("Task_BoardDecision");
    return request;
  }

  /** Marketing and IT decide the review round the request is in. */
  private static void review(ProcessInstance request, String marketing, String it) {
    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);
    complete(
        task("Task_ReviewMarketing", review), withVariables(MARKETING_DECISION.name(), marketing));
    complete(task("Task_ReviewIt", review), withVariables(IT_DECISION.name(), it));
  }

  private static void draft(ProcessInstance request) {
    complete(
        task("Task_DraftBudgetProposal", request),
        withVariables(
            PROPOSAL_AMOUNT.name(), 25_000.0, PROPOSAL_JUSTIFICATION.name(), "Pipeline growth"));
  }

  private static void cosign(ProcessInstance request, String decision) {
    complete(
        task("Task_CosignBudgetProposal", request),
        withVariables(COSIGN_DECISION.name(), decision, COSIGN_COMMENT.name(), "signed"));
  }

  private static void boardDecides(ProcessInstance request, String decision) {
    ProcessInstance submission = calledProcessInstance(BOARD_SUBMISSION, request);
    complete(
        task("Task_BoardDecision", submission), withVariables(BOARD_DECISION.name(), decision));
  }

  /** Runs the one job waiting at the activity, as the job executor would. */
  private static void runJob(String activityId) {
    Job job = jobQuery().activityId(activityId).singleResult();
    Assertions.assertThat(job).as("job at %s", activityId).isNotNull();
    execute(job);
  }

  private static void assertFormDeployed(Task task) {
    Assertions.assertThat(formService().getDeployedTaskForm(task.getId()))
        .as("form of %s", task.getTaskDefinitionKey())
        .isNotNull();
  }
}
