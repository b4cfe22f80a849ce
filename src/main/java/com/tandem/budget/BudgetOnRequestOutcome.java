package com.tandem.budget;

import com.tandem.request.RequestActivated;
import com.tandem.request.RequestClosed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A request's holds follow its outcome: committed when it is ACTIVE, released when it closes. */
@Component
class BudgetOnRequestOutcome {

  private final BudgetService budget;

  BudgetOnRequestOutcome(BudgetService budget) {
    this.budget = budget;
  }

  @EventListener
  void onActivated(RequestActivated activated) {
    budget.commit(activated.request().id());
  }

  @EventListener
  void onClosed(RequestClosed closed) {
    budget.release(closed.request().id());
  }
}
