package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.BUDGET_SUFFICIENT;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.HOLDS_PLACED;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Places the request's holds on both lines, or none if money ran short since the check (another
 * request may have taken it); then the request goes to the joint budget proposal.
 */
@Component
public class PlaceBudgetHoldsDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(PlaceBudgetHoldsDelegate.class);
  private final BudgetService budget;
  private final RequestRegistry registry;
  private final BudgetSummaries summaries;

  public PlaceBudgetHoldsDelegate(
      BudgetService budget, RequestRegistry registry, BudgetSummaries summaries) {
    super("place the budget holds");
    this.budget = budget;
    this.registry = registry;
    this.summaries = summaries;
  }

  @Override
  protected void run(DelegateExecution execution) {
    var request = registry.get(REQUEST_ID.get(execution));
    var needs = RequestBudget.of(request, budget);
    BudgetCheck result =
        budget.placeHolds(request.id(), needs.fiscalYear(), needs.marketing(), needs.it());
    HOLDS_PLACED.set(execution, result.sufficient());
    BUDGET_SUFFICIENT.set(execution, result.sufficient());
    BUDGET_SUMMARY.set(execution, summaries.describe(result, request.data().currency()));
    LOG.info(
        "Request {}: holds {}",
        request.id(),
        result.sufficient() ? "placed" : "not placed, money is short");
  }
}
