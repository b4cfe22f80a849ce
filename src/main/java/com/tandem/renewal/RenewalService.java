package com.tandem.renewal;

import com.tandem.budget.BudgetCheck;
import com.tandem.budget.BudgetService;
import com.tandem.discovery.FindingService;
import com.tandem.discovery.ToolUsage;
import com.tandem.inventory.ContractedTool;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.inventory.ToolContract;
import com.tandem.request.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a renewal does to the inventory, the budget and its own record. Every method that changes
 * something is idempotent per renewal: a retried step never moves a contract twice or doubles a
 * hold.
 */
@Service
public class RenewalService {

  private static final Logger LOG = LoggerFactory.getLogger(RenewalService.class);

  /** The tool, its contract and its usage as the reviews see them. */
  public record Facts(
      Renewal renewal, Tool tool, ToolContract contract, String usageSummary, String currency) {}

  /** One line of {@code GET /api/renewals}. */
  public record Upcoming(
      long toolId,
      String toolName,
      String vendor,
      String owner,
      LocalDate contractStart,
      LocalDate contractEnd,
      int noticePeriodDays,
      LocalDate noticeDate,
      boolean autoRenews,
      BigDecimal annualCost,
      String currency,
      Integer seatsBought,
      String renewalId,
      RenewalStatus renewalStatus) {}

  private final Renewals renewals;
  private final InventoryService inventory;
  private final BudgetService budget;
  private final FindingService findings;
  private final Clock clock;

  public RenewalService(
      Renewals renewals,
      InventoryService inventory,
      BudgetService budget,
      FindingService findings,
      Clock clock) {
    this.renewals = renewals;
    this.inventory = inventory;
    this.budget = budget;
    this.findings = findings;
    this.clock = clock;
  }

  public Renewal renewal(String id) {
    return renewals
        .find(id)
        .orElseThrow(() -> new NoSuchElementException("There is no renewal " + id));
  }

  /** What the reviews are shown. */
  public Facts facts(String renewalId) {
    Renewal renewal = renewal(renewalId);
    Tool tool =
        inventory
            .tool(renewal.toolId())
            .orElseThrow(() -> new NoSuchElementException("There is no tool " + renewal.toolId()));
    ToolContract contract =
        inventory
            .contract(renewal.toolId())
            .orElseThrow(
                () ->
                    new NoSuchElementException(
                        "Tool " + renewal.toolId() + " (" + tool.name() + ") has no contract"));
    return new Facts(
        renewal, tool, contract, usageSummary(renewal.toolId(), contract), tool.currency());
  }

  /**
   * Seats bought against the users discovery saw in the latest fiscal year with evidence, e.g. "14
   * users seen in fiscal year 2026 (3 sightings) against 20 seats bought"; "no usage data" when
   * discovery never saw the tool.
   */
  String usageSummary(long toolId, ToolContract contract) {
    List<ToolUsage> usage = findings.usageOf(toolId);
    String seats =
        contract.seatsBought() == null
            ? "seats bought not recorded"
            : contract.seatsBought() + " seats bought";
    if (usage.isEmpty()) {
      return "no usage data (" + seats + ")";
    }
    ToolUsage latest = usage.stream().max(Comparator.comparingInt(ToolUsage::fiscalYear)).get();
    return "%d users seen in fiscal year %d (%d sightings) against %s"
        .formatted(latest.usersSeen(), latest.fiscalYear(), latest.sightings(), seats);
  }

  /**
   * What the vendor asks for the next term: today's cost, scaled to the new number of seats when
   * marketing changed it and the seats bought are known.
   */
  static BigDecimal askedCost(ToolContract contract, String decision, Long newSeats) {
    if ("RENEW_CHANGED".equals(decision)
        && newSeats != null
        && contract.seatsBought() != null
        && contract.seatsBought() > 0) {
      return contract
          .annualCost()
          .multiply(BigDecimal.valueOf(newSeats))
          .divide(BigDecimal.valueOf(contract.seatsBought()), 2, RoundingMode.HALF_UP);
    }
    return contract.annualCost().setScale(2, RoundingMode.HALF_UP);
  }

  void setStatus(String renewalId, RenewalStatus status) {
    renewals.setStatus(renewalId, status);
  }

  void recordMarketing(String renewalId, String decision, String by, Integer newSeats) {
    renewals.recordMarketing(renewalId, decision, by, newSeats);
  }

  void recordIt(String renewalId, String decision, String by, String comment) {
    renewals.recordIt(renewalId, decision, by, comment);
  }

  void recordNegotiation(String renewalId, BigDecimal asked, BigDecimal negotiated, String note) {
    renewals.recordNegotiation(renewalId, asked, negotiated, note);
  }

  /** The fiscal year the next term starts in: its cost is held there. */
  int nextTermFiscalYear(String renewalId) {
    return budget.fiscalYearOf(renewal(renewalId).contractEnd());
  }

  /** Holds the next term's cost on the MARKETING line of its fiscal year, if it fits. */
  @Transactional
  public BudgetCheck holdNextTerm(String renewalId, BigDecimal annualCost) {
    return budget.placeHolds(renewalId, nextTermFiscalYear(renewalId), annualCost, BigDecimal.ZERO);
  }

