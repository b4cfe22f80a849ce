package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.BUDGET_SUFFICIENT;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Checks whether the MARKETING and IT lines of the fiscal year can carry the request. */
@Component
public class CheckBudgetDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(CheckBudgetDelegate.class);
  private final BudgetService budget;
  private final RequestRegistry registry;
  private final BudgetSummaries summaries;

  public CheckBudgetDelegate(
      BudgetService budget, RequestRegistry registry, BudgetSummaries summaries) {
    super("check the MARKETING and IT budget lines");
    this.budget = budget;
    this.registry = registry;
    this.summaries = summaries;
  }

  @Override
  protected void run(DelegateExecution execution) {
    var request = registry.get(REQUEST_ID.get(execution));
    var needs = RequestBudget.of(request, budget);
    BudgetCheck check = needs.checkWith(budget);
    BUDGET_SUFFICIENT.set(execution, check.sufficient());
    BUDGET_SUMMARY.set(execution, summaries.describe(check, request.data().currency()));
    LOG.info(
        "Request {}: budget FY{} {}",
        request.id(),
        needs.fiscalYear(),
        check.sufficient() ? "sufficient" : "short by " + check.totalShortfall());
  }
}
