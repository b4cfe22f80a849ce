package com.tandem.offboarding;

import static com.tandem.process.OffboardingProcess.OFFBOARDING_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The end of an offboarding instance, however it ends: one an operator cancelled in Cockpit is
 * recorded CANCELLED, so that the tool can be offboarded again; a retired one is already done.
 */
@Component
public class OffboardingEndedListener implements ExecutionListener {

  private final OffboardingSteps steps;

  public OffboardingEndedListener(OffboardingSteps steps) {
    this.steps = steps;
  }

  @Override
  public void notify(DelegateExecution execution) {
    OFFBOARDING_ID.find(execution).ifPresent(steps::cancelled);
  }
}
