package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The stage a renewal is in, from the model: {@code ${renewalStatus.update(execution,
 * 'NEGOTIATION')}}.
 */
@Component("renewalStatus")
public class RenewalStatusUpdater {

  private final RenewalService renewals;

  public RenewalStatusUpdater(RenewalService renewals) {
    this.renewals = renewals;
  }

  public void update(DelegateExecution execution, String status) {
    renewals.setStatus(RENEWAL_ID.get(execution), RenewalStatus.valueOf(status));
  }
}
