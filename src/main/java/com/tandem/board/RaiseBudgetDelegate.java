package com.tandem.board;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.budget.RequestBudgets;
import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The board approved: each line is raised by what the request lacks on it, once. */
@Component
public class RaiseBudgetDelegate extends RequestStep {

  private final RequestBudgets budgets;

  public RaiseBudgetDelegate(RequestBudgets budgets) {
    super("raise the budget lines as the board approved");
    this.budgets = budgets;
  }

  @Override
  protected void run(DelegateExecution execution) {
    budgets.raiseForShortfall(REQUEST_ID.get(execution));
  }
}
