package com.tandem.process;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the request's status current as the process moves. Used from BPMN as an execution listener
 * expression: {@code ${requestStatus.update(execution, 'IN_REVIEW')}}.
 */
@Component("requestStatus")
public class RequestStatusUpdater {

  private static final Logger LOG = LoggerFactory.getLogger(RequestStatusUpdater.class);
  private final RequestRegistry registry;

  public RequestStatusUpdater(RequestRegistry registry) {
    this.registry = registry;
  }

  public void update(DelegateExecution execution, String status) {
    String requestId = REQUEST_ID.get(execution);
    registry.setStatus(requestId, RequestStatus.valueOf(status));
    LOG.info("Request {} is now {}", requestId, status);
  }
}
