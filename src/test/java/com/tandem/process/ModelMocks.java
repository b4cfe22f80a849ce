package com.tandem.process;

import static com.tandem.process.PurchaseProcess.BOARD_CYCLE;
import static com.tandem.process.PurchaseProcess.BOARD_PACKET;
import static com.tandem.process.PurchaseProcess.BOARD_REQUIRED;
import static com.tandem.process.PurchaseProcess.BUDGET_SUFFICIENT;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.FINAL_STATUS;
import static com.tandem.process.PurchaseProcess.HOLDS_PLACED;
import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.OVERLAPS_FOUND;
import static com.tandem.process.PurchaseProcess.OVERLAP_SUMMARY;
import static com.tandem.process.PurchaseProcess.PRIVACY_COMMENT;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.PRIVACY_REVIEW_REQUIRED;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;
import static com.tandem.process.PurchaseProcess.REVIEW_DUE_DATE;
import static com.tandem.process.PurchaseProcess.REVIEW_OUTCOME;
import static com.tandem.process.PurchaseProcess.REVIEW_SLA;
import static com.tandem.process.PurchaseProcess.REVIEW_SLA_DAYS;
import static com.tandem.process.PurchaseProcess.REVISION_ACTION;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;

import com.tandem.review.ConcludeJointReviewDelegate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Every bean the process models name ({@code ${checkInventoryDelegate}}, {@code
 * ${requestStatus.update(...)}}, ...), as Mockito mocks for the bare engine of the model tests.
 * Each delegate writes what the gateways after it read, from the answers a test sets here (overlaps
 * found, budget sufficient, ...), and the mocks record what they were given (final statuses,
 * request statuses, escalated reviews). Only the joint review's rule is the real one ({@link
 * ConcludeJointReviewDelegate} has no dependencies): "any reject rejects" is the behaviour under
 * test.
 */
final class ModelMocks {

  static final String REQUEST = "MTR-2026-00042";
  static final String REQUESTER = "mia";

  // What the services behind the delegates answer; a test changes them before the step runs.
  boolean overlapsFound;
  boolean privacyReviewRequired;
  boolean boardRequired;
  boolean budgetSufficient = true;

  /** One answer per placement of holds; placed when none is left. */
  final Deque<Boolean> holdsPlaced = new ArrayDeque<>();

  long reviewSlaDays = 5;
  String boardCycle = "P30D";

  // What the mocks were given.
  final List<String> finalStatuses = new ArrayList<>();
  final List<String> requestStatuses = new ArrayList<>();
  final List<String> escalatedReviews = new ArrayList<>();
  final List<String> vetoNotices = new ArrayList<>();

  final JavaDelegate registerRequest =
      delegate(
          execution -> {
            execution.setProcessBusinessKey(REQUEST);
            REQUEST_ID.set(execution, REQUEST);
          });
  final JavaDelegate checkInventory =
      delegate(
          execution -> {
            OVERLAPS_FOUND.set(execution, overlapsFound);
            OVERLAP_SUMMARY.set(execution, overlapsFound ? "• Webinaria (Webinaria Ltd)" : "none");
          });
  final JavaDelegate routeReviews =
      delegate(
          execution -> {
            PRIVACY_REVIEW_REQUIRED.set(execution, privacyReviewRequired);
            REVIEW_SLA_DAYS.set(execution, reviewSlaDays);
            REVIEW_SLA.set(execution, "P" + reviewSlaDays + "D");
            REVIEW_DUE_DATE.set(execution, inDays(reviewSlaDays));
            BOARD_REQUIRED.set(execution, boardRequired);
            BOARD_CYCLE.set(execution, boardCycle);
            // like the real delegate: a new round starts without the decisions of the last one
            for (ProcessVariable<String> stale :
                List.of(
                    MARKETING_DECISION,
                    MARKETING_COMMENT,
                    IT_DECISION,
                    IT_COMMENT,
                    PRIVACY_DECISION,
                    PRIVACY_COMMENT,
                    REVIEW_OUTCOME,
                    REVISION_ACTION)) {
              stale.remove(execution);
            }
          });
  final ConcludeJointReviewDelegate concludeJointReview = spy(new ConcludeJointReviewDelegate());
  final JavaDelegate escalateReview =
      delegate(
          execution -> escalatedReviews.add((String) execution.getVariableLocal("reviewTask")));
  final JavaDelegate notifyVetoedReviews =
      delegate(execution -> vetoNotices.add(execution.getProcessBusinessKey()));
  final JavaDelegate applyRevision = delegate(execution -> {});
  final JavaDelegate closeRequest =
      delegate(execution -> finalStatuses.add(FINAL_STATUS.get(execution)));
  final JavaDelegate checkBudget =
      delegate(
          execution -> {
            BUDGET_SUFFICIENT.set(execution, budgetSufficient);
            BUDGET_SUMMARY.set(execution, budgetSufficient ? "sufficient" : "short");
          });
  final JavaDelegate placeBudgetHolds =
      delegate(
          execution -> {
            boolean placed = holdsPlaced.isEmpty() || holdsPlaced.poll();
            HOLDS_PLACED.set(execution, placed);
            BUDGET_SUFFICIENT.set(execution, placed);
          });
  final JavaDelegate raiseBudget = delegate(execution -> {});
  final JavaDelegate noteFundingRefused = delegate(execution -> {});
  final JavaDelegate noteRenewalFundingRefused = delegate(execution -> {});
  final JavaDelegate assembleBoardPacket =
      delegate(execution -> BOARD_PACKET.set(execution, "BOARD PACKET " + REQUEST));
  final JavaDelegate applyNegotiation = delegate(execution -> {});
  final JavaDelegate registerTool = delegate(execution -> {});
  final JavaDelegate activateTool = delegate(execution -> {});

