package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.PROCESS_KEY;

import com.tandem.process.ProcessVariable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts the retroactive review of a new finding: one {@code shadow-it-review} instance per
 * finding, business key = the finding id. Called in the transaction that created the finding
 * (discovery's {@code FindingDiscovered} event), so an import that rolls back starts nothing.
 */
@Service
public class ShadowItReviews {

  private static final Logger LOG = LoggerFactory.getLogger(ShadowItReviews.class);

  private final RuntimeService runtimeService;
  private final HistoryService historyService;
  private final IdentityService identityService;

  public ShadowItReviews(
      RuntimeService runtimeService,
      HistoryService historyService,
      IdentityService identityService) {
    this.runtimeService = runtimeService;
    this.historyService = historyService;
    this.identityService = identityService;
  }

  /**
   * Starts the review of the finding, once: a finding whose review exists (running or ended) starts
   * nothing again.
   *
   * @return the id of the review's process instance
   */
  public String startReview(String findingId, String vendor) {
    // The review is Tandem's, not the uploader's: their authorizations (it-operations may neither
    // see nor start these processes) are neither the look-up's nor the start's.
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      var existing =
          historyService
              .createHistoricProcessInstanceQuery()
              .processDefinitionKey(PROCESS_KEY)
              .processInstanceBusinessKey(findingId)
              .listPage(0, 1);
      if (!existing.isEmpty()) {
        LOG.debug("Finding {} is already under review", findingId);
        return existing.get(0).getId();
      }
      ProcessInstance instance =
          runtimeService.startProcessInstanceByKey(
              PROCESS_KEY,
              findingId,
              ProcessVariable.variables()
                  .put(FINDING_ID, findingId)
                  .put(VENDOR, vendor)
                  .put(TOOL_NAME, vendor)
                  .build());
      LOG.info("Finding {} ({}): shadow-IT review started", findingId, vendor);
      return instance.getId();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }
}
