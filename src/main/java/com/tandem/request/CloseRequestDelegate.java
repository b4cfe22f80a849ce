package com.tandem.request;

import static com.tandem.request.PurchaseVariables.FINAL_STATUS;
import static com.tandem.request.PurchaseVariables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Ends a request that does not become ACTIVE (REDIRECTED, REJECTED, WITHDRAWN): nothing is left
 * behind and the requester is told. The final status comes from the {@code finalStatus} input.
 */
@Component
public class CloseRequestDelegate implements JavaDelegate {

  private final RequestCloser closer;

  public CloseRequestDelegate(RequestCloser closer) {
    this.closer = closer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    closer.close(REQUEST_ID.get(execution), RequestStatus.valueOf(FINAL_STATUS.get(execution)));
  }
}
