package com.tandem.process;

import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;
import static com.tandem.renewal.RenewalProcess.AUTO_RENEWS;
import static com.tandem.renewal.RenewalProcess.BOARD_CYCLE;
import static com.tandem.renewal.RenewalProcess.BOARD_DECISION;
import static com.tandem.renewal.RenewalProcess.COSIGN_COMMENT;
import static com.tandem.renewal.RenewalProcess.COSIGN_DECISION;
import static com.tandem.renewal.RenewalProcess.HOLDS_PLACED;
import static com.tandem.renewal.RenewalProcess.IT_RENEWAL_COMMENT;
import static com.tandem.renewal.RenewalProcess.IT_RENEWAL_DECISION;
import static com.tandem.renewal.RenewalProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.NEGOTIATION_NOTE;
import static com.tandem.renewal.RenewalProcess.NOTICE_DEADLINE;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REASON;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REQUESTED_BY;
import static com.tandem.renewal.RenewalProcess.PROCESS_KEY;
import static com.tandem.renewal.RenewalProcess.REMINDER_AT;
import static com.tandem.renewal.RenewalProcess.RENEWAL_DECISION;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.SEATS;
import static com.tandem.renewal.RenewalProcess.TOOL_ID;
import static com.tandem.renewal.RenewalProcess.TOOL_NAME;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.tandem.renewal.RenewalProcess.Elements;
import com.tandem.renewal.RenewalStatusUpdater;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * Every path of {@code tool-renewal} on a bare in-memory engine, the delegates and listeners
 * mocked; {@code tool-offboarding} is the test stand-in. What each step writes is what the
 * gateways, timers and the call activity read. The server-side checks of the completions and the
 * real services are tested on the real application (renewal.RenewalProcessTest).
 */
@Deployment(
    resources = {
      "bpmn/tool-renewal.bpmn",
      "forms/renewal-review-marketing.form",
      "forms/renewal-review-it.form",
      "forms/negotiate-renewal.form",
      "forms/draft-budget-proposal.form",
      "forms/cosign-budget-proposal.form",
      "forms/board-decision.form",
      "bpmn/martech-board-submission.bpmn",
      "stubs/tool-offboarding-stub.bpmn"
    })
class RenewalModelTest {

  static final String CASE = "REN-2026-00011";

  @RegisterExtension static final ProcessEngineExtension ENGINE = ModelMocks.engine();

  /** One answer per placement of holds; placed when none is left. */
  final Deque<Boolean> holdsPlaced = new ArrayDeque<>();

  /** What Task_PrepareRenewal reads from the contract; null for a model deployed before it did. */
  Boolean autoRenews = true;

  final List<String> steps = new ArrayList<>();
  final List<String> statuses = new ArrayList<>();

