package com.tandem.inventory;

import static com.tandem.process.PurchaseProcess.OVERLAPS_FOUND;
import static com.tandem.process.PurchaseProcess.OVERLAP_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Looks for owned ACTIVE tools that already cover what the request asks for, and for other open
 * requests asking for the same. Only tools we own send the requester to consider them: another
 * request is not something they could use today, so it is shown (to the requester and to every
 * reviewer) without stopping the request.
 */
@Component
public class CheckInventoryDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(CheckInventoryDelegate.class);
  private final OverlapCheck check;
  private final RequestRegistry registry;

  public CheckInventoryDelegate(OverlapCheck check, RequestRegistry registry) {
    super("check the inventory for tools that overlap with it");
    this.check = check;
    this.registry = registry;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String requestId = REQUEST_ID.get(execution);
    OverlapCheck.Result result = check.check(registry.get(requestId));
    registry.replaceOverlaps(requestId, result.overlaps());
    OVERLAPS_FOUND.set(execution, result.ownedToolsFound());
    OVERLAP_SUMMARY.set(execution, result.summary());
    LOG.info(
        "Request {}: {} overlap(s), tools we own among them: {}",
        requestId,
        result.overlaps().size(),
        result.ownedToolsFound());
  }
}
