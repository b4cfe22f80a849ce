package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.SEATS;
import static com.tandem.renewal.RenewalProcess.SEATS_BOUGHT;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The contract moves one term on at the negotiated cost; the holds become commitments. */
@Component
public class RenewContractDelegate extends RequestStep {

  private final RenewalService renewals;

  public RenewContractDelegate(RenewalService renewals) {
    super("renew the contract and commit its cost");
    this.renewals = renewals;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Long seats = SEATS.find(execution).or(() -> SEATS_BOUGHT.find(execution)).orElse(null);
    renewals.renew(
        RENEWAL_ID.get(execution),
        NEGOTIATED_ANNUAL_COST.get(execution),
        seats == null ? null : seats.intValue());
  }
}
