package com.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.tandem.budget.AllocationState;
import com.tandem.budget.BudgetAllocation;
import com.tandem.budget.BudgetOwner;
import com.tandem.budget.BudgetService;
import com.tandem.intake.IntakeRejectedException;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.ToolStatus;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of martech-purchase, each ending in what a user would check. */
class MartechPurchaseProcessTest extends ProcessScenario {

  @Autowired BudgetService budget;
  @Autowired InventoryService inventory;
  @Autowired WithdrawalService withdrawals;
  @Autowired HistoryService historyService;
  @Autowired JdbcClient jdbc;

  /**
   * Scenarios share one database: a tool one scenario brought in would overlap with the next
   * scenario's request. Retiring them keeps each scenario's inventory check its own.
   */
  @AfterEach
  void retireToolsBroughtInByScenarios() {
    jdbc.sql("UPDATE tandem_tool SET status = 'RETIRED' WHERE request_id IS NOT NULL").update();
  }

  // ---- helpers that read like the steps people take --------------------------------------

  void approveJointReview(String id) {
    complete(
        id,
        "Task_ReviewMarketing",
        "cmo",
        "marketingDecision",
        "APPROVE",
        "marketingComment",
        "Fits our plan");
    complete(
        id, "Task_ReviewIt", "cio", "itDecision", "APPROVE", "itComment", "SSO and export fine");
  }

  void onboard(String id) {
    complete(id, "Task_CompleteOnboarding", "itops", "ssoConfigured", true, "dpaSigned", true);
  }

  List<BudgetAllocation> allocations(String id, AllocationState state) {
    return budget.allocations(id).stream().filter(a -> a.state() == state).toList();
  }

  void assertNothingLeftBehind(String id) {
    assertThat(allocations(id, AllocationState.HELD)).as("holds of %s", id).isEmpty();
    assertThat(allocations(id, AllocationState.COMMITTED)).as("commitments of %s", id).isEmpty();
    assertThat(inventory.toolOfRequest(id)).as("inventory entry of %s", id).isEmpty();
    assertThat(instance(id)).as("process of %s", id).isNull();
  }

  Map<String, Object> intakeWith(Object... keyValues) {
    Map<String, Object> fields = intake();
    fields.putAll(vars(keyValues));
    return fields;
  }

  /** A cost that the demo budget lines cannot carry but that stays below the board threshold. */
  Map<String, Object> intakeInAYearWithoutBudget() {
    return intakeWith(
        "neededBy", LocalDate.now().plusYears(4).withMonth(3).withDayOfMonth(1).toString());
  }

  // ---- the paths -------------------------------------------------------------------------

  @Test
  void shouldActivateToolWhenEverybodyApprovesAndMoneyIsThere() {
    String id = submit(intake());
    assertThat(id).matches("MTR-\\d{4}-\\d{5}");
    assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    assertThat(openTasks(id)).containsExactlyInAnyOrder("Task_ReviewMarketing", "Task_ReviewIt");
    assertThat(task(id, "Task_ReviewMarketing").getName()).contains("Eventful").contains(id);
    assertThat(task(id, "Task_ReviewMarketing").getDueDate()).isNotNull();

    approveJointReview(id);
    assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);
    assertThat(allocations(id, AllocationState.HELD))
        .extracting(BudgetAllocation::owner, BudgetAllocation::amount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(BudgetOwner.MARKETING, new BigDecimal("12000.00")),
            org.assertj.core.groups.Tuple.tuple(BudgetOwner.IT, new BigDecimal("3000.00")));
    assertThat(inventory.toolOfRequest(id))
        .get()
        .extracting(t -> t.status())
        .isEqualTo(ToolStatus.PROCUREMENT);

