package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.CONTRACT_END;
import static com.tandem.renewal.RenewalProcess.CONTRACT_LAPSED;
import static com.tandem.renewal.RenewalProcess.LAPSE_REQUESTED_BY;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REASON;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REQUESTED_BY;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A contract that does not renew by itself ended without both decisions: nothing renews it, so the
 * tool is offboarded (tool-offboarding gets its data out and its access revoked) and the renewal
 * ends LAPSED.
 */
@Component
public class RecordLapsedDelegate extends RequestStep {

  private final RenewalService renewals;

  public RecordLapsedDelegate(RenewalService renewals) {
    super("record the contract as lapsed and offboard the tool");
    this.renewals = renewals;
  }

  @Override
  protected void run(DelegateExecution execution) {
    renewals.recordLapsed(RENEWAL_ID.get(execution));
    CONTRACT_LAPSED.set(execution, true);
    OFFBOARDING_REASON.set(
        execution,
        "The contract ended on "
            + CONTRACT_END.get(execution)
            + " without a renewal decision and does not renew by itself.");
    OFFBOARDING_REQUESTED_BY.set(execution, LAPSE_REQUESTED_BY);
  }
}
