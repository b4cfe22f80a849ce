package com.tandem.process;

import static com.tandem.process.PurchaseProcess.FINAL_STATUS;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.request.RequestOutcomes;
import com.tandem.request.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Ends a request that does not become ACTIVE (REDIRECTED, REJECTED, WITHDRAWN): nothing is left
 * behind and the requester is told. The final status comes from the {@code finalStatus} input.
 */
@Component
public class CloseRequestDelegate extends RequestStep {

  private final RequestOutcomes outcomes;

  public CloseRequestDelegate(RequestOutcomes outcomes) {
    super(
        "close the request (release its holds, remove its PROCUREMENT entry, tell the requester)");
    this.outcomes = outcomes;
  }

  @Override
  protected void run(DelegateExecution execution) {
    outcomes.close(REQUEST_ID.get(execution), RequestStatus.valueOf(FINAL_STATUS.get(execution)));
  }
}
