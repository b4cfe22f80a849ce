package com.tandem.board;

import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.budget.RequestBudgets;
import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The board approved: each line is raised by exactly the amount the joint proposal asked for it,
 * once.
 */
@Component
public class RaiseBudgetDelegate extends RequestStep {

  private final RequestBudgets budgets;

  public RaiseBudgetDelegate(RequestBudgets budgets) {
    super("raise the budget lines as the board approved");
    this.budgets = budgets;
  }

  @Override
  protected void run(DelegateExecution execution) {
    budgets.raiseAsProposed(
        REQUEST_ID.get(execution),
        PROPOSAL_MARKETING_AMOUNT.get(execution),
        PROPOSAL_IT_AMOUNT.get(execution));
  }
}
