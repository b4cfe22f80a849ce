package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.BUDGET_SUMMARY;
import static com.tandem.renewal.RenewalProcess.CURRENCY;
import static com.tandem.renewal.RenewalProcess.HOLDS_PLACED;
import static com.tandem.renewal.RenewalProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import com.tandem.budget.BudgetCheck;
import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Holds the negotiated cost of the next term on the MARKETING line of the fiscal year the term
 * starts in; when the line lacks the money, nothing is held and the board decides.
 */
@Component
public class HoldRenewalBudgetDelegate extends RequestStep {

  private final RenewalService renewals;

  public HoldRenewalBudgetDelegate(RenewalService renewals) {
    super("hold the next term's cost on the budget");
    this.renewals = renewals;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String id = RENEWAL_ID.get(execution);
    String currency = CURRENCY.get(execution);
    BudgetCheck check = renewals.holdNextTerm(id, NEGOTIATED_ANNUAL_COST.get(execution));
    HOLDS_PLACED.set(execution, check.sufficient());
    BUDGET_SUMMARY.set(
        execution,
        check.sufficient()
            ? "%s held on the marketing line of fiscal year %d."
                .formatted(
                    RenewalService.money(check.marketingRequired(), currency), check.fiscalYear())
            : ("The next term costs %s; the marketing line of fiscal year %d has %s available:"
                    + " short by %s.")
                .formatted(
                    RenewalService.money(check.marketingRequired(), currency),
                    check.fiscalYear(),
                    RenewalService.money(check.marketingAvailable(), currency),
                    RenewalService.money(check.marketingShortfall(), currency)));
  }
}
