package com.tandem.review;

import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.PRIVACY_COMMENT;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.REVISION_ACTION;

import com.tandem.process.JointReviewProcess;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The joint review's decisions and the requester's answer to a request for changes. */
@Component
class ReviewDecisions implements TaskDecisions {

  static final Set<String> REVIEW = Set.of("APPROVE", "REJECT", "REQUEST_CHANGES");
  static final Set<String> NEGATIVE = Set.of("REJECT", "REQUEST_CHANGES");

  @Override
  public List<TaskDecision> decisions() {
    return List.of(
        new TaskDecision(
            JointReviewProcess.Elements.REVIEW_MARKETING,
            "MARKETING_REVIEW",
            MARKETING_DECISION,
            REVIEW,
            MARKETING_COMMENT,
            NEGATIVE),
        new TaskDecision(
            JointReviewProcess.Elements.REVIEW_IT,
            "IT_REVIEW",
            IT_DECISION,
            REVIEW,
            IT_COMMENT,
            NEGATIVE),
        new TaskDecision(
            JointReviewProcess.Elements.REVIEW_PRIVACY,
            "PRIVACY_REVIEW",
            PRIVACY_DECISION,
            REVIEW,
            PRIVACY_COMMENT,
            NEGATIVE),
        new TaskDecision(
            PurchaseProcess.Elements.REVISE_REQUEST,
            "REVISION",
            REVISION_ACTION,
            Set.of("RESUBMIT", "WITHDRAW"),
            null,
            Set.of()));
  }
}
