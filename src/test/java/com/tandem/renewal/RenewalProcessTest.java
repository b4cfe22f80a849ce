package com.tandem.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.budget.AllocationState;
import com.tandem.budget.BudgetAllocation;
import com.tandem.budget.BudgetLine;
import com.tandem.budget.BudgetOwner;
import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.inventory.ToolContract;
import com.tandem.inventory.ToolStatus;
import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.OffboardingProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.renewal.RenewalProcess.Elements;
import com.tandem.testsupport.EngineClock;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Every path of {@code tool-renewal} on the real application (H2, the real scan, inventory, budget,
 * mail and {@code tool-offboarding}), on a controlled clock: Camunda's {@link ClockUtil} and
 * Tandem's {@link Clock} bean move together ({@link EngineClock}); nothing sleeps. Each test owns a
 * tool of its own and looks only at that tool's renewal.
 */
@Import(RenewalProcessTest.ControlledClock.class)
class RenewalProcessTest extends ProcessScenario {

  @TestConfiguration(proxyBeanMethods = false)
  static class ControlledClock {
    @Bean
    @Primary
    Clock engineClock() {
      return new EngineClock();
    }
  }

  static final AtomicInteger NEXT = new AtomicInteger(1);

  @Autowired InventoryService inventory;
  @Autowired BudgetService budget;
  @Autowired RenewalScan scan;
  @Autowired Renewals renewals;
  @Autowired RenewalService renewalService;
  @Autowired Clock clock;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;
  @Autowired org.camunda.bpm.engine.FormService formService;

  LocalDate today;

  @BeforeEach
  void startTheDayAtNine() {
    today = LocalDate.now();
    moveTo(today.atTime(9, 0));
  }

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  void moveTo(LocalDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
  }

  /**
   * An ACTIVE tool of its own whose contract ends {@code endInDays} from today, renewing by itself.
   */
  long tool(int endInDays, int noticeDays, String annualCost, Integer seats) {
    return tool(endInDays, noticeDays, annualCost, seats, true);
  }

  long tool(int endInDays, int noticeDays, String annualCost, Integer seats, boolean autoRenews) {
    int n = NEXT.getAndIncrement();
    var tool =
        inventory.registerInUse(
            "RNT-" + n,
            new NewTool(
                "Renewable " + n,
                "Renewable Vendor " + n + " Ltd",
                List.of("survey"),
                "Growth Marketing",
                new BigDecimal(annualCost),
                "USD",
                today.plusDays(endInDays),
                "SAML",
                "NONE"));
    inventory.setContract(
        tool.id(),
        new ToolContract(
            today.plusDays(endInDays).minusYears(1),
            today.plusDays(endInDays),
            noticeDays,
            autoRenews,
            new BigDecimal(annualCost),
            seats));
    return tool.id();
  }

  List<Renewal> renewalsOf(long toolId) {
    return renewals.ofTool(toolId);
  }

  /** Scans, runs what the scan started, and returns the tool's one renewal. */
  String scanAndStart(long toolId) {
    scan.scan();
    runJobs();
    assertThat(renewalsOf(toolId)).hasSize(1);
    return renewalsOf(toolId).get(0).id();
  }

  // ---- the scan ----------------------------------------------------------------------------

  @Test
  void shouldStartOneRenewalPerToolAndTermWhenTheNoticeDateComesWithinSixtyDays() {
    // notice date 110 days away: not yet
    long toolId = tool(200, 90, "6000.00", 10);
    scan.scan();
    assertThat(renewalsOf(toolId)).isEmpty();

    // fifty days on, the notice date is 60 days away: due
    moveTo(today.plusDays(50).atTime(6, 0));
    scan.scan();
    scan.scan();
    List<Renewal> started = renewalsOf(toolId);
    assertThat(started).hasSize(1);
    Renewal renewal = started.get(0);
    assertThat(renewal.id()).matches("REN-\\d{4}-\\d{5}");
    assertThat(renewal.contractEnd()).isEqualTo(today.plusDays(200));
    assertThat(renewal.noticeDate()).isEqualTo(today.plusDays(110));
    assertThat(renewal.status()).isEqualTo(RenewalStatus.IN_REVIEW);

    // a restart, another day: still one
    moveTo(today.plusDays(51).atTime(6, 0));
    scan.scan();
    assertThat(renewalsOf(toolId)).hasSize(1);
    runJobs();
    assertThat(openTasks(renewal.id()))
        .containsExactlyInAnyOrder(Elements.REVIEW_MARKETING, Elements.REVIEW_IT);
  }

