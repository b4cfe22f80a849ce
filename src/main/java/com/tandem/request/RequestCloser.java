package com.tandem.request;

import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.notification.Notifier;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closes a request that ends without becoming ACTIVE: releases every hold it placed, removes any
 * inventory entry still in PROCUREMENT, sets the final status and tells the requester. Idempotent.
 */
@Service
public class RequestCloser {

  private static final Logger LOG = LoggerFactory.getLogger(RequestCloser.class);
  private static final Map<RequestStatus, String> WHY =
      Map.of(
          RequestStatus.REDIRECTED, "you chose to use a tool the company already owns",
          RequestStatus.REJECTED,
              "it was rejected; the decisions and their reasons are in Tasklist and the API",
          RequestStatus.WITHDRAWN, "it was withdrawn");

  private final BudgetService budget;
  private final InventoryService inventory;
  private final RequestRegistry registry;
  private final Notifier notifier;

  public RequestCloser(
      BudgetService budget,
      InventoryService inventory,
      RequestRegistry registry,
      Notifier notifier) {
    this.budget = budget;
    this.inventory = inventory;
    this.registry = registry;
    this.notifier = notifier;
  }

  @Transactional
  public void close(String requestId, RequestStatus finalStatus) {
    if (!finalStatus.isFinal() || finalStatus == RequestStatus.ACTIVE) {
      throw new IllegalArgumentException(
          "A request is closed as REDIRECTED, REJECTED or WITHDRAWN, not " + finalStatus);
    }
    budget.release(requestId);
    inventory.discardProcurement(requestId);
    registry.setStatus(requestId, finalStatus);
    var request = registry.get(requestId);
    notifier.notifyUser(
        requestId,
        "outcome",
        request.requester(),
        "[%s] Your request for %s is %s"
            .formatted(requestId, request.data().toolName(), finalStatus),
        """
        Your martech request %s for %s has ended as %s: %s.

        Tandem"""
            .formatted(requestId, request.data().toolName(), finalStatus, WHY.get(finalStatus)));
    LOG.info("Request {} closed as {}", requestId, finalStatus);
  }
}
