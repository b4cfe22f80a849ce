package com.tandem.shadowit;

import static com.tandem.process.ShadowItProcess.FINDING_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps a finding's status current while its review waits, e.g. OFFBOARDING while the offboarding
 * runs. Used from BPMN as an execution listener expression: {@code
 * ${findingStatus.update(execution, 'OFFBOARDING')}}.
 */
@Component("findingStatus")
public class FindingStatusUpdater {

  private final Findings findings;

  public FindingStatusUpdater(Findings findings) {
    this.findings = findings;
  }

  public void update(DelegateExecution execution, String status) {
    findings.setStatus(FINDING_ID.get(execution), FindingStatus.valueOf(status), null);
  }
}