  /** Raises the MARKETING line of the next term's year by what it lacks, as the board approved. */
  @Transactional
  public void raiseForNextTerm(String renewalId, BigDecimal annualCost) {
    budget.raiseForShortfall(renewalId, nextTermFiscalYear(renewalId), annualCost, BigDecimal.ZERO);
  }

  /**
   * Moves the contract one term on at the new cost and seats, turns the holds into commitments and
   * ends the case RENEWED. Idempotent: a contract already moved past the renewed term stays.
   */
  @Transactional
  public LocalDate renew(String renewalId, BigDecimal annualCost, Integer seats) {
    LocalDate newEnd = moveContract(renewalId, annualCost, seats);
    budget.commit(renewalId);
    renewals.end(renewalId, RenewalStatus.RENEWED, newEnd);
    return newEnd;
  }

  /**
   * The notice date passed without both decisions: the contract renewed by itself, at today's cost
   * and seats. That money is spent: the next term's cost is committed on the MARKETING line of the
   * fiscal year the term starts in (the line a reviewed renewal holds on), even when the line lacks
   * it (the line goes over, and the budget insight shows it below zero). The contract moves one
   * term on and the case ends RENEWED_WITHOUT_REVIEW, the outcome Tandem exists to drive to zero.
   * Idempotent: a retry commits and moves nothing twice.
   */
  @Transactional
  public LocalDate renewWithoutReview(String renewalId) {
    Facts facts = facts(renewalId);
    BigDecimal cost = facts.contract().annualCost();
    int fiscalYear = budget.fiscalYearOf(facts.renewal().contractEnd());
    budget.release(renewalId);
    BudgetCheck check = budget.commitSpent(renewalId, fiscalYear, cost, BigDecimal.ZERO);
    LocalDate newEnd = moveContract(renewalId, cost, facts.contract().seatsBought());
    renewals.end(renewalId, RenewalStatus.RENEWED_WITHOUT_REVIEW, newEnd);
    LOG.warn(
        "Renewal {}: '{}' renewed without review to {}; {} committed on the marketing line of"
            + " fiscal year {}{}",
        renewalId,
        facts.tool().name(),
        newEnd,
        Money.format(cost, facts.currency()),
        fiscalYear,
        check.sufficient()
            ? ""
            : ", which goes over by " + Money.format(check.marketingShortfall(), facts.currency()));
    return newEnd;
  }

  /**
   * A contract that does not renew by itself reached its end without both decisions: it lapsed. The
   * tool goes through tool-offboarding (its data out, its access revoked) and the case ends LAPSED
   * once that is done ({@link #closeRetired}).
   */
  void recordLapsed(String renewalId) {
    renewals.setStatus(renewalId, RenewalStatus.OFFBOARDING);
    LOG.warn(
        "Renewal {}: the contract of tool {} ended on {} without a renewal decision and does not"
            + " renew by itself; the tool is offboarded",
        renewalId,
        renewal(renewalId).toolId(),
        renewal(renewalId).contractEnd());
  }

  /**
   * The tool was offboarded: the case ends RETIRED (LAPSED when nobody decided and the contract
   * ended) and anything it held is released.
   */
  @Transactional
  public void closeRetired(String renewalId, boolean lapsed) {
    budget.release(renewalId);
    renewals.end(renewalId, lapsed ? RenewalStatus.LAPSED : RenewalStatus.RETIRED, null);
  }

  private LocalDate moveContract(String renewalId, BigDecimal annualCost, Integer seats) {
    Facts facts = facts(renewalId);
    ToolContract contract = facts.contract();
    LocalDate renewedTermEnd = facts.renewal().contractEnd();
    if (contract.contractEnd().isAfter(renewedTermEnd)) {
      LOG.debug(
          "Renewal {}: the contract of tool {} already ends {}",
          renewalId,
          facts.tool().id(),
          contract.contractEnd());
      return contract.contractEnd();
    }
    ToolContract next = contract.nextTerm(annualCost, seats);
    inventory.setContract(facts.tool().id(), next);
    LOG.info(
        "Renewal {}: contract of '{}' renewed to {} at {} a year",
        renewalId,
        facts.tool().name(),
        next.contractEnd(),
        next.annualCost());
    return next.contractEnd();
  }

  /**
   * ACTIVE tools whose contract ends within {@code days} from today (or has ended, still
   * unrenewed), each with its renewal under way if any, by notice date.
   */
  public List<Upcoming> upcoming(long days) {
    LocalDate horizon = LocalDate.now(clock).plusDays(days);
    Map<Long, Renewal> running = renewals.running();
    return inventory.contractsEndingBy(horizon).stream()
        .map(tool -> upcoming(tool, running.get(tool.toolId())))
        .sorted(Comparator.comparing(Upcoming::noticeDate).thenComparing(Upcoming::toolId))
        .toList();
  }

  private static Upcoming upcoming(ContractedTool tool, Renewal renewal) {
    ToolContract c = tool.contract();
    return new Upcoming(
        tool.toolId(),
        tool.name(),
        tool.vendor(),
        tool.owner(),
        c.contractStart(),
        c.contractEnd(),
        c.noticePeriodDays(),
        c.noticeDate(),
        c.autoRenews(),
        c.annualCost(),
        tool.currency(),
        c.seatsBought(),
        renewal == null ? null : renewal.id(),
        renewal == null ? null : renewal.status());
  }

  /** How many renewals ended with each outcome. */
  public Map<RenewalStatus, Long> outcomes() {
    return renewals.outcomes();
  }
}
