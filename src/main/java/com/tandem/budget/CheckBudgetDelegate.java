package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.BOARD_REQUIRED;
import static com.tandem.process.PurchaseProcess.BUDGET_SUFFICIENT;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Checks whether the MARKETING and IT lines of the fiscal year can carry the request. The budget
 * situation in words ({@code budgetSummary}) is written for the request that goes to the joint
 * budget proposal (short of money, or for the board), whose forms show it; a request that goes
 * straight on to its holds needs none.
 */
@Component
public class CheckBudgetDelegate extends RequestStep {

  private final RequestBudgets budgets;

  public CheckBudgetDelegate(RequestBudgets budgets) {
    super("check the MARKETING and IT budget lines");
    this.budgets = budgets;
  }

  @Override
  protected void run(DelegateExecution execution) {
    RequestBudgets.Outcome outcome = budgets.check(REQUEST_ID.get(execution));
    BUDGET_SUFFICIENT.set(execution, outcome.sufficient());
    if (!outcome.sufficient() || BOARD_REQUIRED.find(execution).orElse(false)) {
      BUDGET_SUMMARY.set(execution, outcome.summary());
    }
  }
}
