package com.tandem.board;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.budget.BudgetCheck;
import com.tandem.budget.BudgetService;
import com.tandem.budget.RequestBudget;
import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The board approved: each line is raised by what the request lacks on it, once. */
@Component
public class RaiseBudgetDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(RaiseBudgetDelegate.class);
  private final BudgetService budget;
  private final RequestRegistry registry;

  public RaiseBudgetDelegate(BudgetService budget, RequestRegistry registry) {
    super("raise the budget lines as the board approved");
    this.budget = budget;
    this.registry = registry;
  }

  @Override
  protected void run(DelegateExecution execution) {
    var request = registry.get(REQUEST_ID.get(execution));
    var needs = RequestBudget.of(request, budget);
    BudgetCheck check = needs.checkWith(budget);
    budget.raiseForShortfall(request.id(), needs.fiscalYear(), needs.marketing(), needs.it());
    LOG.info(
        "Request {}: board approved; lines of FY{} raised by MARKETING {} and IT {}",
        request.id(),
        needs.fiscalYear(),
        check.marketingShortfall(),
        check.itShortfall());
  }
}
