package com.tandem.process;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.request.RequestOutcomes;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
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
  private final RequestOutcomes outcomes;

  public RequestEndedListener(RequestRegistry registry, RequestOutcomes outcomes) {
    this.registry = registry;
    this.outcomes = outcomes;
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
              outcomes.close(request.id(), RequestStatus.WITHDRAWN);
            });
  }
}