  final JavaDelegate prepare =
      delegate(
          execution -> {
            steps.add("prepare");
            TOOL_NAME.set(execution, "Hootsuite");
            REMINDER_AT.set(execution, ModelMocks.inDays(9));
            NOTICE_DEADLINE.set(execution, ModelMocks.inDays(11));
            if (autoRenews != null) {
              AUTO_RENEWS.set(execution, autoRenews);
            }
          });
  final JavaDelegate lapsed =
      delegate(
          execution -> {
            steps.add("lapsed");
            OFFBOARDING_REASON.set(execution, "The contract ended without a renewal decision.");
            OFFBOARDING_REQUESTED_BY.set(execution, "tandem");
          });
  final JavaDelegate reminder = delegate(execution -> steps.add("reminder"));
  final JavaDelegate renewedWithoutReview =
      delegate(execution -> steps.add("renewed without review"));
  final JavaDelegate hold =
      delegate(
          execution -> {
            boolean placed = holdsPlaced.isEmpty() || holdsPlaced.poll();
            steps.add(placed ? "held" : "short");
            HOLDS_PLACED.set(execution, placed);
            if (!placed) {
              BOARD_CYCLE.set(execution, "P30D");
            }
          });
  final JavaDelegate raise = delegate(execution -> steps.add("raised"));
  final JavaDelegate assemblePacket = delegate(execution -> steps.add("packet"));
  final JavaDelegate fundingRefused =
      delegate(
          execution -> {
            boolean byBoard = "REJECT".equals(BOARD_DECISION.find(execution).orElse(null));
            steps.add(byBoard ? "board refused" : "not co-signed");
            OFFBOARDING_REASON.set(execution, "Not renewed, the money was refused.");
            OFFBOARDING_REQUESTED_BY.set(execution, byBoard ? "board" : "cio");
          });
  final TaskListener budgetProposal = mock(TaskListener.class);
  final TaskListener recordDecision = mock(TaskListener.class);
  final TaskListener boardPacketMail = mock(TaskListener.class);
  final JavaDelegate renew = delegate(execution -> steps.add("renewed"));
  final JavaDelegate closeRetired = delegate(execution -> steps.add("retired"));
  final RenewalStatusUpdater renewalStatus = mock(RenewalStatusUpdater.class);
  final TaskListener taskPresentation = mock(TaskListener.class);
  final TaskListener taskCompletion = mock(TaskListener.class);

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    doAnswer(
            call -> {
              statuses.add(call.getArgument(1));
              return null;
            })
        .when(renewalStatus)
        .update(any(), anyString());
    Mocks.register("prepareRenewalDelegate", prepare);
    Mocks.register("sendRenewalReminderDelegate", reminder);
    Mocks.register("recordRenewedWithoutReviewDelegate", renewedWithoutReview);
    Mocks.register("holdRenewalBudgetDelegate", hold);
    Mocks.register("raiseBudgetDelegate", raise);
    Mocks.register("assembleBoardPacketDelegate", assemblePacket);
    Mocks.register("noteRenewalFundingRefusedDelegate", fundingRefused);
    Mocks.register("budgetProposalListener", budgetProposal);
    Mocks.register("recordDecisionListener", recordDecision);
    Mocks.register("boardPacketMail", boardPacketMail);
    Mocks.register("renewContractDelegate", renew);
    Mocks.register("closeRetiredDelegate", closeRetired);
    Mocks.register("recordLapsedDelegate", lapsed);
    Mocks.register("renewalStatus", renewalStatus);
    Mocks.register("taskPresentationListener", taskPresentation);
    Mocks.register("renewalTaskCompletion", taskCompletion);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  ProcessInstance start() {
    ProcessInstance renewal =
        runtimeService()
            .startProcessInstanceByKey(
                PROCESS_KEY,
                CASE,
                ProcessVariable.variables().put(RENEWAL_ID, CASE).put(TOOL_ID, 12L).build());
    assertThat(renewal).isWaitingAt(Elements.PREPARE_RENEWAL);
    runJob(Elements.PREPARE_RENEWAL);
    assertThat(renewal).isWaitingAt(Elements.REVIEW_MARKETING, Elements.REVIEW_IT);
    return renewal;
  }

  void marketing(ProcessInstance renewal, String decision, Object... more) {
    Task task = task(Elements.REVIEW_MARKETING, renewal);
    Assertions.assertThat(task)
        .extracting(t -> taskCandidateGroups(t))
        .isEqualTo(List.of("marketing-leadership"));
    assertFormDeployed(task);
    List<Object> vars = new ArrayList<>(List.of(RENEWAL_DECISION.name(), decision));
    vars.addAll(List.of(more));
    complete(task, vars(vars));
  }

  void it(ProcessInstance renewal, String decision, Object... more) {
    Task task = task(Elements.REVIEW_IT, renewal);
    Assertions.assertThat(taskCandidateGroups(task)).isEqualTo(List.of("it-leadership"));
    assertFormDeployed(task);
    List<Object> vars =
        new ArrayList<>(
            List.of(IT_RENEWAL_DECISION.name(), decision, IT_RENEWAL_COMMENT.name(), "SSO fine"));
    vars.addAll(List.of(more));
    complete(task, vars(vars));
  }

  void negotiate(ProcessInstance renewal) {
    assertThat(renewal).isWaitingAt(Elements.NEGOTIATE_RENEWAL);
    Task task = task(Elements.NEGOTIATE_RENEWAL, renewal);
    Assertions.assertThat(taskCandidateGroups(task)).isEqualTo(List.of("it-operations"));
    assertFormDeployed(task);
    complete(
        task,
        BpmnAwareTests.withVariables(
            NEGOTIATED_ANNUAL_COST.name(), 9000.0, NEGOTIATION_NOTE.name(), "10% off"));
    runJob(Elements.HOLD_RENEWAL_BUDGET);
  }

  // ---- both renew --------------------------------------------------------------------------

  @Test
  void shouldRenewWhenBothRenewAndTheBudgetHoldsTheNextTerm() {
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    assertThat(renewal).isWaitingAt(Elements.REVIEW_IT);
    it(renewal, "APPROVE");
    negotiate(renewal);
    runJob(Elements.RENEW_CONTRACT);

    assertThat(renewal).isEnded().hasPassed(Elements.END_RENEWED);
    Assertions.assertThat(steps).containsExactly("prepare", "held", "renewed");
    Assertions.assertThat(statuses).containsExactly("NEGOTIATION");
    Assertions.assertThat(jobQuery().count()).as("the deadline timers are gone").isZero();
  }

