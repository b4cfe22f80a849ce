package com.tandem.shadowit;

import static com.tandem.process.ShadowItProcess.FINDING_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Safety net on the end of every {@code shadow-it-review}: a review an operator cancelled (Cockpit,
 * the engine's REST API) leaves no finding "in review" with nobody reviewing it. The finding is
 * recorded DISMISSED with the reason, so the list of findings says what happened; an offboarding it
 * had called is cancelled with it and recorded so by the offboarding itself.
 */
@Component
public class ShadowReviewEndedListener implements ExecutionListener {

  private static final Logger LOG = LoggerFactory.getLogger(ShadowReviewEndedListener.class);

  private final Findings findings;

  public ShadowReviewEndedListener(Findings findings) {
    this.findings = findings;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (!execution.isCanceled()) {
      return; // ended on a path of its own: the path set the finding's status
    }
    FINDING_ID
        .find(execution)
        .ifPresent(
            findingId -> {
              String reason =
                  "The review was cancelled by an operator"
                      + (execution.getCurrentActivityName() == null
                          ? ""
                          : " at \"" + execution.getCurrentActivityName() + "\"")
                      + "; start a purchase request for the tool if it is still wanted.";
              LOG.warn("Finding {}: review cancelled; recorded DISMISSED", findingId);
              findings.setStatus(findingId, FindingStatus.DISMISSED, reason);
            });
  }
}
