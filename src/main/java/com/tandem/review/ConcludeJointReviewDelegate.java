package com.tandem.review;

import static com.tandem.process.PurchaseProcess.*;

import com.tandem.process.BoundedText;
import com.tandem.process.CaseIds;
import com.tandem.process.ProcessVariable;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Joins the reviews of one round into one outcome: any REJECT rejects, else any REQUEST_CHANGES
 * asks the requester for changes, else the request is approved. Also writes the reviewers' comments
 * for the forms that follow.
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
    collect(execution, "Marketing", MARKETING_DECISION, MARKETING_COMMENT, decisions, summary);
    collect(execution, "IT", IT_DECISION, IT_COMMENT, decisions, summary);
    if (PRIVACY_REVIEW_REQUIRED.find(execution).orElse(false)) {
      collect(execution, "Privacy", PRIVACY_DECISION, PRIVACY_COMMENT, decisions, summary);
    }
    String outcome =
        decisions.contains("REJECT")
            ? REJECTED
            : decisions.contains("REQUEST_CHANGES") ? CHANGES_REQUESTED : APPROVED;
    REVIEW_OUTCOME.set(execution, outcome);
    // each comment may be 4000 characters long: together they are shortened to fit a String
    // variable; the decision log of the request keeps every comment whole
    REVIEW_SUMMARY.set(execution, BoundedText.shared(summary, "\n", BoundedText.MAX_STRING));
    LOG.info("{}: joint review {}", CaseIds.get(execution), outcome);
  }

  private static void collect(
      DelegateExecution execution,
      String review,
      ProcessVariable<String> decision,
      ProcessVariable<String> comment,
      List<String> decisions,
      List<String> summary) {
    String value = decision.get(execution);
    decisions.add(value);
    summary.add(
        "• %s review: %s%s"
            .formatted(
                review,
                value,
                comment.find(execution).filter(c -> !c.isBlank()).map(c -> " — " + c).orElse("")));
  }
}
