package com.tandem.review;

import static com.tandem.process.PurchaseProcess.REVIEW_OUTCOME;
import static com.tandem.process.PurchaseProcess.REVIEW_SUMMARY;

import com.tandem.process.BoundedText;
import com.tandem.process.CaseIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Joins the reviews of one round into one outcome: any REJECT rejects, else any REQUEST_CHANGES
 * asks the requester for changes, else the request is approved. After a veto the reviews it
 * cancelled have no decision: they are listed as cancelled. Also writes the reviewers' comments for
 * the forms that follow.
 */
@Component
public class ConcludeJointReviewDelegate implements JavaDelegate {

  public static final String APPROVED = "APPROVED";
  public static final String REJECTED = "REJECTED";
  public static final String CHANGES_REQUESTED = "CHANGES_REQUESTED";
  private static final Logger LOG = LoggerFactory.getLogger(ConcludeJointReviewDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    List<String> decisions = new ArrayList<>();
    List<String> summary = new ArrayList<>();
    for (JointReviews review : JointReviews.routed(execution)) {
      Optional<String> decision = review.decided(execution);
      decision.ifPresent(decisions::add);
      summary.add(
          "• %s review: %s%s"
              .formatted(
                  review.label,
                  decision.orElse("cancelled by the rejection"),
                  review.commented(execution).map(c -> " — " + c).orElse("")));
    }
    String outcome =
        decisions.contains("REJECT")
            ? REJECTED
            : decisions.contains("REQUEST_CHANGES") ? CHANGES_REQUESTED : APPROVED;
    if (decisions.isEmpty()) {
      throw new IllegalStateException(CaseIds.get(execution) + ": no review was decided");
    }
    REVIEW_OUTCOME.set(execution, outcome);
    // each comment may be 4000 characters long: together they are shortened to fit a String
    // variable; the decision log of the request keeps every comment whole
    REVIEW_SUMMARY.set(execution, BoundedText.shared(summary, "\n", BoundedText.MAX_STRING));
    LOG.info("{}: joint review {}", CaseIds.get(execution), outcome);
  }
}
