package com.tandem.board;

import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;

import com.tandem.budget.BudgetService;
import com.tandem.budget.RequestBudget;
import com.tandem.process.CaseIds;
import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The board approved: each line is raised by exactly the amount the joint proposal asked for it,
 * once, in the fiscal year the case falls in (a request's needed-by date, a tool in use's
 * adoption).
 */
@Component
public class RaiseBudgetDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(RaiseBudgetDelegate.class);

  private final Cases cases;
  private final BudgetService budget;

  public RaiseBudgetDelegate(Cases cases, BudgetService budget) {
    super("raise the budget lines as the board approved");
    this.cases = cases;
    this.budget = budget;
  }

  @Override
  protected void run(DelegateExecution execution) {
    RequestBudget needs = cases.get(CaseIds.get(execution)).needs();
    var marketingRaise = PROPOSAL_MARKETING_AMOUNT.get(execution);
    var itRaise = PROPOSAL_IT_AMOUNT.get(execution);
    budget.raiseBy(needs.requestId(), needs.fiscalYear(), marketingRaise, itRaise);
    LOG.info(
        "Case {}: board approved; lines of FY{} raised as proposed: MARKETING {} and IT {}",
        needs.requestId(),
        needs.fiscalYear(),
        marketingRaise,
        itRaise);
  }
}