  @Test
  void shouldRenewWithChangedSeatsWhenItApprovesFirst() {
    ProcessInstance renewal = start();
    it(renewal, "APPROVE");
    assertThat(renewal).isWaitingAt(Elements.REVIEW_MARKETING);
    marketing(renewal, "RENEW_CHANGED", SEATS.name(), 12L);
    negotiate(renewal);
    runJob(Elements.RENEW_CONTRACT);

    assertThat(renewal).isEnded().hasPassed(Elements.END_RENEWED);
    Assertions.assertThat(steps).containsExactly("prepare", "held", "renewed");
  }

  // ---- a shortfall: the joint proposal and the board (PRODUCT.md §7, §2.6–7) ----------------

  /** Both renew, the next term is negotiated and does not fit its line: the CMO's office drafts. */
  ProcessInstance shortOfBudget() {
    holdsPlaced.add(false);
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    it(renewal, "APPROVE");
    negotiate(renewal);
    assertThat(renewal).isWaitingAt(Elements.DRAFT_BUDGET_PROPOSAL);
    return renewal;
  }

  void draft(ProcessInstance renewal) {
    Task task = task(Elements.DRAFT_BUDGET_PROPOSAL, renewal);
    Assertions.assertThat(taskCandidateGroups(task)).isEqualTo(List.of("marketing-leadership"));
    assertFormDeployed(task);
    complete(
        task,
        BpmnAwareTests.withVariables(
            PROPOSAL_MARKETING_AMOUNT.name(), 3000.0,
            PROPOSAL_IT_AMOUNT.name(), 0.0,
            PROPOSAL_JUSTIFICATION.name(), "The whole team uses it daily."));
  }

  void cosign(ProcessInstance renewal, String decision) {
    Task task = task(Elements.COSIGN_BUDGET_PROPOSAL, renewal);
    Assertions.assertThat(taskCandidateGroups(task)).isEqualTo(List.of("it-leadership"));
    assertFormDeployed(task);
    complete(
        task,
        BpmnAwareTests.withVariables(
            COSIGN_DECISION.name(), decision, COSIGN_COMMENT.name(), "Reason " + decision));
  }

