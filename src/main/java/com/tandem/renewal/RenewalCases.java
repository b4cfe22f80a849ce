package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.RENEWAL_COMMENT;

import com.tandem.board.BudgetCase;
import com.tandem.board.BudgetCases;
import com.tandem.budget.BudgetService;
import com.tandem.budget.RequestBudget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.stereotype.Component;

/**
 * The renewals whose next term does not fit the budget line (PRODUCT.md §7: a shortfall takes the
 * proposal and board path of §2.6–7), as cases for the board: the tool, its current contract, seats
 * bought against users seen, what the next term costs as negotiated, and what both leaderships
 * decided. The next term asks its cost of the MARKETING line of the fiscal year it starts in, and
 * nothing of IT: the tool runs already.
 *
 * <p>The decisions come from the renewal's record ({@code tandem_renewal}); marketing's comment,
 * which the record does not keep, from the renewal's history, so the packet is there while the
 * renewal runs and after.
 */
@Component
class RenewalCases implements BudgetCases {

  private static final String RENEWAL_PREFIX = RenewalProcess.CASE_PREFIX + "-";

  private final RenewalService renewals;
  private final BudgetService budget;
  private final HistoryService history;

  RenewalCases(RenewalService renewals, BudgetService budget, HistoryService history) {
    this.renewals = renewals;
    this.budget = budget;
    this.history = history;
  }

  @Override
  public Optional<BudgetCase> find(String caseId) {
    if (!caseId.startsWith(RENEWAL_PREFIX)) {
      return Optional.empty();
    }
    RenewalService.Facts facts;
    try {
      facts = renewals.facts(caseId);
    } catch (NoSuchElementException unknown) {
      return Optional.empty();
    }
    Renewal renewal = facts.renewal();
    BigDecimal current = facts.contract().annualCost();
    BigDecimal asked = renewal.askedAnnualCost() == null ? current : renewal.askedAnnualCost();
    BigDecimal nextTerm =
        (renewal.negotiatedAnnualCost() == null ? asked : renewal.negotiatedAnnualCost())
            .setScale(2, RoundingMode.HALF_UP);
    int fiscalYear = budget.fiscalYearOf(renewal.contractEnd());
    var renewing =
        new BudgetCase.Renewing(
            facts.tool().name(),
            facts.tool().vendor(),
            facts.tool().owner(),
            renewal.contractEnd(),
            current,
            facts.contract().seatsBought(),
            facts.usageSummary(),
            renewal.newSeats(),
            asked,
            nextTerm,
            renewal.negotiationNote(),
            fiscalYear,
            renewal.marketingDecision(),
            renewal.marketingDecidedBy(),
            marketingComment(caseId),
            renewal.itDecision(),
            renewal.itDecidedBy(),
            renewal.itComment());
    return Optional.of(
        BudgetCase.of(
            renewing,
            new RequestBudget(caseId, fiscalYear, nextTerm, BigDecimal.ZERO),
            facts.currency()));
  }

  /** Marketing leadership's renewal comment, as its review left it, or null. */
  private String marketingComment(String renewalId) {
    var instances =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(RenewalProcess.PROCESS_KEY)
            .processInstanceBusinessKey(renewalId)
            .listPage(0, 1);
    if (instances.isEmpty()) {
      return null;
    }
    String instanceId = instances.get(0).getId();
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId)
        .variableName(RENEWAL_COMMENT.name())
        .list()
        .stream()
        .filter(v -> v.getValue() != null)
        .map(v -> v.getValue().toString())
        .findFirst()
        .orElse(null);
  }
}
