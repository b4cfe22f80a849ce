package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The board approved the renewal's shortfall: the marketing line is raised by exactly it. */
@Component
public class RaiseRenewalBudgetDelegate extends RequestStep {

  private final RenewalService renewals;

  public RaiseRenewalBudgetDelegate(RenewalService renewals) {
    super("raise the budget line by the renewal's shortfall");
    this.renewals = renewals;
  }

  @Override
  protected void run(DelegateExecution execution) {
    renewals.raiseForNextTerm(RENEWAL_ID.get(execution), NEGOTIATED_ANNUAL_COST.get(execution));
  }
}
