package com.tandem.process;

import static com.tandem.process.PurchaseProcess.BOARD_CYCLE;
import static com.tandem.process.PurchaseProcess.BOARD_DECISION;
import static com.tandem.process.PurchaseProcess.COSIGN_DECISION;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;
import static com.tandem.process.PurchaseProcess.REVIEW_OUTCOME;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.TOTAL_FIRST_YEAR_COST;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.ShadowItProcess.DECIDED_BY;
import static com.tandem.process.ShadowItProcess.Elements.ADOPT_TOOL;
import static com.tandem.process.ShadowItProcess.Elements.ASSIGN_OWNER;
import static com.tandem.process.ShadowItProcess.Elements.BOARD_SUBMISSION;
import static com.tandem.process.ShadowItProcess.Elements.CLOSE_ADOPTED;
import static com.tandem.process.ShadowItProcess.Elements.CLOSE_OFFBOARDED;
import static com.tandem.process.ShadowItProcess.Elements.COMPLETE_ONBOARDING;
import static com.tandem.process.ShadowItProcess.Elements.COSIGN_BUDGET_PROPOSAL;
import static com.tandem.process.ShadowItProcess.Elements.DECIDE_SHADOW_TOOL;
import static com.tandem.process.ShadowItProcess.Elements.DESCRIBE_FINDING;
import static com.tandem.process.ShadowItProcess.Elements.DISMISS_FINDING;
import static com.tandem.process.ShadowItProcess.Elements.DRAFT_BUDGET_PROPOSAL;
import static com.tandem.process.ShadowItProcess.Elements.END_ADOPTED;
import static com.tandem.process.ShadowItProcess.Elements.END_DISMISSED;
import static com.tandem.process.ShadowItProcess.Elements.END_OFFBOARDED;
import static com.tandem.process.ShadowItProcess.Elements.JOINT_REVIEW;
import static com.tandem.process.ShadowItProcess.Elements.NOTE_FUNDING_REFUSED;
import static com.tandem.process.ShadowItProcess.Elements.NOTIFY_IT_OPERATIONS;
import static com.tandem.process.ShadowItProcess.Elements.OFFBOARDING;
import static com.tandem.process.ShadowItProcess.Elements.RAISE_BUDGET;
import static com.tandem.process.ShadowItProcess.Elements.REGISTER_SHADOW_TOOL;
import static com.tandem.process.ShadowItProcess.Elements.ROUTE_REVIEWS;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.FINDING_STATUS;
import static com.tandem.process.ShadowItProcess.OFFBOARDING_REASON;
import static com.tandem.process.ShadowItProcess.OWNER_COMMENT;
import static com.tandem.process.ShadowItProcess.OWNER_DECISION;
import static com.tandem.process.ShadowItProcess.OWNER_TEAM;
import static com.tandem.process.ShadowItProcess.OWNER_USER;
import static com.tandem.process.ShadowItProcess.REPLACEMENT_TOOL_ID;
import static com.tandem.process.ShadowItProcess.REQUESTED_BY;
import static com.tandem.process.ShadowItProcess.SHADOW_DECISION;
import static com.tandem.process.ShadowItProcess.SPEND_COMMITTED;
import static com.tandem.process.ShadowItProcess.TOOL_ID;
import static com.tandem.process.ShadowItProcess.USAGE_SUMMARY;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.tandem.shadowit.FindingStatusUpdater;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * Every path of {@code shadow-it-review} on the bare engine: dismissal, adoption within budget and
 * when the budget is short (the joint proposal, the co-signature and the real {@code
 * martech-board-submission}: approved, deferred, rejected, not co-signed), replacement, sunset, and
 * a rejected review. The joint review is the real {@code martech-joint-review} with its real "any
 * reject rejects" rule; {@code tool-offboarding} is a stand-in that waits at one task.
 */
