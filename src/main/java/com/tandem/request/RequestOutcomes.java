package com.tandem.request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a request: sets its final status and announces it as a {@link RequestClosed} or {@link
 * RequestActivated} event. The features that placed something for the request (budget holds, an
 * inventory entry) or tell people about it listen to those events; they run synchronously, in the
 * caller's transaction (inside the engine, the job's), so a retried step repeats all of it or none.
 * Every listener is idempotent, as is this class: closing a closed request changes nothing.
 */
@Service
public class RequestOutcomes {

  private static final Logger LOG = LoggerFactory.getLogger(RequestOutcomes.class);

  private final RequestRegistry registry;
  private final ApplicationEventPublisher events;

  public RequestOutcomes(RequestRegistry registry, ApplicationEventPublisher events) {
    this.registry = registry;
    this.events = events;
  }

  /** Closes a request that ends without becoming ACTIVE: REDIRECTED, REJECTED or WITHDRAWN. */
  @Transactional
  public void close(String requestId, RequestStatus finalStatus) {
    if (!finalStatus.isFinal() || finalStatus == RequestStatus.ACTIVE) {
      throw new IllegalArgumentException(
          "A request is closed as REDIRECTED, REJECTED or WITHDRAWN, not " + finalStatus);
    }
    registry.setStatus(requestId, finalStatus);
    events.publishEvent(new RequestClosed(registry.get(requestId)));
    LOG.info("Request {} closed as {}", requestId, finalStatus);
  }

  /** The request's tool is onboarded: the request is ACTIVE. */
  @Transactional
  public void activate(String requestId) {
    registry.setStatus(requestId, RequestStatus.ACTIVE);
    events.publishEvent(new RequestActivated(registry.get(requestId)));
    LOG.info("Request {} is ACTIVE", requestId);
  }
}
