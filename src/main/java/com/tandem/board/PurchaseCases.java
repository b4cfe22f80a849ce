package com.tandem.board;

import com.tandem.budget.BudgetService;
import com.tandem.budget.RequestBudget;
import com.tandem.request.RequestNumbers;
import com.tandem.request.RequestRegistry;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The purchase requests of the registry, as cases for the board. */
@Component
class PurchaseCases implements BudgetCases {

  private final RequestRegistry registry;
  private final BudgetService budget;

  PurchaseCases(RequestRegistry registry, BudgetService budget) {
    this.registry = registry;
    this.budget = budget;
  }

  @Override
  public Optional<BudgetCase> find(String caseId) {
    if (!caseId.startsWith(RequestNumbers.PURCHASE_REQUEST + "-")) {
      return Optional.empty(); // a finding's or a renewal's: no query for it here
    }
    return registry.find(caseId).map(r -> BudgetCase.of(r, RequestBudget.of(r, budget)));
  }
}