@Deployment(
    resources = {
      "bpmn/shadow-it-review.bpmn",
      "bpmn/martech-joint-review.bpmn",
      "bpmn/martech-board-submission.bpmn",
      "stubs/tool-offboarding-stub.bpmn",
      "forms/assign-owner.form",
      "forms/draft-budget-proposal.form",
      "forms/cosign-budget-proposal.form",
      "forms/board-decision.form",
      "forms/decide-shadow-tool.form",
      "forms/review-marketing.form",
      "forms/review-it.form",
      "forms/review-privacy.form",
      "forms/complete-onboarding.form"
    })
class ShadowItReviewModelTest {

  static final String FINDING = "SIT-2026-00003";

  @RegisterExtension static final ProcessEngineExtension ENGINE = ModelMocks.engine();

  ModelMocks mocks;

  // What the services behind the shadow-IT delegates answer, and what they were given.
  final Deque<Boolean> spendCommitted = new ArrayDeque<>();
  final List<String> findingStatuses = new ArrayList<>();

  final JavaDelegate describeFinding =
      delegate(
          execution -> {
            TOOL_NAME.set(execution, "Hopin");
            VENDOR.set(execution, "Hopin Ltd");
            CURRENCY.set(execution, "USD");
            TOTAL_FIRST_YEAR_COST.set(execution, new BigDecimal("4800.00"));
            USAGE_SUMMARY.set(execution, "14 users, 4800.00 USD");
          });
  final JavaDelegate closeFinding =
      delegate(execution -> findingStatuses.add(FINDING_STATUS.get(execution)));
  final JavaDelegate notifyDismissal = delegate(execution -> {});
  final JavaDelegate adoptTool =
      delegate(
          execution ->
              SPEND_COMMITTED.set(execution, spendCommitted.isEmpty() || spendCommitted.poll()));
  final JavaDelegate registerShadowTool =
      delegate(
          execution -> {
            TOOL_ID.set(execution, 77L);
            OFFBOARDING_REASON.set(execution, "Shadow IT (" + FINDING + "): Hopin is sunset.");
            REQUESTED_BY.set(execution, DECIDED_BY.find(execution).orElse("cio"));
          });
  final FindingStatusUpdater findingStatus = mock(FindingStatusUpdater.class);

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    mocks = new ModelMocks().register();
    Mocks.register("describeFindingDelegate", describeFinding);
    Mocks.register("closeFindingDelegate", closeFinding);
    Mocks.register("notifyDismissalDelegate", notifyDismissal);
    Mocks.register("adoptToolDelegate", adoptTool);
    Mocks.register("registerShadowToolDelegate", registerShadowTool);
    Mocks.register("findingStatus", findingStatus);
    doAnswer(
            call -> {
              findingStatuses.add(call.getArgument(1));
              return null;
            })
        .when(findingStatus)
        .update(any(), anyString());
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void shouldDismissAndTellItOperationsWhenNotAMarketingTool() {
    ProcessInstance review = start();
    assertThat(review).isWaitingAt(ASSIGN_OWNER);
    assertThat(task(ASSIGN_OWNER)).hasCandidateGroup("marketing-leadership");

    complete(
        task(ASSIGN_OWNER),
        Map.of(
            OWNER_DECISION.name(),
            "NOT_MARKETING",
            OWNER_COMMENT.name(),
            "Used by HR for onboarding webinars."));
    execute(job(DISMISS_FINDING, review));
    execute(job(NOTIFY_IT_OPERATIONS, review));

    assertThat(review)
        .isEnded()
        .hasPassed(DISMISS_FINDING, NOTIFY_IT_OPERATIONS, END_DISMISSED)
        .hasNotPassed(ROUTE_REVIEWS, JOINT_REVIEW, ADOPT_TOOL, REGISTER_SHADOW_TOOL);
    Assertions.assertThat(findingStatuses).containsExactly("DISMISSED");
  }

