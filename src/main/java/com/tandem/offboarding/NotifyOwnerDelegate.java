package com.tandem.offboarding;

import static com.tandem.process.OffboardingProcess.OFFBOARDING_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Tells the tool's owner contact that it is retired and how its data left. */
@Component
public class NotifyOwnerDelegate extends RequestStep {

  private final OffboardingSteps steps;

  public NotifyOwnerDelegate(OffboardingSteps steps) {
    super("mail the tool's owner");
    this.steps = steps;
  }

  @Override
  protected void run(DelegateExecution execution) {
    steps.notifyOwner(OFFBOARDING_ID.get(execution));
  }
}
