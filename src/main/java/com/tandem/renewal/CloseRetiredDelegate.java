package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.CONTRACT_LAPSED;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The tool was offboarded instead of renewed: the renewal ends RETIRED, or LAPSED when nobody
 * decided and the contract ended.
 */
@Component
public class CloseRetiredDelegate extends RequestStep {

  private final RenewalService renewals;

  public CloseRetiredDelegate(RenewalService renewals) {
    super("close the renewal as retired");
    this.renewals = renewals;
  }

  @Override
  protected void run(DelegateExecution execution) {
    renewals.closeRetired(RENEWAL_ID.get(execution), CONTRACT_LAPSED.find(execution).orElse(false));
  }
}
