package com.tandem.request;

import static com.tandem.request.PurchaseVariables.REQUEST_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Safety net on the end of every {@code martech-purchase} instance: if it ends while the request is
 * not final (an operator cancelled it in Cockpit), the request is closed as WITHDRAWN so that no
 * hold or PROCUREMENT entry is left behind.
 */
@Component
public class RequestEndedListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(RequestEndedListener.class);
  private final RequestRegistry registry;
  private final RequestCloser closer;

  public RequestEndedListener(RequestRegistry registry, RequestCloser closer) {
    this.registry = registry;
    this.closer = closer;
  }

  @Override
  public void notify(DelegateExecution execution) {
    REQUEST_ID
        .find(execution)
        .flatMap(registry::find)
        .filter(request -> !request.status().isFinal())
        .ifPresent(
            request -> {
              LOG.warn(
                  "Request {} ended while {}; closing it as WITHDRAWN",
                  request.id(),
                  request.status());
              closer.close(request.id(), RequestStatus.WITHDRAWN);
            });
  }
}