  @Test
  void shouldAdoptWithinBudgetThenOnboard() {
    ProcessInstance review = reviewedBy("APPROVE", "APPROVE");
    assertThat(task(DECIDE_SHADOW_TOOL)).hasCandidateGroup("it-leadership");
    Assertions.assertThat(runtimeService().getVariable(review.getId(), REVIEW_OUTCOME.name()))
        .isEqualTo("APPROVED");

    complete(task(DECIDE_SHADOW_TOOL), Map.of(SHADOW_DECISION.name(), "ADOPT"));
    execute(job(ADOPT_TOOL, review));
    assertThat(review).isWaitingAt(COMPLETE_ONBOARDING);
    assertThat(task(COMPLETE_ONBOARDING)).hasCandidateGroup("it-operations");

    complete(task(COMPLETE_ONBOARDING), Map.of("ssoConfigured", true, "dpaSigned", true));
    execute(job(CLOSE_ADOPTED, review));

    assertThat(review)
        .isEnded()
        .hasPassed(ADOPT_TOOL, COMPLETE_ONBOARDING, CLOSE_ADOPTED, END_ADOPTED)
        .hasNotPassed(REGISTER_SHADOW_TOOL, OFFBOARDING);
    Assertions.assertThat(findingStatuses).containsExactly("ADOPTED");
  }

  @Test
  void shouldTakeTheJointProposalAndTheBoardWhenTheBudgetIsShortThenAdoptOnTheRaisedLine()
      throws Exception {
    ProcessInstance review = adoptedShortOfBudget();

    assertThat(review).isWaitingAt(DRAFT_BUDGET_PROPOSAL).hasNotPassed(COMPLETE_ONBOARDING);
    assertThat(task(DRAFT_BUDGET_PROPOSAL)).hasCandidateGroup("marketing-leadership");
    complete(task(DRAFT_BUDGET_PROPOSAL), proposal());
    assertThat(task(COSIGN_BUDGET_PROPOSAL)).hasCandidateGroup("it-leadership");
    complete(task(COSIGN_BUDGET_PROPOSAL), Map.of(COSIGN_DECISION.name(), "APPROVE"));

    assertThat(review).isWaitingAt(BOARD_SUBMISSION);
    ProcessInstance board = boardSubmission();
    Assertions.assertThat(runtimeService().getVariables(board.getId()))
        .containsEntry(FINDING_ID.name(), FINDING)
        .containsEntry(TOOL_NAME.name(), "Hopin")
        .containsKey(BOARD_CYCLE.name());
    Assertions.assertThat(board.getBusinessKey()).isEqualTo(FINDING);
    execute(job(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET, board));
    assertThat(boardTask()).hasCandidateGroup("board");
    complete(boardTask(), Map.of(BOARD_DECISION.name(), "APPROVE"));

    execute(job(RAISE_BUDGET, review));
    verify(mocks.raiseBudget, times(1)).execute(any());
    execute(job(ADOPT_TOOL, review));
    assertThat(review).isWaitingAt(COMPLETE_ONBOARDING);
    complete(task(COMPLETE_ONBOARDING), Map.of("ssoConfigured", true, "dpaSigned", true));
    execute(job(CLOSE_ADOPTED, review));

    assertThat(review)
        .isEnded()
        .hasPassed(
            DRAFT_BUDGET_PROPOSAL,
            COSIGN_BUDGET_PROPOSAL,
            BOARD_SUBMISSION,
            RAISE_BUDGET,
            COMPLETE_ONBOARDING,
            END_ADOPTED)
        .hasNotPassed(NOTE_FUNDING_REFUSED, REGISTER_SHADOW_TOOL);
    verify(mocks.noteFundingRefused, never()).execute(any());
    Assertions.assertThat(findingStatuses).containsExactly("ADOPTED");
  }

  @Test
  void shouldWaitForTheNextBoardCycleWhenTheBoardDefersAndRedraftWhenTheCioAsksForChanges()
      throws Exception {
    ProcessInstance review = adoptedShortOfBudget();
    complete(task(DRAFT_BUDGET_PROPOSAL), proposal());
    complete(
        task(COSIGN_BUDGET_PROPOSAL),
        Map.of(COSIGN_DECISION.name(), "REQUEST_CHANGES", "cosignComment", "Ask for less."));
    assertThat(review).isWaitingAt(DRAFT_BUDGET_PROPOSAL);
    complete(task(DRAFT_BUDGET_PROPOSAL), proposal());
    complete(task(COSIGN_BUDGET_PROPOSAL), Map.of(COSIGN_DECISION.name(), "APPROVE"));
    ProcessInstance board = boardSubmission();
    execute(job(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET, board));

    complete(boardTask(), Map.of(BOARD_DECISION.name(), "DEFER", "boardComment", "Next quarter."));
    assertThat(board).isWaitingAt(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE);
    assertThat(review).isWaitingAt(BOARD_SUBMISSION);
    execute(job(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE, board));
    execute(job(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET, board));
    complete(boardTask(), Map.of(BOARD_DECISION.name(), "APPROVE"));
    execute(job(RAISE_BUDGET, review));
    execute(job(ADOPT_TOOL, review));

    assertThat(review).isWaitingAt(COMPLETE_ONBOARDING);
    verify(mocks.raiseBudget, times(1)).execute(any());
  }

