package com.tandem.process;

import static com.tandem.process.PurchaseProcess.ANNUAL_LICENSE_COST;
import static com.tandem.process.PurchaseProcess.BOARD_COMMENT;
import static com.tandem.process.PurchaseProcess.BOARD_DECISION;
import static com.tandem.process.PurchaseProcess.BOARD_PACKET;
import static com.tandem.process.PurchaseProcess.CAPABILITIES;
import static com.tandem.process.PurchaseProcess.COSIGN_COMMENT;
import static com.tandem.process.PurchaseProcess.COSIGN_DECISION;
import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.NEEDED_BY;
import static com.tandem.process.PurchaseProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATED_IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATION_NOTE;
import static com.tandem.process.PurchaseProcess.NEW_TOOL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.PRIVACY_COMMENT;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_SUMMARY;
import static com.tandem.process.PurchaseProcess.REVISION_ACTION;
import static com.tandem.process.PurchaseProcess.SEATS;
import static com.tandem.process.PurchaseProcess.SHORTFALL_SUMMARY;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.USE_EXISTING_TOOL;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.tandem.budget.AllocationState;
import com.tandem.budget.BudgetAllocation;
import com.tandem.budget.BudgetCheck;
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
import org.camunda.bpm.engine.task.Task;
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
  @Autowired com.tandem.budget.NegotiationSavings savings;

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
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE",
        MARKETING_COMMENT.name(),
        "Fits our plan");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        "APPROVE",
        IT_COMMENT.name(),
        "SSO and export fine");
  }

  void onboard(String id) {
    complete(
        id,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        SSO_CONFIGURED.name(),
        true,
        DPA_SIGNED.name(),
        true);
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
        NEEDED_BY.name(), LocalDate.now().plusYears(4).withMonth(3).withDayOfMonth(1).toString());
  }

  // ---- the paths -------------------------------------------------------------------------

  @Test
  void shouldActivateToolWhenEverybodyApprovesAndMoneyIsThere() {
    String id = submit(intake());
    assertThat(id).matches("MTR-\\d{4}-\\d{5}");
    assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT);
    assertThat(task(id, JointReviewProcess.Elements.REVIEW_MARKETING).getName())
        .contains("Eventful")
        .contains(id);
    assertThat(task(id, JointReviewProcess.Elements.REVIEW_MARKETING).getDueDate()).isNotNull();

    approveJointReview(id);
    assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
    assertThat(runtimeService.getVariable(instance(id).getId(), "budgetSummary"))
        .as("only the budget proposal's forms show the budget situation")
        .isNull();
    negotiateAsRequested(id);
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
            "MARKETING_REVIEW:APPROVE:cmo",
            "IT_REVIEW:APPROVE:cio",
            "NEGOTIATION:NEGOTIATED:itops",
            "ONBOARDING:COMPLETED:itops");
    assertThat(instance(id)).isNull();
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(id)
                .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
                .singleResult()
                .getEndActivityId())
        .isEqualTo(PurchaseProcess.Elements.END_ACTIVE);
    assertThat(mailsTo("requester@tandem.example", id)).anyMatch(s -> s.contains("ready to use"));
  }

  @Test
  void shouldShrinkTheHoldsAndRecordTheSavingsWhenItOperationsNegotiates() {
    String id = submit(intake());
    approveJointReview(id);
    assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
    Task negotiation = task(id, PurchaseProcess.Elements.NEGOTIATE_CONTRACT);
    assertThat(negotiation.getAssignee()).isNull();
    assertThat(
            (String)
                taskService.getVariable(
                    negotiation.getId(), PurchaseProcess.REQUESTED_COSTS_SUMMARY.name()))
        .contains("Annual licence cost requested: USD 12,000.00")
        .contains("Implementation cost requested: USD 3,000.00");
    assertThat(taskService.getVariable(negotiation.getId(), NEGOTIATED_ANNUAL_COST.name()))
        .as("prefilled: nothing won yet")
        .isEqualTo(12000.0);

    assertThatThrownBy(
            () ->
                complete(
                    id,
                    PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
                    "itops",
                    NEGOTIATED_ANNUAL_COST.name(),
                    12500.0,
                    NEGOTIATED_IMPLEMENTATION_COST.name(),
                    3000.0))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(
            "The negotiated annual licence cost (USD 12,500.00) is above the requested"
                + " USD 12,000.00");
    assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);

    complete(
        id,
        PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
        "itops",
        NEGOTIATED_ANNUAL_COST.name(),
        10000.0,
        NEGOTIATED_IMPLEMENTATION_COST.name(),
        2500.0,
        NEGOTIATION_NOTE.name(),
        "Two-year price lock, 20% off");

    assertThat(status(id)).isEqualTo(RequestStatus.ONBOARDING);
    assertThat(allocations(id, AllocationState.HELD))
        .extracting(BudgetAllocation::owner, BudgetAllocation::amount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(BudgetOwner.MARKETING, new BigDecimal("10000.00")),
            org.assertj.core.groups.Tuple.tuple(BudgetOwner.IT, new BigDecimal("2500.00")));
    int fiscalYear = budget.fiscalYearOf(request(id).data().neededBy());
    assertThat(savings.of(fiscalYear).savings())
        .filteredOn(saving -> saving.requestId().equals(id))
        .extracting(
            s -> s.owner() + " " + s.requested() + " -> " + s.negotiated() + " saved " + s.saved())
        .containsExactlyInAnyOrder(
            "MARKETING 12000.00 -> 10000.00 saved 2000.00", "IT 3000.00 -> 2500.00 saved 500.00");
    assertThat(registry.decisions(id))
        .anySatisfy(
            decision -> {
              assertThat(decision.decision()).isEqualTo("NEGOTIATED");
              assertThat(decision.comment())
                  .isEqualTo(
                      "Annual licence USD 10,000.00 (requested USD 12,000.00), implementation"
                          + " USD 2,500.00 (requested USD 3,000.00). Two-year price lock, 20% off");
            });
    onboard(id);
    assertThat(allocations(id, AllocationState.COMMITTED))
        .extracting(BudgetAllocation::amount)
        .containsExactlyInAnyOrder(new BigDecimal("10000.00"), new BigDecimal("2500.00"));
  }

  @Test
  void shouldReleaseEverythingWhenWithdrawnDuringTheNegotiation() {
    String id = submit(intake());
    approveJointReview(id);
    assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
    assertThat(allocations(id, AllocationState.HELD)).hasSize(2);

    withdrawals.withdraw(id, "requester", "Found budget elsewhere");
    runJobs();

    assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
    assertThat(openTasks(id)).isEmpty();
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldRedirectWhenRequesterUsesExistingTool() {
    String id =
        submit(
            intakeWith(
                TOOL_NAME.name(),
                "HubSpot Marketing Pro",
                VENDOR.name(),
                "HubSpot, Inc.",
                CAPABILITIES.name(),
                "email-marketing"));
    assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_REQUESTER);
    assertThat(registry.overlaps(id)).isNotEmpty();
    assertThat(mailsTo("requester@tandem.example", id))
        .anyMatch(s -> s.contains("input is needed"));

    complete(
        id,
        PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
        "requester",
        USE_EXISTING_TOOL.name(),
        true);
    assertThat(status(id)).isEqualTo(RequestStatus.REDIRECTED);
    assertThat(decisions(id)).containsExactly("INVENTORY:USE_EXISTING_TOOL:requester");
    assertNothingLeftBehind(id);
    assertThat(mailsTo("requester@tandem.example", id)).anyMatch(s -> s.contains("REDIRECTED"));
  }

  @Test
  void shouldReviewWithJustificationWhenRequesterStillNeedsTheNewTool() {
    String id = submit(intakeWith(CAPABILITIES.name(), "email-marketing"));
    assertThat(openTasks(id)).containsExactly(PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL);
    assertThatThrownBy(
            () ->
                complete(
                    id,
                    PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
                    "requester",
                    USE_EXISTING_TOOL.name(),
                    false))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("why the tools we own do not fit");
    assertThat(openTasks(id)).containsExactly(PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL);

    complete(
        id,
        PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
        "requester",
        USE_EXISTING_TOOL.name(),
        false,
        NEW_TOOL_JUSTIFICATION.name(),
        "Our email tool cannot send webinar invitations with calendar links.");
    assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    assertThat(request(id).newToolJustification()).contains("calendar links");
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT);
  }

  @Test
  void shouldAskPrivacyWhenPersonalDataIsProcessed() {
    String id = submit(intakeWith(PERSONAL_DATA.name(), "PERSONAL"));
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder(
            JointReviewProcess.Elements.REVIEW_MARKETING,
            JointReviewProcess.Elements.REVIEW_IT,
            JointReviewProcess.Elements.REVIEW_PRIVACY);
    approveJointReview(id);
    assertThat(status(id)).as("waits for privacy").isEqualTo(RequestStatus.IN_REVIEW);
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_PRIVACY,
        "privacy",
        PRIVACY_DECISION.name(),
        "APPROVE");
    assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
  }

  @Test
  void shouldNotAskPrivacyForPseudonymousData() {
    String id = submit(intakeWith(PERSONAL_DATA.name(), "PSEUDONYMOUS"));
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT);
  }

  @Test
  void shouldLoopThroughRoutingAndReviewAgainWhenChangesAreRequested() {
    String id = submit(intake());
    assertThatThrownBy(
            () ->
                complete(
                    id,
                    JointReviewProcess.Elements.REVIEW_MARKETING,
                    "cmo",
                    MARKETING_DECISION.name(),
                    "REQUEST_CHANGES"))
        .as("a comment is required")
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Please explain your decision");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "REQUEST_CHANGES",
        MARKETING_COMMENT.name(),
        "Ask for 3 seats, not 5");
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    assertThat(status(id)).isEqualTo(RequestStatus.AWAITING_REQUESTER);
    assertThat(openTasks(id)).containsExactly(PurchaseProcess.Elements.REVISE_REQUEST);

    // A bad resubmission is refused and the task stays open.
    assertThatThrownBy(
            () ->
                complete(
                    id,
                    PurchaseProcess.Elements.REVISE_REQUEST,
                    "requester",
                    REVISION_ACTION.name(),
                    "RESUBMIT",
                    ANNUAL_LICENSE_COST.name(),
                    "-5"))
        .isInstanceOf(IntakeRejectedException.class)
        .hasMessageContaining("Annual licence cost");
    assertThat(openTasks(id)).containsExactly(PurchaseProcess.Elements.REVISE_REQUEST);

    complete(
        id,
        PurchaseProcess.Elements.REVISE_REQUEST,
        "requester",
        REVISION_ACTION.name(),
        "RESUBMIT",
        SEATS.name(),
        3L,
        ANNUAL_LICENSE_COST.name(),
        7200.0,
        PERSONAL_DATA.name(),
        "PERSONAL");
    assertThat(request(id).data().seats()).isEqualTo(3);
    assertThat(request(id).data().annualLicenseCost()).isEqualByComparingTo("7200.00");
    assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    assertThat(openTasks(id))
        .as("whole review again, now with privacy")
        .containsExactlyInAnyOrder(
            JointReviewProcess.Elements.REVIEW_MARKETING,
            JointReviewProcess.Elements.REVIEW_IT,
            JointReviewProcess.Elements.REVIEW_PRIVACY);
    approveJointReview(id);
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_PRIVACY,
        "privacy",
        PRIVACY_DECISION.name(),
        "APPROVE");
    negotiateAsRequested(id);
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
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "REQUEST_CHANGES",
        MARKETING_COMMENT.name(),
        "Cheaper?");
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    complete(
        id,
        PurchaseProcess.Elements.REVISE_REQUEST,
        "requester",
        REVISION_ACTION.name(),
        "WITHDRAW");
    assertThat(status(id)).isEqualTo(RequestStatus.WITHDRAWN);
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldEndTheReviewAtOnceWhenMarketingRejectsWhileItStillReviews() {
    String id = submit(intake());
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "REJECT",
        MARKETING_COMMENT.name(),
        "Not this year");

    assertThat(openTasks(id)).isEmpty();
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertNothingLeftBehind(id);
    assertThat(mailsTo("requester@tandem.example", id)).anyMatch(s -> s.contains("REJECTED"));
    assertThat(mailsTo("cio@tandem.example", id))
        .containsExactly("[%s] IT review cancelled: Eventful was rejected".formatted(id));
    assertThat(mailsTo("cmo@tandem.example", id)).noneMatch(s -> s.contains("cancelled"));
  }

  @Test
  void shouldEndTheReviewAtOnceWhenItRejectsWhileMarketingAndPrivacyStillReview() {
    String id = submit(intakeWith(PERSONAL_DATA.name(), "SENSITIVE"));
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        "REJECT",
        IT_COMMENT.name(),
        "No SSO, no deal");

    assertThat(openTasks(id)).isEmpty();
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertNothingLeftBehind(id);
    assertThat(mailsTo("cmo@tandem.example", id))
        .anyMatch(s -> s.contains("Marketing review cancelled"));
    assertThat(mailsTo("privacy@tandem.example", id))
        .anyMatch(s -> s.contains("Privacy review cancelled"));
    assertThat(decisions(id)).containsExactly("IT_REVIEW:REJECT:cio");
  }

  @Test
  void shouldEndTheReviewAtOnceWhenPrivacyRejectsFirst() {
    String id = submit(intakeWith(PERSONAL_DATA.name(), "PERSONAL"));
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_PRIVACY,
        "privacy",
        PRIVACY_DECISION.name(),
        "REJECT",
        PRIVACY_COMMENT.name(),
        "Customer data leaves the EU");

    assertThat(openTasks(id)).isEmpty();
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertNothingLeftBehind(id);
    assertThat(mailsTo("cmo@tandem.example", id)).anyMatch(s -> s.contains("review cancelled"));
    assertThat(mailsTo("cio@tandem.example", id)).anyMatch(s -> s.contains("review cancelled"));
  }

  @Test
  void shouldRejectWhenItRejectsEvenIfOthersAskForChanges() {
    String id = submit(intake());
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "REQUEST_CHANGES",
        MARKETING_COMMENT.name(),
        "Fewer seats");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        "REJECT",
        IT_COMMENT.name(),
        "No data export: shadow IT risk");
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertThat(registry.decisions(id))
        .anyMatch(d -> d.comment() != null && d.comment().contains("shadow IT"));
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldRejectWhenPrivacyRejects() {
    String id = submit(intakeWith(PERSONAL_DATA.name(), "SENSITIVE"));
    approveJointReview(id);
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_PRIVACY,
        "privacy",
        PRIVACY_DECISION.name(),
        "REJECT",
        PRIVACY_COMMENT.name(),
        "Health data abroad");
    assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
    assertNothingLeftBehind(id);
  }

  @Test
  void shouldLetOnlyTheReviewGroupSeeItsTask() {
    String id = submit(intake());
    var marketingTask = task(id, JointReviewProcess.Elements.REVIEW_MARKETING);
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
      assertThat(openTasks(id)).containsExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
      assertThat(allocations(id, AllocationState.HELD)).isEmpty();
      return id;
    }

    /** The CMO asks each line's shortfall, as prefilled; the CIO signs. */
    void draftAndCosign(String id) {
      draft(
          id,
          (Double) draftVariable(id, PROPOSAL_MARKETING_AMOUNT.name()),
          (Double) draftVariable(id, PROPOSAL_IT_AMOUNT.name()),
          "Webinars bring 30% of our leads");
      complete(
          id,
          PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL,
          "cio",
          COSIGN_DECISION.name(),
          "APPROVE");
    }

    void draft(String id, double marketing, double it, String justification) {
      complete(
          id,
          PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL,
          "cmo",
          PROPOSAL_MARKETING_AMOUNT.name(),
          marketing,
          PROPOSAL_IT_AMOUNT.name(),
          it,
          PROPOSAL_JUSTIFICATION.name(),
          justification);
    }

    Object draftVariable(String id, String name) {
      return taskService.getVariable(
          task(id, PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL).getId(), name);
    }

    /** What each line lacks for the request now (other scenarios may have raised the lines). */
    BudgetCheck shortfall(String id) {
      var data = request(id).data();
      return budget.check(
          id,
          budget.fiscalYearOf(data.neededBy()),
          data.annualLicenseCost(),
          data.implementationCost());
    }

    @Test
    void shouldPrefillEachLineWithItsShortfallAndRefuseLess() {
      String id = reachBudgetProposal();
      BudgetCheck check = shortfall(id);
      assertThat(check.marketingShortfall().signum()).isPositive();
      assertThat(draftVariable(id, PROPOSAL_MARKETING_AMOUNT.name()))
          .isEqualTo(check.marketingShortfall().doubleValue());
      assertThat(draftVariable(id, PROPOSAL_IT_AMOUNT.name()))
          .isEqualTo(check.itShortfall().doubleValue());
      assertThat((String) draftVariable(id, SHORTFALL_SUMMARY.name()))
          .contains(
              "Marketing line (FY"
                  + check.fiscalYear()
                  + "): short by "
                  + usd(check.marketingShortfall()))
          .contains("IT line (FY" + check.fiscalYear() + "): short by " + usd(check.itShortfall()));
      assertThat((String) draftVariable(id, "budgetSummary"))
          .contains("• MARKETING FY" + check.fiscalYear() + ": amount ")
          .contains(
              "Shortfall: MARKETING %s, IT %s"
                  .formatted(usd(check.marketingShortfall()), usd(check.itShortfall())));

      BigDecimal tooLittle = check.marketingShortfall().subtract(new BigDecimal("1000"));
      assertThatThrownBy(
              () ->
                  draft(id, tooLittle.doubleValue(), check.itShortfall().doubleValue(), "Cheaper"))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining(
              "The marketing line is short by %s: ask at least that for it (you asked %s)."
                  .formatted(usd(check.marketingShortfall()), usd(tooLittle)));
      assertThat(openTasks(id)).containsExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
      assertThat(decisions(id)).noneMatch(d -> d.startsWith("BUDGET_PROPOSAL"));
    }

    @Test
    void shouldRaiseEachLineByExactlyWhatTheProposalAskedWhenTheBoardApproves() {
      String id = reachBudgetProposal();
      BudgetCheck check = shortfall(id);
      int fiscalYear = check.fiscalYear();
      Map<BudgetOwner, BigDecimal> before = amounts(fiscalYear);
      BigDecimal marketingAsked = check.marketingShortfall().add(new BigDecimal("3000.00"));
      BigDecimal itAsked = check.itShortfall();
      draft(
          id,
          marketingAsked.doubleValue(),
          itAsked.doubleValue(),
          "Room for the second event series");
      assertThat(
              (String)
                  taskService.getVariable(
                      task(id, PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL).getId(),
                      PROPOSAL_SUMMARY.name()))
          .contains(
              "Marketing line: asked %s, shortfall %s"
                  .formatted(usd(marketingAsked), usd(check.marketingShortfall())))
          .contains(
              "IT line: asked %s, shortfall %s".formatted(usd(itAsked), usd(check.itShortfall())))
          .contains("Total asked: " + usd(marketingAsked.add(itAsked)));
      complete(
          id,
          PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL,
          "cio",
          COSIGN_DECISION.name(),
          "APPROVE");
      complete(
          id,
          BoardSubmissionProcess.Elements.BOARD_DECISION,
          "board",
          BOARD_DECISION.name(),
          "APPROVE");

      assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
      Map<BudgetOwner, BigDecimal> after = amounts(fiscalYear);
      assertThat(after.get(BudgetOwner.MARKETING).subtract(before.get(BudgetOwner.MARKETING)))
          .as("marketing raised by exactly what was asked, not the shortfall")
          .isEqualByComparingTo(marketingAsked);
      assertThat(after.get(BudgetOwner.IT).subtract(before.get(BudgetOwner.IT)))
          .isEqualByComparingTo(itAsked);
      assertThat(
              budget.lines(fiscalYear).stream()
                  .filter(line -> line.owner() == BudgetOwner.MARKETING)
                  .findFirst()
                  .orElseThrow()
                  .available())
          .as("the 3000 asked beyond the shortfall stays available")
          .isEqualByComparingTo("3000.00");
    }

    Map<BudgetOwner, BigDecimal> amounts(int fiscalYear) {
      Map<BudgetOwner, BigDecimal> amounts = new java.util.EnumMap<>(BudgetOwner.class);
      amounts.put(BudgetOwner.MARKETING, BigDecimal.ZERO);
      amounts.put(BudgetOwner.IT, BigDecimal.ZERO);
      budget.lines(fiscalYear).forEach(line -> amounts.put(line.owner(), line.amount()));
      return amounts;
    }

    String usd(BigDecimal amount) {
      return com.tandem.budget.BudgetSummaries.money(amount, "USD");
    }

    @Test
    void shouldSendTheCosignBackToTheDraftWhenItAsksForChanges() {
      String id = reachBudgetProposal();
      draft(
          id,
          (Double) draftVariable(id, PROPOSAL_MARKETING_AMOUNT.name()) + 8000.0,
          (Double) draftVariable(id, PROPOSAL_IT_AMOUNT.name()),
          "Growth");
      complete(
          id,
          PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL,
          "cio",
          COSIGN_DECISION.name(),
          "REQUEST_CHANGES",
          COSIGN_COMMENT.name(),
          "Ask only for the shortfall: 15000");
      assertThat(openTasks(id)).containsExactly(PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL);
      draftAndCosign(id);
      assertThat(status(id)).isEqualTo(RequestStatus.BOARD_REVIEW);
      assertThat(openTasks(id)).containsExactly(BoardSubmissionProcess.Elements.BOARD_DECISION);
      assertThat(
              (String)
                  runtimeService.getVariable(
                      task(id, BoardSubmissionProcess.Elements.BOARD_DECISION).getExecutionId(),
                      BOARD_PACKET.name()))
          .contains(id)
          .contains("Webinars bring 30% of our leads")
          .contains("Marketing review: Approved")
          .contains("The lines lack");
    }

    @Test
    void shouldRejectWhenTheCosignRejects() {
      String id = reachBudgetProposal();
      draft(
          id,
          (Double) draftVariable(id, PROPOSAL_MARKETING_AMOUNT.name()),
          (Double) draftVariable(id, PROPOSAL_IT_AMOUNT.name()),
          "Growth");
      complete(
          id,
          PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL,
          "cio",
          COSIGN_DECISION.name(),
          "REJECT",
          COSIGN_COMMENT.name(),
          "Not worth it");
      assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
      assertNothingLeftBehind(id);
    }

    @Test
    void shouldRaiseTheLinesAndOnboardWhenTheBoardApproves() {
      String id = reachBudgetProposal();
      int fiscalYear = budget.fiscalYearOf(request(id).data().neededBy());
      draftAndCosign(id);
      complete(
          id,
          BoardSubmissionProcess.Elements.BOARD_DECISION,
          "board",
          BOARD_DECISION.name(),
          "APPROVE");
      assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
      assertThat(budget.lines(fiscalYear))
          .allSatisfy(line -> assertThat(line.available().signum()).isZero());
      assertThat(allocations(id, AllocationState.HELD)).hasSize(2);
      assertThat((String) runtimeService.getVariable(instance(id).getId(), "budgetSummary"))
          .as("the situation written for the proposal, brought up to date with the holds")
          .contains("MARKETING FY" + fiscalYear, "IT FY" + fiscalYear)
          .contains("available USD 0.00")
          .doesNotContain("Shortfall")
          .endsWith("Both lines can carry it.");
      negotiateAsRequested(id);
      onboard(id);
      assertThat(status(id)).isEqualTo(RequestStatus.ACTIVE);
      assertThat(decisions(id)).contains("BOARD:APPROVE:board", "BUDGET_COSIGN:APPROVE:cio");
    }

    @Test
    void shouldRejectWhenTheBoardRejects() {
      String id = reachBudgetProposal();
      draftAndCosign(id);
      assertThatThrownBy(
              () ->
                  complete(
                      id,
                      BoardSubmissionProcess.Elements.BOARD_DECISION,
                      "board",
                      BOARD_DECISION.name(),
                      "REJECT"))
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining(BOARD_COMMENT.name());
      assertThat(openTasks(id)).containsExactly(BoardSubmissionProcess.Elements.BOARD_DECISION);
      complete(
          id,
          BoardSubmissionProcess.Elements.BOARD_DECISION,
          "board",
          BOARD_DECISION.name(),
          "REJECT",
          BOARD_COMMENT.name(),
          "Freeze");
      assertThat(status(id)).isEqualTo(RequestStatus.REJECTED);
      assertNothingLeftBehind(id);
    }

    @Test
    void shouldComeBackToTheBoardAfterTheNextCycleWhenDeferred() {
      String id = reachBudgetProposal();
      draftAndCosign(id);
      complete(
          id,
          BoardSubmissionProcess.Elements.BOARD_DECISION,
          "board",
          BOARD_DECISION.name(),
          "DEFER",
          BOARD_COMMENT.name(),
          "Next quarter");
      assertThat(openTasks(id)).isEmpty();
      assertThat(status(id)).isEqualTo(RequestStatus.BOARD_REVIEW);
      fireTimer(id, BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE);
      assertThat(openTasks(id)).containsExactly(BoardSubmissionProcess.Elements.BOARD_DECISION);
      complete(
          id,
          BoardSubmissionProcess.Elements.BOARD_DECISION,
          "board",
          BOARD_DECISION.name(),
          "APPROVE");
      assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
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
                ANNUAL_LICENSE_COST.name(),
                "90000.00",
                IMPLEMENTATION_COST.name(),
                "10000.00",
                NEEDED_BY.name(),
                LocalDate.now().plusYears(1).withMonth(6).withDayOfMonth(1).toString()));
    approveJointReview(id);
    assertThat(status(id)).isEqualTo(RequestStatus.BUDGET_PROPOSAL);
    assertThat(
            (String)
                taskService.getVariable(
                    task(id, PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL).getId(),
                    "budgetSummary"))
        .contains("needs USD 90,000.00 from MARKETING")
        .endsWith("Both lines can carry it.");
    assertThat(allocations(id, AllocationState.HELD))
        .as("no hold before the board decides")
        .isEmpty();
  }

  @Test
  void shouldRemindAndEscalateWhenTheSlaPassesWithoutCancellingTheReview() {
    String id = submit(intake());
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    fireTimer(id, JointReviewProcess.Elements.MARKETING_REVIEW_SLA);
    assertThat(openTasks(id)).containsExactly(JointReviewProcess.Elements.REVIEW_MARKETING);
    assertThat(task(id, JointReviewProcess.Elements.REVIEW_MARKETING).getPriority())
        .isGreaterThan(50);
    assertThat(mailsTo("cmo@tandem.example", id))
        .anyMatch(s -> s.startsWith("[" + id + "] Overdue"))
        .anyMatch(s -> s.startsWith("Escalation"));
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
  }

  @Test
  void shouldWithdrawWhileAwaitingTheRequester() {
    String id = submit(intakeWith(VENDOR.name(), "Hubspot"));
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
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
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
    negotiateAsRequested(id);
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
            () ->
                submit(
                    intakeWith(
                        ANNUAL_LICENSE_COST.name(), "-1", CAPABILITIES.name(), "teleportation")))
        .isInstanceOf(IntakeRejectedException.class)
        .hasMessageContaining("Annual licence cost")
        .hasMessageContaining("Capabilities");
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
