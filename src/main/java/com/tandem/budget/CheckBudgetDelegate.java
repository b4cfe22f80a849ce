package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.BUDGET_SUFFICIENT;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Checks whether the MARKETING and IT lines of the fiscal year can carry the request. */
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
    BUDGET_SUMMARY.set(execution, outcome.summary());
  }
}
