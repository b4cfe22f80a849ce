package com.tandem.onboarding;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import com.tandem.request.RequestOutcomes;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Onboarding is done: the request becomes ACTIVE, and with it (through the request's outcome event)
 * the tool in the inventory; the holds become commitments and the requester is told.
 */
@Component
public class ActivateToolDelegate extends RequestStep {

  private final RequestOutcomes outcomes;

  public ActivateToolDelegate(RequestOutcomes outcomes) {
    super("activate the tool and turn the holds into commitments");
    this.outcomes = outcomes;
  }

  @Override
  protected void run(DelegateExecution execution) {
    outcomes.activate(REQUEST_ID.get(execution));
  }
}