  @Test
  void shouldBringTheDecisionBackWhenTheBoardRejectsSoTheToolIsSunset() throws Exception {
    ProcessInstance review = adoptedShortOfBudget();
    complete(task(DRAFT_BUDGET_PROPOSAL), proposal());
    complete(task(COSIGN_BUDGET_PROPOSAL), Map.of(COSIGN_DECISION.name(), "APPROVE"));
    ProcessInstance board = boardSubmission();
    execute(job(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET, board));
    complete(boardTask(), Map.of(BOARD_DECISION.name(), "REJECT", "boardComment", "Too dear."));

    execute(job(NOTE_FUNDING_REFUSED, review));
    assertThat(review)
        .isWaitingAt(DECIDE_SHADOW_TOOL)
        .hasNotPassed(RAISE_BUDGET, COMPLETE_ONBOARDING);
    verify(mocks.raiseBudget, never()).execute(any());
    complete(task(DECIDE_SHADOW_TOOL), Map.of(SHADOW_DECISION.name(), "SUNSET"));
    execute(job(REGISTER_SHADOW_TOOL, review));
    complete(offboardingTask());
    execute(job(CLOSE_OFFBOARDED, review));

    assertThat(review).isEnded().hasPassed(END_OFFBOARDED).hasNotPassed(END_ADOPTED);
    Assertions.assertThat(findingStatuses).containsExactly("OFFBOARDING", "RETIRED");
  }

  @Test
  void shouldBringTheDecisionBackWhenTheCioDoesNotCosignTheProposal() throws Exception {
    ProcessInstance review = adoptedShortOfBudget();
    complete(task(DRAFT_BUDGET_PROPOSAL), proposal());
    complete(
        task(COSIGN_BUDGET_PROPOSAL),
        Map.of(COSIGN_DECISION.name(), "REJECT", "cosignComment", "Replace it with ours."));

    assertThat(review).hasNotPassed(BOARD_SUBMISSION);
    execute(job(NOTE_FUNDING_REFUSED, review));
    assertThat(review).isWaitingAt(DECIDE_SHADOW_TOOL);
    verify(mocks.noteFundingRefused).execute(any());
    Assertions.assertThat(boardSubmissionOrNull()).isNull();
  }

  @Test
  void shouldOffboardTheShadowToolWhenReplacedByAnOwnedTool() {
    ProcessInstance review = reviewedBy("APPROVE", "REQUEST_CHANGES");

    complete(
        task(DECIDE_SHADOW_TOOL),
        Map.of(SHADOW_DECISION.name(), "REPLACE", REPLACEMENT_TOOL_ID.name(), 12L));
    execute(job(REGISTER_SHADOW_TOOL, review));

    assertThat(review).isWaitingAt(OFFBOARDING);
    ProcessInstance offboarding = offboardingInstance();
    Assertions.assertThat(runtimeService().getVariables(offboarding.getId()))
        .containsEntry(TOOL_ID.name(), 77L)
        .containsEntry(OffboardingProcess.ORIGIN_CASE_ID.name(), FINDING)
        .containsEntry(OFFBOARDING_REASON.name(), "Shadow IT (" + FINDING + "): Hopin is sunset.")
        .containsKey(OffboardingProcess.REQUESTED_BY.name())
        .doesNotContainKey(FINDING_ID.name());
    Assertions.assertThat(findingStatuses).containsExactly("OFFBOARDING");

    complete(offboardingTask());
    execute(job(CLOSE_OFFBOARDED, review));

    assertThat(review)
        .isEnded()
        .hasPassed(REGISTER_SHADOW_TOOL, OFFBOARDING, CLOSE_OFFBOARDED, END_OFFBOARDED)
        .hasNotPassed(ADOPT_TOOL);
    Assertions.assertThat(findingStatuses).containsExactly("OFFBOARDING", "REPLACED");
  }

