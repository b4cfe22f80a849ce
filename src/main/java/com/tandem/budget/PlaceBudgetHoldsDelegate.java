package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.BUDGET_SUFFICIENT;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.HOLDS_PLACED;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Places the request's holds on both lines, or none if money ran short since the check; then the
 * request goes to the joint budget proposal. The budget situation in words ({@code budgetSummary})
 * is written for the proposal's forms when money ran short, and kept current for a request that
 * came through the proposal.
 */
@Component
public class PlaceBudgetHoldsDelegate extends RequestStep {

  private final RequestBudgets budgets;

  public PlaceBudgetHoldsDelegate(RequestBudgets budgets) {
    super("place the budget holds");
    this.budgets = budgets;
  }

  @Override
  protected void run(DelegateExecution execution) {
    RequestBudgets.Outcome outcome = budgets.placeHolds(REQUEST_ID.get(execution));
    HOLDS_PLACED.set(execution, outcome.sufficient());
    BUDGET_SUFFICIENT.set(execution, outcome.sufficient());
    if (!outcome.sufficient() || BUDGET_SUMMARY.find(execution).isPresent()) {
      BUDGET_SUMMARY.set(execution, outcome.summary());
    }
  }
}
