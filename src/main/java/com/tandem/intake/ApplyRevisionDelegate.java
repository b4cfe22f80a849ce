package com.tandem.intake;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.request.RequestRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies a resubmission: the changed fields are validated like a new intake and written to the
 * registry. Runs in the transaction that completes the revise task, so bad input refuses the
 * completion with the reason and the requester's task stays open.
 */
@Component
public class ApplyRevisionDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ApplyRevisionDelegate.class);
  private final IntakeValidator validator;
  private final RequestRegistry registry;
  private final RequestVariables variables;

  public ApplyRevisionDelegate(
      IntakeValidator validator, RequestRegistry registry, RequestVariables variables) {
    this.validator = validator;
    this.registry = registry;
    this.variables = variables;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String requestId = REQUEST_ID.get(execution);
    var data = validator.validate(variable -> variable.raw(execution));
    registry.revise(requestId, data);
    variables.writeRequest(execution, data);
    LOG.info("Request {} resubmitted with changes", requestId);
  }
}