    onboard(id);
    assertThat(status(id)).isEqualTo(RequestStatus.ACTIVE);
    assertThat(inventory.toolOfRequest(id))
        .get()
        .extracting(t -> t.status())
        .isEqualTo(ToolStatus.ACTIVE);
    assertThat(allocations(id, AllocationState.HELD)).isEmpty();
    assertThat(allocations(id, AllocationState.COMMITTED)).hasSize(2);
    assertThat(decisions(id))
        .containsExactly(
            "MARKETING_REVIEW:APPROVE:cmo", "IT_REVIEW:APPROVE:cio", "ONBOARDING:COMPLETED:itops");
    assertThat(instance(id)).isNull();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .processDefinitionKey("martech-purchase")
                .singleResult()
                .getEndActivityId())
        .isEqualTo("EndEvent_Active");
    assertThat(mailsTo("requester@tandem.example", id)).anyMatch(s -> s.contains("ready to use"));
  }

  @Test
  void shouldRedirectWhenRequesterUsesExistingTool() {
    String id =
        submit(
            intakeWith(
                "toolName",
                "HubSpot Marketing Pro",
                "vendor",
                "HubSpot, Inc.",
                "capabilities",
                "email-marketing"));
    assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_REQUESTER);
    assertThat(registry.overlaps(id)).isNotEmpty();
    assertThat(mailsTo("requester@tandem.example", id))
        .anyMatch(s -> s.contains("input is needed"));

    complete(id, "Task_ConsiderExistingTool", "requester", "useExistingTool", true);
    assertThat(status(id)).isEqualTo(RequestStatus.REDIRECTED);
    assertThat(decisions(id)).containsExactly("INVENTORY:USE_EXISTING_TOOL:requester");
    assertNothingLeftBehind(id);
    assertThat(mailsTo("requester@tandem.example", id)).anyMatch(s -> s.contains("REDIRECTED"));
  }

  @Test
  void shouldReviewWithJustificationWhenRequesterStillNeedsTheNewTool() {
    String id = submit(intakeWith("capabilities", "email-marketing"));
    assertThat(openTasks(id)).containsExactly("Task_ConsiderExistingTool");
    assertThatThrownBy(
            () -> complete(id, "Task_ConsiderExistingTool", "requester", "useExistingTool", false))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("why the tools we own do not fit");
    assertThat(openTasks(id)).containsExactly("Task_ConsiderExistingTool");

    complete(
        id,
        "Task_ConsiderExistingTool",
        "requester",
        "useExistingTool",
        false,
        "newToolJustification",
        "Our email tool cannot send webinar invitations with calendar links.");
    assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    assertThat(request(id).newToolJustification()).contains("calendar links");
    assertThat(openTasks(id)).containsExactlyInAnyOrder("Task_ReviewMarketing", "Task_ReviewIt");
  }

  @Test
  void shouldAskPrivacyWhenPersonalDataIsProcessed() {
    String id = submit(intakeWith("personalData", "PERSONAL"));
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder("Task_ReviewMarketing", "Task_ReviewIt", "Task_ReviewPrivacy");
    approveJointReview(id);
    assertThat(status(id)).as("waits for privacy").isEqualTo(RequestStatus.IN_REVIEW);
    complete(id, "Task_ReviewPrivacy", "privacy", "privacyDecision", "APPROVE");
    assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);
  }

  @Test
  void shouldNotAskPrivacyForPseudonymousData() {
    String id = submit(intakeWith("personalData", "PSEUDONYMOUS"));
    assertThat(openTasks(id)).containsExactlyInAnyOrder("Task_ReviewMarketing", "Task_ReviewIt");
  }

  @Test
  void shouldLoopThroughRoutingAndReviewAgainWhenChangesAreRequested() {
    String id = submit(intake());
    assertThatThrownBy(
            () ->
                complete(id, "Task_ReviewMarketing", "cmo", "marketingDecision", "REQUEST_CHANGES"))
        .as("a comment is required")
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Please explain your decision");
    complete(
        id,
        "Task_ReviewMarketing",
        "cmo",
        "marketingDecision",
        "REQUEST_CHANGES",
        "marketingComment",
        "Ask for 3 seats, not 5");
    complete(id, "Task_ReviewIt", "cio", "itDecision", "APPROVE");
    assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_REQUESTER);
    assertThat(openTasks(id)).containsExactly("Task_ReviseRequest");

    // A bad resubmission is refused and the task stays open.
    assertThatThrownBy(
            () ->
                complete(
                    id,
                    "Task_ReviseRequest",
                    "requester",
                    "revisionAction",
                    "RESUBMIT",
                    "annualLicenseCost",
                    "-5"))
        .isInstanceOf(IntakeRejectedException.class)
        .hasMessageContaining("annualLicenseCost");
    assertThat(openTasks(id)).containsExactly("Task_ReviseRequest");

    complete(
        id,
        "Task_ReviseRequest",
        "requester",
        "revisionAction",
        "RESUBMIT",
        "seats",
        3L,
        "annualLicenseCost",
        7200.0,
        "personalData",
        "PERSONAL");
    assertThat(request(id).data().seats()).isEqualTo(3);
    assertThat(request(id).data().annualLicenseCost()).isEqualByComparingTo("7200.00");
    assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    assertThat(openTasks(id))
        .as("whole review again, now with privacy")
        .containsExactlyInAnyOrder("Task_ReviewMarketing", "Task_ReviewIt", "Task_ReviewPrivacy");
    approveJointReview(id);
    complete(id, "Task_ReviewPrivacy", "privacy", "privacyDecision", "APPROVE");
    onboard(id);
    assertThat(status(id)).isEqualTo(RequestStatus.ACTIVE);
    assertThat(allocations(id, AllocationState.COMMITTED))
        .extracting(BudgetAllocation::amount)
        .contains(new BigDecimal("7200.00"));
  }

  @Test
  void shouldWithdrawFromTheReviseTask() {
    String id = submit(intake());
    complete(
        id,
        "Task_ReviewMarketing",
        "cmo",
        "marketingDecision",
        "REQUEST_CHANGES",
        "marketingComment",
        "Cheaper?");
    complete(id, "Task_ReviewIt", "cio", "itDecision", "APPROVE");
    complete(id, "Task_ReviseRequest", "requester", "revisionAction", "WITHDRAW");
    assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldRejectWhenMarketingRejects() {
    String id = submit(intake());
    complete(
        id,
        "Task_ReviewMarketing",
        "cmo",
        "marketingDecision",
        "REJECT",
        "marketingComment",
        "Not this year");
    complete(id, "Task_ReviewIt", "cio", "itDecision", "APPROVE");
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertNothingLeftBehind(id);
    assertThat(mailsTo("requester@tandem.example", id)).anyMatch(s -> s.contains("REJECTED"));
  }

  @Test
  void shouldRejectWhenItRejectsEvenIfOthersAskForChanges() {
    String id = submit(intake());
    complete(
        id,
        "Task_ReviewMarketing",
        "cmo",
        "marketingDecision",
        "REQUEST_CHANGES",
        "marketingComment",
        "Fewer seats");
    complete(
        id,
        "Task_ReviewIt",
        "cio",
        "itDecision",
        "REJECT",
        "itComment",
        "No data export: shadow IT risk");
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertThat(registry.decisions(id))
        .anyMatch(d -> d.comment() != null && d.comment().contains("shadow IT"));
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldRejectWhenPrivacyRejects() {
    String id = submit(intakeWith("personalData", "SENSITIVE"));
    approveJointReview(id);
    complete(
        id,
        "Task_ReviewPrivacy",
        "privacy",
        "privacyDecision",
        "REJECT",
        "privacyComment",
        "Health data abroad");
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldLetOnlyTheReviewGroupSeeItsTask() {
    String id = submit(intake());
    var marketingTask = task(id, "Task_ReviewMarketing");
    as("cio");
    assertThat(taskService.createTaskQuery().taskId(marketingTask.getId()).singleResult()).isNull();
    as("requester");
    assertThat(taskService.createTaskQuery().taskId(marketingTask.getId()).singleResult()).isNull();
    identityService.clearAuthentication();
  }

  @Nested
  class WhenMoneyIsShort {

    String reachBudgetProposal() {
      String id = submit(intakeInAYearWithoutBudget());
      approveJointReview(id);
      assertThat(status(id)).isEqualTo(RequestStatus.BUDGET_PROPOSAL);
      assertThat(openTasks(id)).containsExactly("Task_DraftBudgetProposal");
      assertThat(allocations(id, AllocationState.HELD)).isEmpty();
      return id;
    }

    void draftAndCosign(String id) {
      complete(
          id,
          "Task_DraftBudgetProposal",
          "cmo",
          "proposalAmount",
          15000.0,
          "proposalJustification",
          "Webinars bring 30% of our leads");
      complete(id, "Task_CosignBudgetProposal", "cio", "cosignDecision", "APPROVE");
    }

    @Test
    void shouldSendTheCosignBackToTheDraftWhenItAsksForChanges() {
      String id = reachBudgetProposal();
      complete(
          id,
          "Task_DraftBudgetProposal",
          "cmo",
          "proposalAmount",
          20000.0,
          "proposalJustification",
          "Growth");
      complete(
          id,
          "Task_CosignBudgetProposal",
          "cio",
          "cosignDecision",
          "REQUEST_CHANGES",
          "cosignComment",
          "Ask only for the shortfall: 15000");
      assertThat(openTasks(id)).containsExactly("Task_DraftBudgetProposal");
      draftAndCosign(id);
      assertThat(status(id)).isEqualTo(RequestStatus.BOARD_REVIEW);
      assertThat(openTasks(id)).containsExactly("Task_BoardDecision");
      assertThat(
              (String)
                  runtimeService.getVariable(
                      task(id, "Task_BoardDecision").getExecutionId(), "boardPacket"))
          .contains(id)
          .contains("Webinars bring 30% of our leads")
          .contains("MARKETING_REVIEW")
          .contains("Shortfall");
    }

    @Test
    void shouldRejectWhenTheCosignRejects() {
      String id = reachBudgetProposal();
      complete(
          id,
          "Task_DraftBudgetProposal",
          "cmo",
          "proposalAmount",
          15000.0,
          "proposalJustification",
          "Growth");
      complete(
          id,
          "Task_CosignBudgetProposal",
          "cio",
          "cosignDecision",
          "REJECT",
          "cosignComment",
          "Not worth it");
      assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
      assertNothingLeftBehind(id);
    }

    @Test
    void shouldRaiseTheLinesAndOnboardWhenTheBoardApproves() {
      String id = reachBudgetProposal();
      int fiscalYear = budget.fiscalYearOf(request(id).data().neededBy());
      draftAndCosign(id);
      complete(id, "Task_BoardDecision", "board", "boardDecision", "APPROVE");
      assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);
      assertThat(budget.lines(fiscalYear))
          .allSatisfy(line -> assertThat(line.available().signum()).isZero());
      assertThat(allocations(id, AllocationState.HELD)).hasSize(2);
      onboard(id);
      assertThat(status(id)).isEqualTo(RequestStatus.ACTIVE);
      assertThat(decisions(id)).contains("BOARD:APPROVE:board", "BUDGET_COSIGN:APPROVE:cio");
    }

    @Test
    void shouldRejectWhenTheBoardRejects() {
      String id = reachBudgetProposal();
      draftAndCosign(id);
      assertThatThrownBy(
              () -> complete(id, "Task_BoardDecision", "board", "boardDecision", "REJECT"))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("boardComment");
      assertThat(openTasks(id)).containsExactly("Task_BoardDecision");
      complete(
          id, "Task_BoardDecision", "board", "boardDecision", "REJECT", "boardComment", "Freeze");
      assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
      assertNothingLeftBehind(id);
    }

    @Test
    void shouldComeBackToTheBoardAfterTheNextCycleWhenDeferred() {
      String id = reachBudgetProposal();
      draftAndCosign(id);
      complete(
          id,
          "Task_BoardDecision",
          "board",
          "boardDecision",
          "DEFER",
          "boardComment",
          "Next quarter");
      assertThat(openTasks(id)).isEmpty();
      assertThat(status(id)).isEqualTo(RequestStatus.BOARD_REVIEW);
      fireTimer(id, "Timer_NextBoardCycle");
      assertThat(openTasks(id)).containsExactly("Task_BoardDecision");
      complete(id, "Task_BoardDecision", "board", "boardDecision", "APPROVE");
      assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);
      assertThat(decisions(id)).contains("BOARD:DEFER:board", "BOARD:APPROVE:board");
    }

    @Test
    void shouldWithdrawDuringTheBudgetProposal() {
      String id = reachBudgetProposal();
      withdrawals.withdraw(id, "requester", "Found budget elsewhere");
      runJobs();
      assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
      assertNothingLeftBehind(id);
    }

    @Test
    void shouldWithdrawDuringTheBoardReview() {
      String id = reachBudgetProposal();
      draftAndCosign(id);
      withdrawals.withdraw(id, "requester", null);
      runJobs();
      assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
      assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
      assertNothingLeftBehind(id);
    }
  }

  @Test
  void shouldGoToTheBoardWhenTheCostReachesTheThresholdEvenWithMoneyThere() {
    String id =
        submit(
            intakeWith(
                "annualLicenseCost",
                "90000.00",
                "implementationCost",
                "10000.00",
                "neededBy",
                LocalDate.now().plusYears(1).withMonth(6).withDayOfMonth(1).toString()));
    approveJointReview(id);
    assertThat(status(id)).isEqualTo(RequestStatus.BUDGET_PROPOSAL);
    assertThat(allocations(id, AllocationState.HELD))
        .as("no hold before the board decides")
        .isEmpty();
  }

  @Test
  void shouldRemindAndEscalateWhenTheSlaPassesWithoutCancellingTheReview() {
    String id = submit(intake());
    complete(id, "Task_ReviewIt", "cio", "itDecision", "APPROVE");
    fireTimer(id, "Timer_MarketingReviewSla");
    assertThat(openTasks(id)).containsExactly("Task_ReviewMarketing");
    assertThat(task(id, "Task_ReviewMarketing").getPriority()).isGreaterThan(50);
    assertThat(mailsTo("cmo@tandem.example", id))
        .anyMatch(s -> s.startsWith("[" + id + "] Overdue"))
        .anyMatch(s -> s.startsWith("Escalation"));
    complete(id, "Task_ReviewMarketing", "cmo", "marketingDecision", "APPROVE");
    assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);
  }

  @Test
  void shouldWithdrawWhileAwaitingTheRequester() {
    String id = submit(intakeWith("vendor", "Hubspot"));
    assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_REQUESTER);
    withdrawals.withdraw(id, "requester", "Changed my mind");
    runJobs();
    assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(decisions(id)).contains("WITHDRAWAL:WITHDRAW:requester");
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldWithdrawDuringTheJointReview() {
    String id = submit(intake());
    complete(id, "Task_ReviewIt", "cio", "itDecision", "APPROVE");
    withdrawals.withdraw(id, "requester", null);
    runJobs();
    assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
    assertNothingLeftBehind(id);
    assertThat(mailsTo("requester@tandem.example", id)).anyMatch(s -> s.contains("WITHDRAWN"));
  }

  @Test
  void shouldRefuseWithdrawalOnceOnboardingStarted() {
    String id = submit(intake());
    approveJointReview(id);
    assertThatThrownBy(() -> withdrawals.withdraw(id, "requester", null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ONBOARDING");
    assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);
    assertThat(allocations(id, AllocationState.HELD)).hasSize(2);
  }

  @Test
  void shouldLeaveNothingBehindWhenTheStartInputIsBad() {
    long requestsBefore = registry.count(null, null);
    long instancesBefore = runtimeService.createProcessInstanceQuery().count();
    assertThatThrownBy(
            () -> submit(intakeWith("annualLicenseCost", "-1", "capabilities", "teleportation")))
        .isInstanceOf(IntakeRejectedException.class)
        .hasMessageContaining("annualLicenseCost")
        .hasMessageContaining("capabilities");
    assertThat(registry.count(null, null)).isEqualTo(requestsBefore);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void shouldReleaseEverythingWhenAnOperatorCancelsTheInstance() {
    String id = submit(intake());
    approveJointReview(id);
    assertThat(allocations(id, AllocationState.HELD)).hasSize(2);
    runtimeService.deleteProcessInstance(instance(id).getId(), "cancelled in Cockpit");
    assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
    assertNothingLeftBehind(id);
  }
}