  final RequestStatusUpdater requestStatus = mock(RequestStatusUpdater.class);
  final ExecutionListener requestEnded = mock(ExecutionListener.class);
  final TaskListener taskPresentation = mock(TaskListener.class);
  final TaskListener onboardingBriefing = mock(TaskListener.class);
  final TaskListener notifyRequester = mock(TaskListener.class);
  final TaskListener recordDecision = mock(TaskListener.class);
  final TaskListener budgetProposal = mock(TaskListener.class);
  final TaskListener boardPacketMail = mock(TaskListener.class);
  final ExecutionListener shadowReviewEnded = mock(ExecutionListener.class);
  final TaskListener negotiation = mock(TaskListener.class);

  ModelMocks() {
    doAnswer(
            call -> {
              requestStatuses.add(call.getArgument(1));
              return null;
            })
        .when(requestStatus)
        .update(any(), anyString());
  }

  /** Registers every mock under the bean name the models use. */
  ModelMocks register() {
    Mocks.register("registerRequestDelegate", registerRequest);
    Mocks.register("checkInventoryDelegate", checkInventory);
    Mocks.register("routeReviewsDelegate", routeReviews);
    Mocks.register("concludeJointReviewDelegate", concludeJointReview);
    Mocks.register("escalateReviewDelegate", escalateReview);
    Mocks.register("notifyVetoedReviewsDelegate", notifyVetoedReviews);
    Mocks.register("applyRevisionDelegate", applyRevision);
    Mocks.register("closeRequestDelegate", closeRequest);
    Mocks.register("checkBudgetDelegate", checkBudget);
    Mocks.register("placeBudgetHoldsDelegate", placeBudgetHolds);
    Mocks.register("raiseBudgetDelegate", raiseBudget);
    Mocks.register("noteFundingRefusedDelegate", noteFundingRefused);
    Mocks.register("noteRenewalFundingRefusedDelegate", noteRenewalFundingRefused);
    Mocks.register("assembleBoardPacketDelegate", assembleBoardPacket);
    Mocks.register("applyNegotiationDelegate", applyNegotiation);
    Mocks.register("negotiationListener", negotiation);
    Mocks.register("registerToolDelegate", registerTool);
    Mocks.register("activateToolDelegate", activateTool);
    Mocks.register("requestStatus", requestStatus);
    Mocks.register("requestEndedListener", requestEnded);
    Mocks.register("taskPresentationListener", taskPresentation);
    Mocks.register("onboardingBriefingListener", onboardingBriefing);
    Mocks.register("notifyRequesterListener", notifyRequester);
    Mocks.register("recordDecisionListener", recordDecision);
    Mocks.register("budgetProposalListener", budgetProposal);
    Mocks.register("boardPacketMail", boardPacketMail);
    Mocks.register("shadowReviewEndedListener", shadowReviewEnded);
    return this;
  }

  /**
   * The bare in-memory engine of the model tests, configured by {@code camunda-model-tests.cfg.xml}
   * (not {@code camunda.cfg.xml}: see that file).
   */
  static ProcessEngineExtension engine() {
    return ProcessEngineExtension.builder()
        .configurationResource("camunda-model-tests.cfg.xml")
        .build();
  }

  static Date inDays(long days) {
    return Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days)));
  }

  /** A mock delegate whose {@code execute} does what the step's real delegate writes. */
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
