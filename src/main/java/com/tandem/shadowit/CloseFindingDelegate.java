package com.tandem.shadowit;

import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.FINDING_STATUS;
import static com.tandem.process.ShadowItProcess.OWNER_COMMENT;
import static com.tandem.process.ShadowItProcess.SHADOW_COMMENT;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Gives the finding its final status (the {@code findingStatus} input): DISMISSED with the CMO's
 * office's reason, ADOPTED, REPLACED or RETIRED with IT leadership's comment.
 */
@Component
public class CloseFindingDelegate extends RequestStep {

  private final Findings findings;

  public CloseFindingDelegate(Findings findings) {
    super("give the finding its final status");
    this.findings = findings;
  }

  @Override
  protected void run(DelegateExecution execution) {
    FindingStatus status = FindingStatus.valueOf(FINDING_STATUS.get(execution));
    String reason =
        status == FindingStatus.DISMISSED
            ? OWNER_COMMENT.get(execution)
            : SHADOW_COMMENT.find(execution).filter(c -> !c.isBlank()).orElse(null);
    findings.setStatus(FINDING_ID.get(execution), status, reason);
  }
}
