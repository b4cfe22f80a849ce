package com.tandem.request;

import static com.tandem.request.PurchaseVariables.FINAL_STATUS;
import static com.tandem.request.PurchaseVariables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Ends a request that does not become ACTIVE (REDIRECTED, REJECTED, WITHDRAWN): nothing is left
 * behind and the requester is told. The final status comes from the {@code finalStatus} input.
 */
@Component
public class CloseRequestDelegate extends RequestStep {

  private final RequestCloser closer;

  public CloseRequestDelegate(RequestCloser closer) {
    super(
        "close the request (release its holds, remove its PROCUREMENT entry, tell the requester)");
    this.closer = closer;
  }

  @Override
  protected void run(DelegateExecution execution) {
    closer.close(REQUEST_ID.get(execution), RequestStatus.valueOf(FINAL_STATUS.get(execution)));
  }
}
