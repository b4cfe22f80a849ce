package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.ANNUAL_LICENSE_COST;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATED_IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.REQUESTED_COSTS_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The negotiation task is created: the requested amounts, held on the budget, are written in words
 * for the form, and the negotiated amounts start at them (equal when nothing is won).
 */
@Component
public class NegotiationListener implements TaskListener {

  private final RequestBudgets budgets;

  public NegotiationListener(RequestBudgets budgets) {
    this.budgets = budgets;
  }

  @Override
  public void notify(DelegateTask task) {
    String currency = CURRENCY.get(task);
    BigDecimal annual = ANNUAL_LICENSE_COST.get(task);
    BigDecimal implementation = IMPLEMENTATION_COST.get(task);
    int fiscalYear = budgets.fiscalYear(REQUEST_ID.get(task));
    REQUESTED_COSTS_SUMMARY.set(
        task,
        ("Annual licence cost requested: %s, held on the marketing line of FY%d.%n"
                + "Implementation cost requested: %s, held on the IT line of FY%d.%n"
                + "Enter what the vendor agreed to, at most these amounts; the holds shrink to it"
                + " and the difference is recorded as savings.")
            .formatted(
                BudgetSummaries.money(annual, currency),
                fiscalYear,
                BudgetSummaries.money(implementation, currency),
                fiscalYear));
    if (NEGOTIATED_ANNUAL_COST.find(task).isEmpty()) {
      NEGOTIATED_ANNUAL_COST.set(task, annual);
    }
    if (NEGOTIATED_IMPLEMENTATION_COST.find(task).isEmpty()) {
      NEGOTIATED_IMPLEMENTATION_COST.set(task, implementation);
    }
  }
}
