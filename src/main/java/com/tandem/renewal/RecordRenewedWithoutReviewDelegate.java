package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The notice date passed without both decisions: the contract renewed by itself. The contract moves
 * one term on at today's cost and the case ends RENEWED_WITHOUT_REVIEW (counted by {@code GET
 * /api/renewals/outcomes}).
 */
@Component
public class RecordRenewedWithoutReviewDelegate extends RequestStep {

  private final RenewalService renewals;

  public RecordRenewedWithoutReviewDelegate(RenewalService renewals) {
    super("record the tool as renewed without review");
    this.renewals = renewals;
  }

  @Override
  protected void run(DelegateExecution execution) {
    renewals.renewWithoutReview(RENEWAL_ID.get(execution));
  }
}
