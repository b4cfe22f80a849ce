package com.tandem.budget;

import com.tandem.request.PurchaseRequest;

/**
 * What a request asks of the budget: licence on MARKETING, implementation on IT, in one fiscal
 * year.
 */
public record RequestBudget(
    String requestId, int fiscalYear, java.math.BigDecimal marketing, java.math.BigDecimal it) {

  public static RequestBudget of(PurchaseRequest request, BudgetService budget) {
    return new RequestBudget(
        request.id(),
        budget.fiscalYearOf(request.data().neededBy()),
        request.data().annualLicenseCost(),
        request.data().implementationCost());
  }

  public BudgetCheck checkWith(BudgetService budget) {
    return budget.check(requestId, fiscalYear, marketing, it);
  }
}