  @Test
  void shouldOffboardTheShadowToolWhenSunset() {
    ProcessInstance review = reviewedBy("APPROVE", "APPROVE");

    complete(task(DECIDE_SHADOW_TOOL), Map.of(SHADOW_DECISION.name(), "SUNSET"));
    execute(job(REGISTER_SHADOW_TOOL, review));
    complete(offboardingTask());
    execute(job(CLOSE_OFFBOARDED, review));

    assertThat(review).isEnded().hasPassed(OFFBOARDING, END_OFFBOARDED);
    Assertions.assertThat(findingStatuses).containsExactly("OFFBOARDING", "RETIRED");
  }

  @Test
  void shouldStillAskItLeadershipToDecideWhenTheReviewRejectsTheTool() {
    ProcessInstance review = reviewedBy("REJECT", "APPROVE");

    assertThat(review).isWaitingAt(DECIDE_SHADOW_TOOL);
    Assertions.assertThat(runtimeService().getVariable(review.getId(), REVIEW_OUTCOME.name()))
        .isEqualTo("REJECTED");
    complete(task(DECIDE_SHADOW_TOOL), Map.of(SHADOW_DECISION.name(), "SUNSET"));
    execute(job(REGISTER_SHADOW_TOOL, review));
    complete(offboardingTask());
    execute(job(CLOSE_OFFBOARDED, review));

    assertThat(review).isEnded().hasPassed(END_OFFBOARDED);
    Assertions.assertThat(findingStatuses).containsExactly("OFFBOARDING", "RETIRED");
  }

