package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The board approved the renewal's shortfall at the renewal's own board task: the marketing line is
 * raised by exactly it.
 *
 * <p>Kept for instances of the previous version of tool-renewal only ({@code
 * Task_RaiseRenewalBudget} after {@code Task_RenewalBoardDecision}): renewals started since take
 * the joint proposal and {@code board.RaiseBudgetDelegate}, which raises each line by what the
 * proposal asked. Remove it once no instance of that version is left (Cockpit: tool-renewal, its
 * older versions).
 */
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