  /** The board submission the renewal called, its packet assembled: the board's task is open. */
  ProcessInstance boardSubmission(ProcessInstance renewal) {
    assertThat(renewal).isWaitingAt(Elements.BOARD_SUBMISSION);
    ProcessInstance board =
        runtimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(renewal.getId())
            .processDefinitionKey(BoardSubmissionProcess.PROCESS_KEY)
            .singleResult();
    Assertions.assertThat(board.getBusinessKey()).isEqualTo(CASE);
    Assertions.assertThat(runtimeService().getVariables(board.getId()))
        .containsEntry(RENEWAL_ID.name(), CASE)
        .containsEntry("boardCycle", "P30D");
    runJob(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    Task task = task(BoardSubmissionProcess.Elements.BOARD_DECISION, board);
    Assertions.assertThat(taskCandidateGroups(task)).isEqualTo(List.of("board"));
    assertFormDeployed(task);
    return board;
  }

  void board(ProcessInstance board, String decision) {
    complete(
        task(BoardSubmissionProcess.Elements.BOARD_DECISION, board),
        BpmnAwareTests.withVariables(
            BOARD_DECISION.name(), decision, "boardComment", "Reason " + decision));
  }

  @Test
  void shouldRenewWhenTheBoardApprovesTheJointProposalForTheShortfall() {
    holdsPlaced.add(false);
    holdsPlaced.add(true);
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    it(renewal, "APPROVE");
    negotiate(renewal);
    draft(renewal);
    cosign(renewal, "APPROVE");
    board(boardSubmission(renewal), "APPROVE");
    runJob(Elements.RAISE_BUDGET);
    runJob(Elements.HOLD_RENEWAL_BUDGET);
    runJob(Elements.RENEW_CONTRACT);

    assertThat(renewal).isEnded().hasPassed(Elements.END_RENEWED);
    Assertions.assertThat(steps)
        .containsExactly("prepare", "short", "packet", "raised", "held", "renewed");
    Assertions.assertThat(statuses).containsExactly("NEGOTIATION", "BOARD_REVIEW");
  }

  @Test
  void shouldRedraftWhenTheCioAsksForChangesThenRenewWhenApproved() {
    holdsPlaced.add(false);
    holdsPlaced.add(true);
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    it(renewal, "APPROVE");
    negotiate(renewal);
    draft(renewal);
    cosign(renewal, "REQUEST_CHANGES");

    assertThat(renewal).isWaitingAt(Elements.DRAFT_BUDGET_PROPOSAL);
    Assertions.assertThat(boardSubmissionOrNull(renewal)).as("no board yet").isNull();
    draft(renewal);
    cosign(renewal, "APPROVE");
    board(boardSubmission(renewal), "APPROVE");
    runJob(Elements.RAISE_BUDGET);
    runJob(Elements.HOLD_RENEWAL_BUDGET);
    runJob(Elements.RENEW_CONTRACT);

    assertThat(renewal).isEnded().hasPassed(Elements.END_RENEWED);
    Assertions.assertThat(steps)
        .containsExactly("prepare", "short", "packet", "raised", "held", "renewed");
  }

  @Test
  void shouldRetireTheToolWhenTheCioDoesNotCosign() throws Exception {
    ProcessInstance renewal = shortOfBudget();
    draft(renewal);
    cosign(renewal, "REJECT");
    runJob(Elements.NOTE_FUNDING_REFUSED);

    Assertions.assertThat(boardSubmissionOrNull(renewal)).as("the board is not asked").isNull();
    finishOffboarding(renewal, "cio");
    Assertions.assertThat(steps).containsExactly("prepare", "short", "not co-signed", "retired");
    verify(raise, never()).execute(any());
    verify(renew, never()).execute(any());
  }

  @Test
  void shouldRetireTheToolWhenTheBoardRejectsTheProposal() throws Exception {
    ProcessInstance renewal = shortOfBudget();
    draft(renewal);
    cosign(renewal, "APPROVE");
    board(boardSubmission(renewal), "REJECT");
    runJob(Elements.NOTE_FUNDING_REFUSED);

    finishOffboarding(renewal, "board");
    Assertions.assertThat(steps)
        .containsExactly("prepare", "short", "packet", "board refused", "retired");
    verify(raise, never()).execute(any());
    verify(renew, never()).execute(any());
  }

  @Test
  void shouldWaitForTheNextBoardCycleWhenTheBoardDefersThenRenewWhenItApproves() {
    holdsPlaced.add(false);
    holdsPlaced.add(true);
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    it(renewal, "APPROVE");
    negotiate(renewal);
    draft(renewal);
    cosign(renewal, "APPROVE");
    ProcessInstance board = boardSubmission(renewal);
    board(board, "DEFER");

    assertThat(board).isWaitingAt(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE);
    assertThat(renewal).isWaitingAt(Elements.BOARD_SUBMISSION);
    runJob(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE);
    runJob(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    board(board, "APPROVE");
    runJob(Elements.RAISE_BUDGET);
    runJob(Elements.HOLD_RENEWAL_BUDGET);
    runJob(Elements.RENEW_CONTRACT);

    assertThat(renewal).isEnded().hasPassed(Elements.END_RENEWED);
    Assertions.assertThat(steps)
        .containsExactly("prepare", "short", "packet", "packet", "raised", "held", "renewed");
  }

  // ---- the veto ----------------------------------------------------------------------------

  @Test
  void shouldEndTheItReviewAtOnceWhenMarketingRetires() {
    ProcessInstance renewal = start();
    marketing(
        renewal,
        "RETIRE",
        OFFBOARDING_REASON.name(),
        "Nobody uses it",
        OFFBOARDING_REQUESTED_BY.name(),
        "cmo");

    Assertions.assertThat(taskQuery().taskDefinitionKey(Elements.REVIEW_IT).count())
        .as("the IT review is cancelled")
        .isZero();
    finishOffboarding(renewal, "cmo");
    Assertions.assertThat(steps).containsExactly("prepare", "retired");
  }

  @Test
  void shouldEndTheMarketingReviewAtOnceWhenItRetires() {
    ProcessInstance renewal = start();
    it(
        renewal,
        "RETIRE",
        OFFBOARDING_REASON.name(),
        "No SSO",
        OFFBOARDING_REQUESTED_BY.name(),
        "cio");

    Assertions.assertThat(taskQuery().taskDefinitionKey(Elements.REVIEW_MARKETING).count())
        .as("the marketing review is cancelled")
        .isZero();
    finishOffboarding(renewal, "cio");
  }

  @Test
  void shouldRetireWhenItRetiresAfterMarketingRenewed() throws Exception {
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    it(
        renewal,
        "RETIRE",
        OFFBOARDING_REASON.name(),
        "DPA expired",
        OFFBOARDING_REQUESTED_BY.name(),
        "cio");

    finishOffboarding(renewal, "cio");
    verify(hold, never()).execute(any());
  }

  // ---- the deadline ------------------------------------------------------------------------

  @Test
  void shouldRemindTheDayBeforeTheNoticeDateAndKeepTheReviewsOpen() {
    ProcessInstance renewal = start();
    runJob(Elements.REMINDER_DUE);
    runJob(Elements.SEND_REMINDER);

    Assertions.assertThat(steps).containsExactly("prepare", "reminder");
    assertThat(renewal).isWaitingAt(Elements.REVIEW_MARKETING, Elements.REVIEW_IT);
    Assertions.assertThat(jobQuery().activityId(Elements.NOTICE_DATE_PASSED).count()).isOne();
  }

  @Test
  void shouldRecordRenewedWithoutReviewWhenTheNoticeDatePasses() {
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    runJob(Elements.NOTICE_DATE_PASSED);

    Assertions.assertThat(taskQuery().processInstanceId(renewal.getId()).count())
        .as("the open review is cancelled")
        .isZero();
    runJob(Elements.RECORD_RENEWED_WITHOUT_REVIEW);
    assertThat(renewal).isEnded().hasPassed(Elements.END_RENEWED_WITHOUT_REVIEW);
    Assertions.assertThat(steps).containsExactly("prepare", "renewed without review");
    Assertions.assertThat(jobQuery().count()).as("the reminder timer is gone").isZero();
  }

  @Test
  void shouldRecordRenewedWithoutReviewWhenAModelOfBeforeAutoRenewsReachesTheNoticeDate() {
    autoRenews = null;
    ProcessInstance renewal = start();
    runJob(Elements.NOTICE_DATE_PASSED);
    runJob(Elements.RECORD_RENEWED_WITHOUT_REVIEW);

    assertThat(renewal).isEnded().hasPassed(Elements.END_RENEWED_WITHOUT_REVIEW);
    Assertions.assertThat(steps).containsExactly("prepare", "renewed without review");
  }

  @Test
  void shouldOffboardTheToolWhenAContractThatDoesNotRenewEndsUndecided() throws Exception {
    autoRenews = false;
    ProcessInstance renewal = start();
    marketing(renewal, "RENEW");
    runJob(Elements.NOTICE_DATE_PASSED);

    Assertions.assertThat(taskQuery().processInstanceId(renewal.getId()).count())
        .as("the open review is cancelled")
        .isZero();
    runJob(Elements.RECORD_LAPSED);
    assertThat(renewal).hasPassed(Elements.RENEWS_BY_ITSELF, Elements.RECORD_LAPSED);
    finishOffboarding(renewal, "tandem");
    Assertions.assertThat(steps).containsExactly("prepare", "lapsed", "retired");
    verify(renewedWithoutReview, never()).execute(any());
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The stand-in offboarding got the tool and the reason; it ends, and so does the renewal. */
  private void finishOffboarding(ProcessInstance renewal, String requestedBy) {
    assertThat(renewal).isWaitingAt(Elements.OFFBOARDING);
    Assertions.assertThat(statuses).contains("OFFBOARDING");
    ProcessInstance offboarding =
        runtimeService()
            .createProcessInstanceQuery()
            .superProcessInstanceId(renewal.getId())
            .singleResult();
    Assertions.assertThat(runtimeService().getVariables(offboarding.getId()))
        .containsEntry("toolId", 12L)
        .containsEntry("offboardingRequestedBy", requestedBy)
        .containsEntry("originCaseId", CASE)
        .containsKey("offboardingReason");
    complete(task("Task_ExportData", offboarding));
    runJob(Elements.CLOSE_RETIRED);
    assertThat(renewal).isEnded().hasPassed(Elements.END_RETIRED);
  }

  private static ProcessInstance boardSubmissionOrNull(ProcessInstance renewal) {
    return runtimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(renewal.getId())
        .processDefinitionKey(BoardSubmissionProcess.PROCESS_KEY)
        .singleResult();
  }

  private static java.util.Map<String, Object> vars(List<Object> keyValues) {
    java.util.Map<String, Object> map = new java.util.HashMap<>();
    for (int i = 0; i < keyValues.size(); i += 2) {
      map.put((String) keyValues.get(i), keyValues.get(i + 1));
    }
    return map;
  }

  private static List<String> taskCandidateGroups(Task task) {
    return BpmnAwareTests.taskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> link.getGroupId() != null)
        .map(link -> link.getGroupId())
        .toList();
  }

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
