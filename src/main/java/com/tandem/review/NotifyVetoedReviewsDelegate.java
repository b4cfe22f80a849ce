package com.tandem.review;

import static com.tandem.process.PurchaseProcess.TOOL_NAME;

import com.tandem.notification.Notifier;
import com.tandem.process.CaseIds;
import com.tandem.process.RequestStep;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A reviewer rejected: the reviews still open were cancelled by the veto (the error event on the
 * reviews' sub-process). Their groups are told why, so that nobody looks for a task that is gone.
 * Runs after the veto committed (an async continuation), once per group and case however often it
 * is retried (the {@link Notifier} sends each mail once per step and recipient).
 */
@Component
public class NotifyVetoedReviewsDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(NotifyVetoedReviewsDelegate.class);

  private final Notifier notifier;

  public NotifyVetoedReviewsDelegate(Notifier notifier) {
    super("tell the other reviewers that their review was cancelled by a rejection");
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String caseId = CaseIds.get(execution);
    String toolName = TOOL_NAME.find(execution).orElse("the tool");
    List<JointReviews> routed = JointReviews.routed(execution);
    String vetoes =
        routed.stream()
            .filter(review -> review.decided(execution).filter("REJECT"::equals).isPresent())
            .map(
                review ->
                    "The %s review rejected it%s"
                        .formatted(
                            review.label,
                            review.commented(execution).map(c -> ": \"" + c + "\"").orElse(".")))
            .reduce((a, b) -> a + "\n" + b)
            .orElse("It was rejected.");
    for (JointReviews cancelled :
        routed.stream().filter(review -> review.decided(execution).isEmpty()).toList()) {
      notifier.notifyGroup(
          caseId,
          "review-cancelled-by-veto:" + cancelled.taskKey,
          cancelled.group,
          "[%s] %s review cancelled: %s was rejected".formatted(caseId, cancelled.label, toolName),
          """
          Your %s review of %s (%s) is no longer needed and has been removed from Tasklist.
          %s
          A rejection by any reviewer ends the joint review at once.

          Tandem"""
              .formatted(cancelled.label, caseId, toolName, vetoes));
      LOG.info(
          "{}: {} review cancelled by a veto; {} told", caseId, cancelled.label, cancelled.group);
    }
  }
}
