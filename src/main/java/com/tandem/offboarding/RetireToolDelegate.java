package com.tandem.offboarding;

import static com.tandem.process.OffboardingProcess.OFFBOARDING_ID;
import static com.tandem.process.OffboardingProcess.TOOL_RETIRED;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Data out, access revoked, deletion confirmed: the tool is retired, its later budget released. */
@Component
public class RetireToolDelegate extends RequestStep {

  private final OffboardingSteps steps;

  public RetireToolDelegate(OffboardingSteps steps) {
    super("retire the tool and release its budget for later years");
    this.steps = steps;
  }

  @Override
  protected void run(DelegateExecution execution) {
    steps.retire(OFFBOARDING_ID.get(execution));
    TOOL_RETIRED.set(execution, true);
  }
}