  @Test
  void shouldAskPrivacyWhenTheOwnerStatesPersonalData() {
    mocks.privacyReviewRequired = true;
    ProcessInstance review = assigned("PERSONAL");
    execute(job(ROUTE_REVIEWS, review));

    Task privacy =
        taskQuery()
            .processInstanceBusinessKey(FINDING)
            .taskDefinitionKey(JointReviewProcess.Elements.REVIEW_PRIVACY)
            .singleResult();
    assertThat(privacy).hasCandidateGroup("privacy-legal");
    complete(
        reviewTask(JointReviewProcess.Elements.REVIEW_MARKETING),
        Map.of(MARKETING_DECISION.name(), "APPROVE"));
    complete(
        reviewTask(JointReviewProcess.Elements.REVIEW_IT), Map.of(IT_DECISION.name(), "APPROVE"));
    assertThat(review).isWaitingAt(JOINT_REVIEW);
    complete(privacy, Map.of(PRIVACY_DECISION.name(), "REJECT", "privacyComment", "No DPA."));
    runVetoNotice();

    assertThat(review).isWaitingAt(DECIDE_SHADOW_TOOL);
    Assertions.assertThat(runtimeService().getVariable(review.getId(), REVIEW_OUTCOME.name()))
        .isEqualTo("REJECTED");
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** Reviewed, decided ADOPT, and the marketing line lacks the money: the proposal is next. */
  ProcessInstance adoptedShortOfBudget() {
    ProcessInstance review = reviewedBy("APPROVE", "APPROVE");
    spendCommitted.add(false);
    complete(task(DECIDE_SHADOW_TOOL), Map.of(SHADOW_DECISION.name(), "ADOPT"));
    execute(job(ADOPT_TOOL, review));
    return review;
  }

  static Map<String, Object> proposal() {
    return Map.of(
        PROPOSAL_MARKETING_AMOUNT.name(),
        9000.0,
        PROPOSAL_IT_AMOUNT.name(),
        0.0,
        PROPOSAL_JUSTIFICATION.name(),
        "40 people work in it daily.");
  }

  static ProcessInstance boardSubmissionOrNull() {
    return runtimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(BoardSubmissionProcess.PROCESS_KEY)
        .singleResult();
  }

  static ProcessInstance boardSubmission() {
    ProcessInstance board = boardSubmissionOrNull();
    Assertions.assertThat(board).as("board submission of " + FINDING).isNotNull();
    return board;
  }

  static Task boardTask() {
    return taskQuery()
        .processDefinitionKey(BoardSubmissionProcess.PROCESS_KEY)
        .taskDefinitionKey(BoardSubmissionProcess.Elements.BOARD_DECISION)
        .singleResult();
  }

  ProcessInstance start() {
    ProcessInstance review =
        runtimeService()
            .startProcessInstanceByKey(
                ShadowItProcess.PROCESS_KEY,
                FINDING,
                ProcessVariable.variables()
                    .put(FINDING_ID, FINDING)
                    .put(VENDOR, "Hopin Ltd")
                    .put(TOOL_NAME, "Hopin Ltd")
                    .build());
    assertThat(review).isWaitingAt(DESCRIBE_FINDING);
    execute(job(DESCRIBE_FINDING, review));
    return review;
  }

  ProcessInstance assigned(String personalData) {
    ProcessInstance review = start();
    complete(
        task(ASSIGN_OWNER),
        Map.of(
            OWNER_DECISION.name(),
            "ASSIGN",
            OWNER_USER.name(),
            "cmo",
            OWNER_TEAM.name(),
            "Events",
            PERSONAL_DATA.name(),
            personalData,
            SSO.name(),
            "NONE"));
    return review;
  }

  /** Assigned, routed without privacy, and reviewed by marketing and IT. */
  ProcessInstance reviewedBy(String marketing, String it) {
    ProcessInstance review = assigned("NONE");
    execute(job(ROUTE_REVIEWS, review));
    assertThat(review).isWaitingAt(JOINT_REVIEW);
    complete(
        reviewTask(JointReviewProcess.Elements.REVIEW_MARKETING),
        Map.of(MARKETING_DECISION.name(), marketing, MARKETING_COMMENT.name(), "m"));
    if (marketing.equals("REJECT")) {
      // the veto cancelled the IT review; its group is told once the veto committed
      Assertions.assertThat(reviewTask(JointReviewProcess.Elements.REVIEW_IT)).isNull();
      runVetoNotice();
    } else {
      complete(
          reviewTask(JointReviewProcess.Elements.REVIEW_IT),
          Map.of(IT_DECISION.name(), it, IT_COMMENT.name(), "i"));
    }
    assertThat(review).hasPassed(JOINT_REVIEW).isWaitingAt(DECIDE_SHADOW_TOOL);
    return review;
  }

  static Task task(String key) {
    return taskQuery()
        .processDefinitionKey(ShadowItProcess.PROCESS_KEY)
        .taskDefinitionKey(key)
        .singleResult();
  }

  static void runVetoNotice() {
    BpmnAwareTests.jobQuery()
        .processDefinitionKey(JointReviewProcess.PROCESS_KEY)
        .activityId(JointReviewProcess.Elements.NOTIFY_VETOED_REVIEWS)
        .list()
        .forEach(BpmnAwareTests::execute);
  }

  static Task reviewTask(String key) {
    return taskQuery().processInstanceBusinessKey(FINDING).taskDefinitionKey(key).singleResult();
  }

  static ProcessInstance offboardingInstance() {
    return runtimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ShadowItProcess.OFFBOARDING_PROCESS_KEY)
        .singleResult();
  }

  static Task offboardingTask() {
    return taskQuery().processDefinitionKey(ShadowItProcess.OFFBOARDING_PROCESS_KEY).singleResult();
  }

  private static JavaDelegate delegate(Consumer<DelegateExecution> writes) {
    return mock(
        JavaDelegate.class,
        call -> {
          if (call.getMethod().getName().equals("execute")) {
            writes.accept(call.getArgument(0));
            return null;
          }
          return RETURNS_DEFAULTS.answer(call);
        });
  }
}
