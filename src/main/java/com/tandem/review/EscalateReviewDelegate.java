package com.tandem.review;

import static com.tandem.process.JointReviewProcess.REVIEW_TASK;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;

import com.tandem.process.CaseIds;
import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A review passed its SLA (a non-interrupting timer on the review task, whose id is the {@code
 * reviewTask} input): remind and escalate, the task stays open.
 */
@Component
public class EscalateReviewDelegate extends RequestStep {

  private final ReviewEscalations escalations;

  public EscalateReviewDelegate(ReviewEscalations escalations) {
    super("remind the reviewers and escalate the late review");
    this.escalations = escalations;
  }

  @Override
  protected void run(DelegateExecution execution) {
    escalations.escalate(
        CaseIds.get(execution),
        TOOL_NAME.get(execution),
        execution.getProcessInstanceId(),
        REVIEW_TASK.get(execution));
  }
}
