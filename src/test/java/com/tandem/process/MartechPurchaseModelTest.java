package com.tandem.process;

import static com.tandem.process.ModelMocks.REQUEST;
import static com.tandem.process.ProcessVariable.variables;
import static com.tandem.process.PurchaseProcess.BOARD_DECISION;
import static com.tandem.process.PurchaseProcess.COSIGN_COMMENT;
import static com.tandem.process.PurchaseProcess.COSIGN_DECISION;
import static com.tandem.process.PurchaseProcess.FINAL_STATUS;
import static com.tandem.process.PurchaseProcess.HOLDS_PLACED;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.NEW_TOOL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.PROCESS_KEY;
import static com.tandem.process.PurchaseProcess.PROPOSAL_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.REQUESTER;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;
import static com.tandem.process.PurchaseProcess.REVIEW_OUTCOME;
import static com.tandem.process.PurchaseProcess.REVISION_ACTION;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.USE_EXISTING_TOOL;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
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
      "forms/negotiate-contract.form",
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
        .hasPassed(
            PurchaseProcess.Elements.START_REQUEST_SUBMITTED,
            PurchaseProcess.Elements.REGISTER_REQUEST)
        .isWaitingAtExactly(PurchaseProcess.Elements.CHECK_INVENTORY)
        .hasBusinessKey(REQUEST)
        .variables()
        .containsEntry(REQUESTER.name(), ModelMocks.REQUESTER)
        .containsEntry(REQUEST_ID.name(), REQUEST);
    verify(mocks.registerRequest).execute(any());
    verify(mocks.checkInventory, never()).execute(any());
    Assertions.assertThat(formService().getDeployedStartForm(request.getProcessDefinitionId()))
        .isNotNull();

    runJob(PurchaseProcess.Elements.CHECK_INVENTORY);
    verify(mocks.checkInventory).execute(any());
  }

  @Test
  void shouldAskTheRequesterToConsiderTheOwnedToolWhenOverlapsAreFound() {
    mocks.overlapsFound = true;
    ProcessInstance request = submit();

    runJob(PurchaseProcess.Elements.CHECK_INVENTORY);

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL);
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
    runJob(PurchaseProcess.Elements.CHECK_INVENTORY);

    complete(task(request), variables().put(USE_EXISTING_TOOL, true).build());

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CLOSE_REDIRECTED);
    runJob(PurchaseProcess.Elements.CLOSE_REDIRECTED);
    assertThat(request)
        .isEnded()
        .hasPassed(
            PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
            PurchaseProcess.Elements.CLOSE_REDIRECTED,
            PurchaseProcess.Elements.END_REDIRECTED)
        .hasNotPassed(PurchaseProcess.Elements.ROUTE_REVIEWS);
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REDIRECTED");
    verify(mocks.recordDecision).notify(any());
    verify(mocks.routeReviews, never()).execute(any());
    verify(mocks.requestEnded).notify(any());
  }

  @Test
  void shouldGoToReviewWhenRequesterJustifiesANewTool() throws Exception {
    mocks.overlapsFound = true;
    ProcessInstance request = submit();
    runJob(PurchaseProcess.Elements.CHECK_INVENTORY);

    complete(
        task(request),
        variables()
            .put(USE_EXISTING_TOOL, false)
            .put(NEW_TOOL_JUSTIFICATION, "No webinars")
            .build());

    assertThat(request)
        .hasPassed(
            PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
            PurchaseProcess.Elements.GATEWAY_JOIN_INTAKE,
            PurchaseProcess.Elements.ROUTE_REVIEWS)
        .isWaitingAtExactly(PurchaseProcess.Elements.JOINT_REVIEW);
    verify(mocks.routeReviews).execute(any());
    Assertions.assertThat(mocks.requestStatuses).containsExactly("AWAITING_REQUESTER", "IN_REVIEW");
  }

  @Test
  void shouldGoStraightToReviewWhenNothingOverlaps() {
    ProcessInstance request = submit();

    runJob(PurchaseProcess.Elements.CHECK_INVENTORY);

    assertThat(request)
        .hasPassed(
            PurchaseProcess.Elements.GATEWAY_OVERLAPS_FOUND, PurchaseProcess.Elements.ROUTE_REVIEWS)
        .hasNotPassed(PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL)
        .isWaitingAtExactly(PurchaseProcess.Elements.JOINT_REVIEW);
    Assertions.assertThat(mocks.requestStatuses).containsExactly("IN_REVIEW");
  }

  @Test
  void shouldAskMarketingAndItOnlyWhenNoPersonalDataIsProcessed() {
    ProcessInstance request = inReview();

    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);
    assertThat(review)
        .hasBusinessKey(REQUEST)
        .isWaitingAt(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT)
        .isNotWaitingAt(JointReviewProcess.Elements.REVIEW_PRIVACY);
    assertThat(task(JointReviewProcess.Elements.REVIEW_MARKETING, review))
        .hasCandidateGroup("marketing-leadership");
    assertThat(task(JointReviewProcess.Elements.REVIEW_IT, review))
        .hasCandidateGroup("it-leadership");
    assertFormDeployed(task(JointReviewProcess.Elements.REVIEW_MARKETING, review));
    assertFormDeployed(task(JointReviewProcess.Elements.REVIEW_IT, review));
  }

  @Test
  void shouldAlsoAskPrivacyWhenRoutingSaysSo() {
    mocks.privacyReviewRequired = true;
    ProcessInstance request = inReview();

    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);
    assertThat(review)
        .isWaitingAtExactly(
            JointReviewProcess.Elements.REVIEWS,
            JointReviewProcess.Elements.REVIEW_MARKETING,
            JointReviewProcess.Elements.REVIEW_IT,
            JointReviewProcess.Elements.REVIEW_PRIVACY);
    assertThat(task(JointReviewProcess.Elements.REVIEW_PRIVACY, review))
        .hasCandidateGroup("privacy-legal");
    assertFormDeployed(task(JointReviewProcess.Elements.REVIEW_PRIVACY, review));
  }

  @Test
  void shouldCheckTheBudgetWhenAllReviewersApprove() throws Exception {
    ProcessInstance request = inReview();

    review(request, "APPROVE", "APPROVE");

    assertThat(request)
        .hasPassed(
            PurchaseProcess.Elements.JOINT_REVIEW, PurchaseProcess.Elements.GATEWAY_REVIEW_OUTCOME)
        .isWaitingAtExactly(PurchaseProcess.Elements.CHECK_BUDGET)
        .variables()
        .containsEntry(REVIEW_OUTCOME.name(), "APPROVED");
    runJob(PurchaseProcess.Elements.CHECK_BUDGET);
    verify(mocks.checkBudget).execute(any());
  }

  @Test
  void shouldCloseAsRejectedWhenAReviewerRejects() throws Exception {
    ProcessInstance request = inReview();

    review(request, "APPROVE", "REJECT");

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CLOSE_REJECTED_BY_REVIEW);
    runJob(PurchaseProcess.Elements.CLOSE_REJECTED_BY_REVIEW);
    assertThat(request)
        .isEnded()
        .hasPassed(PurchaseProcess.Elements.END_REJECTED_BY_REVIEW)
        .hasNotPassed(PurchaseProcess.Elements.CHECK_BUDGET);
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REJECTED");
    verify(mocks.requestEnded).notify(any());
  }

  @Test
  void shouldAskTheRequesterToReviseWhenChangesAreRequested() {
    ProcessInstance request = inReview();

    review(request, "REQUEST_CHANGES", "APPROVE");

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.REVISE_REQUEST);
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
    complete(task(request), variables().put(REVISION_ACTION, "RESUBMIT").build());

    assertThat(request)
        .hasPassed(PurchaseProcess.Elements.APPLY_REVISION)
        .isWaitingAtExactly(PurchaseProcess.Elements.JOINT_REVIEW)
        .variables()
        .doesNotContainKey(REVIEW_OUTCOME.name())
        .doesNotContainKey(MARKETING_DECISION.name());
    verify(mocks.applyRevision).execute(any());
    verify(mocks.routeReviews, times(2)).execute(any());
    Assertions.assertThat(mocks.requestStatuses)
        .containsExactly("IN_REVIEW", "AWAITING_REQUESTER", "IN_REVIEW");
    ProcessInstance secondRound = calledProcessInstance(JOINT_REVIEW, request);
    assertThat(secondRound)
        .isWaitingAtExactly(
            JointReviewProcess.Elements.REVIEWS,
            JointReviewProcess.Elements.REVIEW_MARKETING,
            JointReviewProcess.Elements.REVIEW_IT,
            JointReviewProcess.Elements.REVIEW_PRIVACY);
    Assertions.assertThat(
            historyService()
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(JOINT_REVIEW)
                .count())
        .isEqualTo(2);

    JointReviewModelTest.decide(secondRound, "APPROVE", "APPROVE", "APPROVE");
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CHECK_BUDGET);
  }

  @Test
  void shouldCloseAsWithdrawnWhenTheRequesterWithdrawsInsteadOfRevising() throws Exception {
    ProcessInstance request = inReview();
    review(request, "REQUEST_CHANGES", "REQUEST_CHANGES");

    complete(task(request), variables().put(REVISION_ACTION, "WITHDRAW").build());

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CLOSE_WITHDRAWN);
    runJob(PurchaseProcess.Elements.CLOSE_WITHDRAWN);
    assertThat(request)
        .isEnded()
        .hasPassed(PurchaseProcess.Elements.END_WITHDRAWN)
        .hasNotPassed(PurchaseProcess.Elements.APPLY_REVISION);
    Assertions.assertThat(mocks.finalStatuses).containsExactly("WITHDRAWN");
    verify(mocks.applyRevision, never()).execute(any());
  }

  @Test
  void shouldEscalateALateReviewWithoutCancellingIt() throws Exception {
    ProcessInstance request = inReview();
    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);

    runJob(JointReviewProcess.Elements.IT_REVIEW_SLA);
    runJob(JointReviewProcess.Elements.ESCALATE_IT_REVIEW);

    assertThat(review)
        .hasPassed(
            JointReviewProcess.Elements.ESCALATE_IT_REVIEW,
            JointReviewProcess.Elements.END_IT_REVIEW_ESCALATED)
        .isWaitingAt(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT)
        .isNotWaitingAt(JointReviewProcess.Elements.REVIEW_PRIVACY);
    Assertions.assertThat(mocks.escalatedReviews)
        .containsExactly(JointReviewProcess.Elements.REVIEW_IT);
    review(request, "APPROVE", "APPROVE");
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CHECK_BUDGET);
  }

  @Test
  void shouldPlaceHoldsRegisterTheToolAndActivateItWhenTheBudgetSuffices() throws Exception {
    ProcessInstance request = approved();

    runJob(PurchaseProcess.Elements.CHECK_BUDGET);
    assertThat(request)
        .hasPassed(PurchaseProcess.Elements.GATEWAY_JOIN_HOLDS)
        .isWaitingAtExactly(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);
    runJob(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.NEGOTIATE_CONTRACT);
    assertThat(task(request)).hasCandidateGroup("it-operations").isNotAssigned();
    assertFormDeployed(task(request));
    Assertions.assertThat(mocks.requestStatuses).endsWith("NEGOTIATION");
    verify(mocks.negotiation).notify(any());
    negotiate();
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.APPLY_NEGOTIATION);
    runJob(PurchaseProcess.Elements.APPLY_NEGOTIATION);
    verify(mocks.applyNegotiation).execute(any());
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.REGISTER_TOOL);
    runJob(PurchaseProcess.Elements.REGISTER_TOOL);

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.COMPLETE_ONBOARDING);
    assertThat(task(request)).hasCandidateGroup("it-operations").isNotAssigned();
    assertFormDeployed(task(request));
    complete(task(request), variables().put(SSO_CONFIGURED, true).build());
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.ACTIVATE_TOOL);
    runJob(PurchaseProcess.Elements.ACTIVATE_TOOL);

    assertThat(request)
        .isEnded()
        .hasPassedInOrder(
            PurchaseProcess.Elements.CHECK_BUDGET,
            PurchaseProcess.Elements.PLACE_BUDGET_HOLDS,
            PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
            PurchaseProcess.Elements.APPLY_NEGOTIATION,
            PurchaseProcess.Elements.REGISTER_TOOL,
            PurchaseProcess.Elements.COMPLETE_ONBOARDING,
            PurchaseProcess.Elements.ACTIVATE_TOOL,
            PurchaseProcess.Elements.END_ACTIVE)
        .hasNotPassed(
            PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL,
            PurchaseProcess.Elements.BOARD_SUBMISSION);
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

    runJob(PurchaseProcess.Elements.CHECK_BUDGET);

    assertThat(request)
        .hasPassed(PurchaseProcess.Elements.GATEWAY_JOIN_DRAFT)
        .hasNotPassed(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS)
        .isWaitingAtExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
    assertThat(task(request)).hasCandidateGroup("marketing-leadership");
    assertFormDeployed(task(request));
    Assertions.assertThat(mocks.requestStatuses).endsWith("BUDGET_PROPOSAL");
  }

  @Test
  void shouldDraftAJointProposalWhenTheBoardMustDecideEvenThoughTheMoneyIsThere() {
    mocks.boardRequired = true;
    ProcessInstance request = approved();

    runJob(PurchaseProcess.Elements.CHECK_BUDGET);

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
  }

  @Test
  void shouldGoToTheJointProposalWhenHoldsFailAtPlacement() throws Exception {
    mocks.holdsPlaced.add(false); // another request took the money since the check
    ProcessInstance request = approved();
    runJob(PurchaseProcess.Elements.CHECK_BUDGET);

    runJob(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);

    assertThat(request)
        .hasPassed(PurchaseProcess.Elements.GATEWAY_HOLDS_PLACED)
        .hasNotPassed(PurchaseProcess.Elements.REGISTER_TOOL)
        .isWaitingAtExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL)
        .variables()
        .containsEntry(HOLDS_PLACED.name(), false);
    verify(mocks.registerTool, never()).execute(any());
  }

  @Test
  void shouldAskItLeadershipToCosignTheDraftedProposal() throws Exception {
    ProcessInstance request = drafting();

    draft(request);

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL);
    assertThat(task(request)).hasCandidateGroup("it-leadership");
    assertFormDeployed(task(request));
    verify(mocks.budgetProposal, times(2)).notify(any()); // created (prefill), completed (sum)
  }

  @Test
  void shouldReturnToTheDraftWhenTheCosignerRequestsChanges() {
    ProcessInstance request = drafting();
    draft(request);

    cosign(request, "REQUEST_CHANGES");

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
    assertThat(task(request)).hasCandidateGroup("marketing-leadership");
    Assertions.assertThat(
            historyService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(request.getId())
                .activityId(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL)
                .count())
        .isEqualTo(2);
  }

  @Test
  void shouldCloseAsRejectedWhenTheCosignerRejects() throws Exception {
    ProcessInstance request = drafting();
    draft(request);

    cosign(request, "REJECT");

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CLOSE_REJECTED_AT_COSIGN);
    runJob(PurchaseProcess.Elements.CLOSE_REJECTED_AT_COSIGN);
    assertThat(request)
        .isEnded()
        .hasPassed(PurchaseProcess.Elements.END_REJECTED_AT_COSIGN)
        .hasNotPassed(PurchaseProcess.Elements.BOARD_SUBMISSION);
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REJECTED");
  }

  @Test
  void shouldSubmitTheCosignedProposalToTheBoard() {
    ProcessInstance request = drafting();
    draft(request);

    cosign(request, "APPROVE");

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.BOARD_SUBMISSION);
    ProcessInstance submission = calledProcessInstance(BOARD_SUBMISSION, request);
    assertThat(submission)
        .hasBusinessKey(REQUEST)
        .isWaitingAtExactly(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    runJob(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    assertThat(task(submission)).hasCandidateGroup("board");
  }

  @Test
  void shouldRaiseTheBudgetAndPlaceHoldsWhenTheBoardApproves() throws Exception {
    ProcessInstance request = beforeTheBoard();

    boardDecides(request, "APPROVE");

    assertThat(request)
        .hasPassed(
            PurchaseProcess.Elements.BOARD_SUBMISSION,
            PurchaseProcess.Elements.GATEWAY_BOARD_OUTCOME)
        .isWaitingAtExactly(PurchaseProcess.Elements.RAISE_BUDGET);
    runJob(PurchaseProcess.Elements.RAISE_BUDGET);
    verify(mocks.raiseBudget).execute(any());
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);
    runJob(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);
    negotiate();
    runJob(PurchaseProcess.Elements.APPLY_NEGOTIATION);
    runJob(PurchaseProcess.Elements.REGISTER_TOOL);
    complete(task(request), variables().put(SSO_CONFIGURED, true).build());
    runJob(PurchaseProcess.Elements.ACTIVATE_TOOL);
    assertThat(request).isEnded().hasPassed(PurchaseProcess.Elements.END_ACTIVE);
    verify(mocks.closeRequest, never()).execute(any());
  }

  @Test
  void shouldCloseAsRejectedWhenTheBoardRejects() throws Exception {
    ProcessInstance request = beforeTheBoard();

    boardDecides(request, "REJECT");

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.CLOSE_REJECTED_BY_BOARD);
    runJob(PurchaseProcess.Elements.CLOSE_REJECTED_BY_BOARD);
    assertThat(request)
        .isEnded()
        .hasPassed(PurchaseProcess.Elements.END_REJECTED_BY_BOARD)
        .hasNotPassed(PurchaseProcess.Elements.RAISE_BUDGET);
    Assertions.assertThat(mocks.finalStatuses).containsExactly("REJECTED");
    verify(mocks.raiseBudget, never()).execute(any());
  }

  @Test
  void shouldPresentToTheBoardAgainAtTheNextCycleWhenDeferred() throws Exception {
    ProcessInstance request = beforeTheBoard();
    ProcessInstance submission = calledProcessInstance(BOARD_SUBMISSION, request);

    boardDecides(request, "DEFER");

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.BOARD_SUBMISSION);
    assertThat(submission).isWaitingAtExactly(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE);
    runJob(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE);
    runJob(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    verify(mocks.assembleBoardPacket, times(2)).execute(any());
    boardDecides(request, "APPROVE");
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.RAISE_BUDGET);
  }

  @Test
  void shouldGoBackToTheJointProposalWhenHoldsFailAfterTheBoardRaisedTheBudget() {
    ProcessInstance request = beforeTheBoard();
    boardDecides(request, "APPROVE");
    runJob(PurchaseProcess.Elements.RAISE_BUDGET);

    mocks.holdsPlaced.add(false);
    runJob(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);

    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnBeforeTheInventoryCheck() throws Exception {
    ProcessInstance request = submit();

    withdraw(request);

    assertThat(request).hasNotPassed(PurchaseProcess.Elements.CHECK_INVENTORY);
    verify(mocks.checkInventory, never()).execute(any());
    Assertions.assertThat(jobQuery().activityId(PurchaseProcess.Elements.CHECK_INVENTORY).count())
        .isZero();
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnWhileConsideringTheExistingTool() {
    mocks.overlapsFound = true;
    ProcessInstance request = submit();
    runJob(PurchaseProcess.Elements.CHECK_INVENTORY);

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
  void shouldCloseAsWithdrawnWhenWithdrawnDuringTheNegotiation() throws Exception {
    ProcessInstance request = approved();
    runJob(PurchaseProcess.Elements.CHECK_BUDGET);
    runJob(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);
    assertThat(request).isWaitingAtExactly(PurchaseProcess.Elements.NEGOTIATE_CONTRACT);

    withdraw(request);

    assertThat(request).hasNotPassed(PurchaseProcess.Elements.REGISTER_TOOL);
  }

  @Test
  void shouldCloseAsWithdrawnWhenWithdrawnWhileTheBoardCycleIsAwaited() {
    ProcessInstance request = beforeTheBoard();
    boardDecides(request, "DEFER");

    withdraw(request);

    Assertions.assertThat(jobQuery().count()).isZero();
  }

  private static void negotiate() {
    complete(
        task(
            PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
            processInstanceQuery()
                .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
                .singleResult()),
        variables()
            .put(PurchaseProcess.NEGOTIATED_ANNUAL_COST, new BigDecimal("10000.00"))
            .put(PurchaseProcess.NEGOTIATED_IMPLEMENTATION_COST, new BigDecimal("3000.00"))
            .put(PurchaseProcess.NEGOTIATION_NOTE, "Two-year price lock")
            .build());
  }

  /** Correlates as {@link WithdrawalService} does, then closes the request as WITHDRAWN. */
  private void withdraw(ProcessInstance request) {
    runtimeService()
        .createMessageCorrelation(PurchaseProcess.MESSAGE_REQUEST_WITHDRAWN)
        .processInstanceBusinessKey(REQUEST)
        .correlateWithResult();

    // the interrupting event sub-process ends everything else the request was waiting at
    assertThat(request)
        .isWaitingAtExactly(
            PurchaseProcess.Elements.SUBPROCESS_WITHDRAWAL,
            PurchaseProcess.Elements.CLOSE_WITHDRAWN_ON_REQUEST);
    runJob(PurchaseProcess.Elements.CLOSE_WITHDRAWN_ON_REQUEST);
    assertThat(request)
        .isEnded()
        .hasPassed(
            PurchaseProcess.Elements.START_WITHDRAWAL_REQUESTED,
            PurchaseProcess.Elements.END_WITHDRAWN_ON_REQUEST);
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
    runJob(PurchaseProcess.Elements.CHECK_BUDGET);

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
                  variables().put(TOOL_NAME, "Eventful").put(PERSONAL_DATA, "NONE").build());
      assertThat(request).isWaitingAt(PurchaseProcess.Elements.CHECK_INVENTORY);
      return request;
    } finally {
      identityService().clearAuthentication();
    }
  }

  private ProcessInstance inReview() {
    ProcessInstance request = submit();
    runJob(PurchaseProcess.Elements.CHECK_INVENTORY);
    assertThat(request).isWaitingAt(PurchaseProcess.Elements.JOINT_REVIEW);
    return request;
  }

  private ProcessInstance approved() {
    ProcessInstance request = inReview();
    review(request, "APPROVE", "APPROVE");
    assertThat(request).isWaitingAt(PurchaseProcess.Elements.CHECK_BUDGET);
    return request;
  }

  private ProcessInstance drafting() {
    mocks.budgetSufficient = false;
    ProcessInstance request = approved();
    runJob(PurchaseProcess.Elements.CHECK_BUDGET);
    assertThat(request).isWaitingAt(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
    return request;
  }

  private ProcessInstance beforeTheBoard() {
    ProcessInstance request = drafting();
    draft(request);
    cosign(request, "APPROVE");
    runJob(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    assertThat(calledProcessInstance(BOARD_SUBMISSION, request))
        .isWaitingAtExactly(BoardSubmissionProcess.Elements.BOARD_DECISION);
    return request;
  }

  /** Marketing and IT decide the review round the request is in. */
  /** Marketing, then IT decide; a rejection by marketing ends the review before IT decides. */
  private static void review(ProcessInstance request, String marketing, String it) {
    ProcessInstance review = calledProcessInstance(JOINT_REVIEW, request);
    complete(
        task(JointReviewProcess.Elements.REVIEW_MARKETING, review),
        variables().put(MARKETING_DECISION, marketing).build());
    if (!marketing.equals("REJECT")) {
      complete(
          task(JointReviewProcess.Elements.REVIEW_IT, review),
          variables().put(IT_DECISION, it).build());
    }
    jobQuery()
        .processInstanceId(review.getId())
        .activityId(JointReviewProcess.Elements.NOTIFY_VETOED_REVIEWS)
        .list()
        .forEach(BpmnAwareTests::execute);
  }

  private static void draft(ProcessInstance request) {
    complete(
        task(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL, request),
        variables()
            .put(PROPOSAL_AMOUNT, new BigDecimal("25000.00"))
            .put(PROPOSAL_JUSTIFICATION, "Pipeline growth")
            .build());
  }

  private static void cosign(ProcessInstance request, String decision) {
    complete(
        task(PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL, request),
        variables().put(COSIGN_DECISION, decision).put(COSIGN_COMMENT, "signed").build());
  }

  private static void boardDecides(ProcessInstance request, String decision) {
    ProcessInstance submission = calledProcessInstance(BOARD_SUBMISSION, request);
    complete(
        task(BoardSubmissionProcess.Elements.BOARD_DECISION, submission),
        variables().put(BOARD_DECISION, decision).build());
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
