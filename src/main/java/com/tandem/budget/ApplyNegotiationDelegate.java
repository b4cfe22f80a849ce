package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATED_IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The contract is negotiated: the holds shrink to the negotiated amounts, the savings recorded. */
@Component
public class ApplyNegotiationDelegate extends RequestStep {

  private final RequestBudgets budgets;

  public ApplyNegotiationDelegate(RequestBudgets budgets) {
    super("shrink the holds to the negotiated amounts and record the savings");
    this.budgets = budgets;
  }

  @Override
  protected void run(DelegateExecution execution) {
    budgets.applyNegotiation(
        REQUEST_ID.get(execution),
        NEGOTIATED_ANNUAL_COST.get(execution),
        NEGOTIATED_IMPLEMENTATION_COST.get(execution));
  }
}