  @Test
  void shouldShowMarketingSeatsBoughtAgainstNoUsageData() {
    long toolId = tool(70, 30, "6000.00", 10);
    String id = scanAndStart(toolId);
    var task = task(id, Elements.REVIEW_MARKETING);
    assertThat(task.getName()).contains("Renewable", id);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "usageSummary"))
        .isEqualTo("no usage data (10 seats bought)");
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "noticeDate"))
        .isEqualTo(today.plusDays(40).toString());
  }

  // ---- both renew --------------------------------------------------------------------------

  @Test
  void shouldNegotiateHoldAndRenewTheContractWhenBothRenew() {
    long toolId = tool(70, 30, "6000.00", 10);
    String id = scanAndStart(toolId);

    complete(id, Elements.REVIEW_MARKETING, "cmo", "renewalDecision", "RENEW_CHANGED", "seats", 8L);
    assertThat(openTasks(id)).containsExactly(Elements.REVIEW_IT);
    assertThatThrownBy(
            () -> complete(id, Elements.REVIEW_IT, "cio", "itRenewalDecision", "APPROVE"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("SSO");
    complete(
        id,
        Elements.REVIEW_IT,
        "cio",
        "itRenewalDecision",
        "APPROVE",
        "itRenewalComment",
        "SSO and DPA in order.");
    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.NEGOTIATION);
    // 8 of 10 seats: the vendor asks 4 800.00
    assertThatThrownBy(
            () ->
                complete(
                    id,
                    Elements.NEGOTIATE_RENEWAL,
                    "itops",
                    "negotiatedAnnualCost",
                    4900.0,
                    "negotiationNote",
                    "more?"))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("cannot be above what the vendor asked (USD 4,800.00)");

    int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
    roomOnMarketingLine(fiscalYear, new BigDecimal("4500.00"));
    BigDecimal committedBefore = marketingLine(fiscalYear).committed();
    complete(
        id,
        Elements.NEGOTIATE_RENEWAL,
        "itops",
        "negotiatedAnnualCost",
        4500.0,
        "negotiationNote",
        "Two-year price lock");

    assertThat(instanceOf(id)).isNull();
    Renewal renewed = renewals.find(id).orElseThrow();
    assertThat(renewed.status()).isEqualTo(RenewalStatus.RENEWED);
    assertThat(renewed.newContractEnd()).isEqualTo(today.plusDays(70).plusYears(1));
    ToolContract contract = inventory.contract(toolId).orElseThrow();
    assertThat(contract.contractStart()).isEqualTo(today.plusDays(70));
    assertThat(contract.contractEnd()).isEqualTo(today.plusDays(70).plusYears(1));
    assertThat(contract.annualCost()).isEqualByComparingTo("4500.00");
    assertThat(contract.seatsBought()).isEqualTo(8);
    assertThat(budget.allocations(id))
        .extracting(BudgetAllocation::owner, BudgetAllocation::fiscalYear, BudgetAllocation::state)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                BudgetOwner.MARKETING, fiscalYear, AllocationState.COMMITTED));
    assertThat(marketingLine(fiscalYear).committed().subtract(committedBefore))
        .isEqualByComparingTo("4500.00");

    // the next term is not due: the scan starts nothing more for the tool
    scan.scan();
    assertThat(renewalsOf(toolId)).hasSize(1);
  }

  /**
   * A renewal both leaderships approved whose next term (9 000 000.00 USD, more than any demo line
   * holds) does not fit the marketing line: it waits for the CMO's office's joint proposal.
   */
  String shortRenewal(long toolId) {
    String id = scanAndStart(toolId);
    complete(
        id,
        Elements.REVIEW_MARKETING,
        "cmo",
        "renewalDecision",
        "RENEW",
        "renewalComment",
        "The whole team works in it every day.");
    complete(
        id,
        Elements.REVIEW_IT,
        "cio",
        "itRenewalDecision",
        "APPROVE",
        "itRenewalComment",
        "SSO and the DPA are in order.");
    complete(
        id,
        Elements.NEGOTIATE_RENEWAL,
        "itops",
        "negotiatedAnnualCost",
        9000000.0,
        "negotiationNote",
        "no discount");
    assertThat(openTasks(id)).containsExactly(Elements.DRAFT_BUDGET_PROPOSAL);
    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.BOARD_REVIEW);
    assertThat(budget.allocations(id)).as("a short line holds nothing").isEmpty();
    return id;
  }

  /** The CMO's office asks {@code marketingAsk} of the marketing line, nothing of IT. */
  void draft(String id, BigDecimal marketingAsk) {
    complete(
        id,
        Elements.DRAFT_BUDGET_PROPOSAL,
        "cmo",
        // as Tasklist sends a number field
        "proposalMarketingAmount",
        marketingAsk.doubleValue(),
        "proposalItAmount",
        0.0,
        "proposalJustification",
        "Our customer research runs on it; dropping it would stop the panel.");
  }

  BigDecimal shortfall(String id, int fiscalYear) {
    return new BigDecimal("9000000.00").subtract(marketingLine(fiscalYear).available());
  }

  @Test
  void shouldTakeAShortfallThroughTheJointProposalAndTheBoardAndRaiseTheLineByWhatWasAsked() {
    long toolId = tool(70, 30, "9000000.00", 5);
    String id = shortRenewal(toolId);
    int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
    BudgetLine before = marketingLine(fiscalYear);
    String facts = (String) runtimeService.getVariable(instanceOf(id).getId(), "renewalFacts");
    assertThat(facts)
        .contains("USD 9,000,000.00 a year")
        .contains("5 seats bought")
        .contains("Renew as today, by")
        .contains("The whole team works in it every day.")
        .contains("SSO and the DPA are in order.");

    // the draft must ask at least the shortfall; more is allowed, and is what the board grants
    BigDecimal shortfall = shortfall(id, fiscalYear);
    assertThatThrownBy(() -> draft(id, shortfall.subtract(BigDecimal.ONE)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("short by");
    BigDecimal asked = shortfall.add(new BigDecimal("1000.00"));
    draft(id, asked);
    complete(id, Elements.COSIGN_BUDGET_PROPOSAL, "cio", "cosignDecision", "APPROVE");

    assertThat(openTasks(id)).containsExactly(BoardSubmissionProcess.Elements.BOARD_DECISION);
    assertThat(mailsTo("board@tandem.example", id)).isNotEmpty();
    complete(
        id, BoardSubmissionProcess.Elements.BOARD_DECISION, "board", "boardDecision", "APPROVE");

    BudgetLine after = marketingLine(fiscalYear);
    assertThat(after.amount().subtract(before.amount())).isEqualByComparingTo(asked);
    assertThat(after.committed().subtract(before.committed())).isEqualByComparingTo("9000000.00");
    assertThat(budget.allocations(id))
        .extracting(BudgetAllocation::state)
        .containsOnly(AllocationState.COMMITTED);
    Renewal renewed = renewals.find(id).orElseThrow();
    assertThat(renewed.status()).isEqualTo(RenewalStatus.RENEWED);
    assertThat(inventory.contract(toolId).orElseThrow().contractEnd())
        .isEqualTo(today.plusDays(70).plusYears(1));
    assertThat(instanceOf(id)).isNull();
    assertThat(decisions(id))
        .containsExactly(
            "BUDGET_PROPOSAL:PROPOSED " + asked.setScale(2).toPlainString() + ":cmo",
            "BUDGET_COSIGN:APPROVE:cio",
            "BOARD:APPROVE:board");
  }

  @Test
  void shouldRetireTheToolWithNoHoldLeftWhenTheBoardRejectsTheProposal() {
    long toolId = tool(70, 30, "9000000.00", 5);
    String id = shortRenewal(toolId);
    int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
    BudgetLine before = marketingLine(fiscalYear);
    draft(id, shortfall(id, fiscalYear));
    complete(id, Elements.COSIGN_BUDGET_PROPOSAL, "cio", "cosignDecision", "APPROVE");
    complete(
        id,
        BoardSubmissionProcess.Elements.BOARD_DECISION,
        "board",
        "boardDecision",
        "REJECT",
        "boardComment",
        "Not at that price.");

    ProcessInstance offboarding = offboardingOf(id);
    assertThat((String) runtimeService.getVariable(offboarding.getId(), "offboardingReason"))
        .startsWith("Not renewed, the money was refused. The board (")
        .contains("rejected the budget proposal for the next term: Not at that price.")
        .doesNotContain("(board)");
    assertThat(runtimeService.getVariable(offboarding.getId(), "offboardingRequestedBy"))
        .isEqualTo("board");
    finishOffboarding(offboarding.getBusinessKey());

    assertThat(inventory.tool(toolId).orElseThrow().status()).isEqualTo(ToolStatus.RETIRED);
    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.RETIRED);
    assertThat(budget.allocations(id))
        .as("no hold left behind")
        .noneMatch(a -> a.state() == AllocationState.HELD);
    assertThat(marketingLine(fiscalYear).amount()).isEqualByComparingTo(before.amount());
    assertThat(marketingLine(fiscalYear).held()).isEqualByComparingTo(before.held());
    assertThat(instanceOf(id)).isNull();
  }

  @Test
  void shouldRetireTheToolWhenTheCioDoesNotCosignAndRedraftWhenAskedForChanges() {
    long toolId = tool(70, 30, "9000000.00", 5);
    String id = shortRenewal(toolId);
    int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
    draft(id, shortfall(id, fiscalYear));
    complete(
        id,
        Elements.COSIGN_BUDGET_PROPOSAL,
        "cio",
        "cosignDecision",
        "REQUEST_CHANGES",
        "cosignComment",
        "Say what it replaces.");
    assertThat(openTasks(id)).containsExactly(Elements.DRAFT_BUDGET_PROPOSAL);
    draft(id, shortfall(id, fiscalYear));
    complete(
        id,
        Elements.COSIGN_BUDGET_PROPOSAL,
        "cio",
        "cosignDecision",
        "REJECT",
        "cosignComment",
        "We cannot carry it this year.");

    ProcessInstance offboarding = offboardingOf(id);
    assertThat((String) runtimeService.getVariable(offboarding.getId(), "offboardingReason"))
        .startsWith("Not renewed, the money was refused. IT leadership (")
        .contains("did not co-sign the budget proposal for the next term")
        .endsWith("We cannot carry it this year.");
    assertThat(runtimeService.getVariable(offboarding.getId(), "offboardingRequestedBy"))
        .isEqualTo("cio");
    finishOffboarding(offboarding.getBusinessKey());

    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.RETIRED);
    assertThat(inventory.tool(toolId).orElseThrow().status()).isEqualTo(ToolStatus.RETIRED);
    assertThat(budget.allocations(id)).noneMatch(a -> a.state() == AllocationState.HELD);
  }

  /**
   * A renewal of the version before the joint proposal (kept as bpmn-test/, deployed on its own as
   * an upgraded Tandem finds it in its database) still ends at its own board task: the beans and
   * the form it names are kept for it.
   */
  @Test
  void shouldLetARenewalOfThePreviousVersionFinishAtItsOwnBoardTask() {
    var previous =
        repositoryService
            .createDeployment()
            .name("tool-renewal before the joint proposal")
            .addClasspathResource("bpmn-test/tool-renewal-before-joint-proposal.bpmn")
            .addClasspathResource("forms/renewal-review-marketing.form")
            .addClasspathResource("forms/renewal-review-it.form")
            .addClasspathResource("forms/negotiate-renewal.form")
            .addClasspathResource("forms/renewal-board-decision.form")
            .deploy();
    try {
      long toolId = tool(70, 30, "9000000.00", 5);
      // the scan starts the latest version: the previous one, deployed last
      String id = scanAndStart(toolId);
      assertThat(instanceOf(id).getProcessDefinitionId())
          .isEqualTo(
              repositoryService
                  .createProcessDefinitionQuery()
                  .deploymentId(previous.getId())
                  .singleResult()
                  .getId());
      complete(id, Elements.REVIEW_MARKETING, "cmo", "renewalDecision", "RENEW");
      complete(
          id, Elements.REVIEW_IT, "cio", "itRenewalDecision", "APPROVE", "itRenewalComment", "ok");
      int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
      BudgetLine before = marketingLine(fiscalYear);
      complete(
          id,
          Elements.NEGOTIATE_RENEWAL,
          "itops",
          "negotiatedAnnualCost",
          9000000.0,
          "negotiationNote",
          "no discount");
      assertThat(openTasks(id)).containsExactly(Elements.RENEWAL_BOARD_DECISION);
      assertThat(formService.getDeployedTaskForm(task(id, Elements.RENEWAL_BOARD_DECISION).getId()))
          .as("its form, from its own deployment")
          .isNotNull();

      complete(id, Elements.RENEWAL_BOARD_DECISION, "board", "boardDecision", "APPROVE");

      BudgetLine after = marketingLine(fiscalYear);
      BigDecimal shortfall = new BigDecimal("9000000.00").subtract(before.available());
      assertThat(after.amount().subtract(before.amount())).isEqualByComparingTo(shortfall);
      assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.RENEWED);
    } finally {
      repositoryService.deleteDeployment(previous.getId(), true);
    }
  }

  ProcessInstance offboardingOf(String renewalId) {
    ProcessInstance offboarding =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(OffboardingProcess.PROCESS_KEY)
            .variableValueEquals(OffboardingProcess.ORIGIN_CASE_ID.name(), renewalId)
            .singleResult();
    assertThat(offboarding).isNotNull();
    assertThat(renewals.find(renewalId).orElseThrow().status())
        .isEqualTo(RenewalStatus.OFFBOARDING);
    return offboarding;
  }

  void finishOffboarding(String off) {
    complete(
        off,
        OffboardingProcess.Elements.EXPORT_DATA,
        "itops",
        OffboardingProcess.NO_DATA_HELD.name(),
        true,
        OffboardingProcess.NO_DATA_REASON.name(),
        "Survey answers were exported monthly to our warehouse.");
    complete(
        off,
        OffboardingProcess.Elements.REVOKE_ACCESS,
        "itops",
        OffboardingProcess.SSO_REMOVED.name(),
        true,
        OffboardingProcess.API_KEYS_REVOKED.name(),
        true);
    complete(
        off,
        OffboardingProcess.Elements.CONFIRM_DELETION,
        "itops",
        OffboardingProcess.DELETION_CONFIRMED_ON.name(),
        today.minusDays(1).toString(),
        OffboardingProcess.DELETION_REFERENCE.name(),
        "DEL-43");
  }

  // ---- retire ------------------------------------------------------------------------------

  @Test
  void shouldCancelTheMarketingReviewAndOffboardWhenItRetires() {
    long toolId = tool(70, 30, "6000.00", 10);
    String id = scanAndStart(toolId);

    complete(
        id,
        Elements.REVIEW_IT,
        "cio",
        "itRenewalDecision",
        "RETIRE",
        "itRenewalComment",
        "The vendor lost its ISO certification.");

    assertThat(openTasks(id)).isEmpty();
    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.OFFBOARDING);
    ProcessInstance offboarding =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(OffboardingProcess.PROCESS_KEY)
            .variableValueEquals(OffboardingProcess.ORIGIN_CASE_ID.name(), id)
            .singleResult();
    assertThat(offboarding).isNotNull();
    assertThat((String) runtimeService.getVariable(offboarding.getId(), "offboardingReason"))
        .isEqualTo("IT leadership decided not to renew: The vendor lost its ISO certification.");
    assertThat(runtimeService.getVariable(offboarding.getId(), "offboardingRequestedBy"))
        .isEqualTo("cio");

    String off = offboarding.getBusinessKey();
    complete(
        off,
        OffboardingProcess.Elements.EXPORT_DATA,
        "itops",
        OffboardingProcess.NO_DATA_HELD.name(),
        true,
        OffboardingProcess.NO_DATA_REASON.name(),
        "Survey answers were exported monthly to our warehouse.");
    complete(
        off,
        OffboardingProcess.Elements.REVOKE_ACCESS,
        "itops",
        OffboardingProcess.SSO_REMOVED.name(),
        true,
        OffboardingProcess.API_KEYS_REVOKED.name(),
        true);
    complete(
        off,
        OffboardingProcess.Elements.CONFIRM_DELETION,
        "itops",
        OffboardingProcess.DELETION_CONFIRMED_ON.name(),
        today.minusDays(1).toString(),
        OffboardingProcess.DELETION_REFERENCE.name(),
        "DEL-42");

    assertThat(inventory.tool(toolId).orElseThrow().status()).isEqualTo(ToolStatus.RETIRED);
    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.RETIRED);
    assertThat(instanceOf(id)).isNull();
  }

  @Test
  void shouldCancelTheItReviewWhenMarketingRetires() {
    long toolId = tool(70, 30, "6000.00", 10);
    String id = scanAndStart(toolId);
    complete(
        id,
        Elements.REVIEW_MARKETING,
        "cmo",
        "renewalDecision",
        "RETIRE",
        "renewalComment",
        "Three of ten seats used.");
    assertThat(openTasks(id)).isEmpty();
    Renewal renewal = renewals.find(id).orElseThrow();
    assertThat(renewal.status()).isEqualTo(RenewalStatus.OFFBOARDING);
    assertThat(renewal.marketingDecision()).isEqualTo("RETIRE");
    assertThat(renewal.itDecision()).isNull();
  }

  // ---- the deadline ------------------------------------------------------------------------

  @Test
  void shouldRemindBothLeadershipsTheDayBeforeTheNoticeDate() {
    long toolId = tool(70, 30, "6000.00", 10);
    String id = scanAndStart(toolId);
    LocalDate noticeDate = today.plusDays(40);

    moveTo(noticeDate.minusDays(1).atTime(7, 59));
    runJobs();
    assertThat(mailsTo("cmo@tandem.example", id)).isEmpty();

    moveTo(noticeDate.minusDays(1).atTime(8, 1));
    runJobs();
    assertThat(mailsTo("cmo@tandem.example", id)).hasSize(1);
    assertThat(mailsTo("cio@tandem.example", id))
        .hasSize(1)
        .first()
        .asString()
        .contains("notice date tomorrow");
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder(Elements.REVIEW_MARKETING, Elements.REVIEW_IT);
  }

  @Test
  void shouldRecordTheToolRenewedWithoutReviewAndCommitItsCostOnceTheNoticeDatePassed() {
    long toolId = tool(70, 30, "6000.00", 10);
    String id = scanAndStart(toolId);
    complete(id, Elements.REVIEW_MARKETING, "cmo", "renewalDecision", "RENEW");
    long before = renewalService.outcomes().get(RenewalStatus.RENEWED_WITHOUT_REVIEW);
    int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
    LocalDate noticeDate = today.plusDays(40);

    moveTo(noticeDate.atTime(23, 59));
    runJobs();
    assertThat(openTasks(id)).containsExactly(Elements.REVIEW_IT);

    moveTo(noticeDate.plusDays(1).atTime(0, 1));
    runJobs();
    assertThat(openTasks(id)).isEmpty();
    assertThat(instanceOf(id)).isNull();
    Renewal renewal = renewals.find(id).orElseThrow();
    assertThat(renewal.status()).isEqualTo(RenewalStatus.RENEWED_WITHOUT_REVIEW);
    assertThat(renewal.newContractEnd()).isEqualTo(today.plusDays(70).plusYears(1));
    assertThat(inventory.contract(toolId).orElseThrow().contractEnd())
        .isEqualTo(today.plusDays(70).plusYears(1));
    // the contract renewed by itself: the next term's cost is spent on its fiscal year's line
    assertThat(budget.allocations(id))
        .extracting(
            BudgetAllocation::owner,
            BudgetAllocation::fiscalYear,
            BudgetAllocation::amount,
            BudgetAllocation::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                BudgetOwner.MARKETING,
                fiscalYear,
                new BigDecimal("6000.00"),
                AllocationState.COMMITTED));
    // counted (demo tools whose notice date passed on the way are counted too)
    assertThat(renewalService.outcomes().get(RenewalStatus.RENEWED_WITHOUT_REVIEW))
        .isGreaterThanOrEqualTo(before + 1);

    // a retried step moves and commits nothing twice
    renewalService.renewWithoutReview(id);
    assertThat(inventory.contract(toolId).orElseThrow().contractEnd())
        .isEqualTo(today.plusDays(70).plusYears(1));
    assertThat(budget.allocations(id))
        .extracting(BudgetAllocation::amount, BudgetAllocation::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                new BigDecimal("6000.00"), AllocationState.COMMITTED));
  }

  @Test
  void shouldCommitTheCostOfARenewalWithoutReviewEvenWhenTheLineGoesOver() {
    // a long notice period: the next term falls in a fiscal year no other test spends on
    int fiscalYear = budget.fiscalYearOf(today.plusDays(1130));
    BigDecimal available =
        budget.lines(fiscalYear).stream()
            .filter(line -> line.owner() == BudgetOwner.MARKETING)
            .map(BudgetLine::available)
            .findFirst()
            .orElse(BigDecimal.ZERO)
            .max(BigDecimal.ZERO);
    BigDecimal cost = available.add(new BigDecimal("2500.00"));
    long toolId = tool(1130, 1100, cost.toPlainString(), 10);
    String id = scanAndStart(toolId);

    moveTo(today.plusDays(31).atTime(0, 1));
    runJobs();

    assertThat(renewals.find(id).orElseThrow().status())
        .isEqualTo(RenewalStatus.RENEWED_WITHOUT_REVIEW);
    BudgetLine line = marketingLine(fiscalYear);
    assertThat(line.available()).as("the line went over").isNegative();
    assertThat(budget.allocations(id))
        .extracting(BudgetAllocation::amount, BudgetAllocation::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(cost, AllocationState.COMMITTED));
  }

  @Test
  void shouldLetAContractThatDoesNotRenewByItselfLapseAtItsEndAndOffboardTheTool() {
    long toolId = tool(70, 30, "6000.00", 10, false);
    String id = scanAndStart(toolId);
    complete(id, Elements.REVIEW_MARKETING, "cmo", "renewalDecision", "RENEW");

    // past the notice date nothing renews it: the reviewers still have until the contract ends
    moveTo(today.plusDays(41).atTime(0, 1));
    runJobs();
    assertThat(openTasks(id)).containsExactly(Elements.REVIEW_IT);

    moveTo(today.plusDays(69).atTime(23, 59));
    runJobs();
    assertThat(openTasks(id)).containsExactly(Elements.REVIEW_IT);

    moveTo(today.plusDays(70).atTime(0, 1));
    runJobs();
    assertThat(openTasks(id)).isEmpty();
    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.OFFBOARDING);
    assertThat(inventory.contract(toolId).orElseThrow().contractEnd())
        .as("not renewed")
        .isEqualTo(today.plusDays(70));
    assertThat(budget.allocations(id)).isEmpty();
    ProcessInstance offboarding =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(OffboardingProcess.PROCESS_KEY)
            .variableValueEquals(OffboardingProcess.ORIGIN_CASE_ID.name(), id)
            .singleResult();
    assertThat(offboarding).isNotNull();
    assertThat((String) runtimeService.getVariable(offboarding.getId(), "offboardingReason"))
        .isEqualTo(
            "The contract ended on "
                + today.plusDays(70)
                + " without a renewal decision and does not renew by itself.");

    String off = offboarding.getBusinessKey();
    complete(
        off,
        OffboardingProcess.Elements.EXPORT_DATA,
        "itops",
        OffboardingProcess.NO_DATA_HELD.name(),
        true,
        OffboardingProcess.NO_DATA_REASON.name(),
        "Survey answers were exported monthly to our warehouse.");
    complete(
        off,
        OffboardingProcess.Elements.REVOKE_ACCESS,
        "itops",
        OffboardingProcess.SSO_REMOVED.name(),
        true,
        OffboardingProcess.API_KEYS_REVOKED.name(),
        true);
    complete(
        off,
        OffboardingProcess.Elements.CONFIRM_DELETION,
        "itops",
        OffboardingProcess.DELETION_CONFIRMED_ON.name(),
        today.plusDays(69).toString(),
        OffboardingProcess.DELETION_REFERENCE.name(),
        "DEL-43");
    runJobs();

    assertThat(inventory.tool(toolId).orElseThrow().status()).isEqualTo(ToolStatus.RETIRED);
    assertThat(renewals.find(id).orElseThrow().status()).isEqualTo(RenewalStatus.LAPSED);
    assertThat(instanceOf(id)).isNull();
    assertThat(renewalService.outcomes().get(RenewalStatus.LAPSED)).isPositive();
    // the tool is retired: no next renewal
    scan.scan();
    assertThat(renewalsOf(toolId)).hasSize(1);
  }

  // ---- helpers -----------------------------------------------------------------------------

  ProcessInstance instanceOf(String renewalId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(RenewalProcess.PROCESS_KEY)
        .processInstanceBusinessKey(renewalId)
        .singleResult();
  }

  /**
   * The marketing line of the year has at least {@code amount} available: the renewals of other
   * tests (funded by the board, renewed without review over the line) spend the same line, in
   * whatever order the tests run.
   */
  void roomOnMarketingLine(int fiscalYear, BigDecimal amount) {
    BigDecimal missing = amount.subtract(marketingLine(fiscalYear).available());
    if (missing.signum() > 0) {
      budget.raiseBy("TEST-ROOM-" + NEXT.getAndIncrement(), fiscalYear, missing, BigDecimal.ZERO);
    }
  }

  BudgetLine marketingLine(int fiscalYear) {
    return budget.lines(fiscalYear).stream()
        .filter(line -> line.owner() == BudgetOwner.MARKETING)
        .findFirst()
        .orElseThrow();
  }
}
