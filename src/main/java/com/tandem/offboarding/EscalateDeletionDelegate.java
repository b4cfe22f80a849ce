package com.tandem.offboarding;

import static com.tandem.process.OffboardingProcess.OFFBOARDING_ID;
import static com.tandem.process.OffboardingProcess.TOOL_NAME;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The deletion confirmation is overdue (a non-interrupting timer on the task): remind its group and
 * escalate; the task stays open.
 */
@Component
public class EscalateDeletionDelegate extends RequestStep {

  private final OffboardingSteps steps;

  public EscalateDeletionDelegate(OffboardingSteps steps) {
    super("remind the group and escalate the overdue deletion confirmation");
    this.steps = steps;
  }

  @Override
  protected void run(DelegateExecution execution) {
    steps.escalateDeletion(
        OFFBOARDING_ID.get(execution), TOOL_NAME.get(execution), execution.getProcessInstanceId());
  }
}
