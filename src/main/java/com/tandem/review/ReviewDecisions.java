package com.tandem.review;

import static com.tandem.process.JointReviewProcess.IT_CONDITIONS;
import static com.tandem.process.JointReviewProcess.MARKETING_CONDITIONS;
import static com.tandem.process.JointReviewProcess.PRIVACY_CONDITIONS;
import static com.tandem.process.JointReviewProcess.REVIEWS_SO_FAR;
import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.PRIVACY_COMMENT;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.REVISION_ACTION;

import com.tandem.process.BoundedText;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessVariable;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The joint review's decisions and the requester's answer to a request for changes.
 *
 * <p>A review's comment is its required reason when it rejects or asks for changes ({@code
 * marketingComment}, ...); with an approval the reviewer may give conditions instead ({@code
 * marketingConditions}, ...), recorded as the review's comment. The IT review's checklist items
 * left unticked are recorded with its comment ("Not confirmed with the vendor: …"). Each decision
 * is added to {@code reviewsSoFar}, which the reviewers still deciding see in their forms.
 */
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
                NEGATIVE)
            .withCommentMissing(reasonMissing(MARKETING_COMMENT))
            .recordedAs(review("Marketing review", MARKETING_COMMENT, MARKETING_CONDITIONS, false)),
        new TaskDecision(
                JointReviewProcess.Elements.REVIEW_IT,
                "IT_REVIEW",
                IT_DECISION,
                REVIEW,
                IT_COMMENT,
                NEGATIVE)
            .withCommentMissing(reasonMissing(IT_COMMENT))
            .recordedAs(review("IT review", IT_COMMENT, IT_CONDITIONS, true)),
        new TaskDecision(
                JointReviewProcess.Elements.REVIEW_PRIVACY,
                "PRIVACY_REVIEW",
                PRIVACY_DECISION,
                REVIEW,
                PRIVACY_COMMENT,
                NEGATIVE)
            .withCommentMissing(reasonMissing(PRIVACY_COMMENT))
            .recordedAs(review("Privacy review", PRIVACY_COMMENT, PRIVACY_CONDITIONS, false)),
        new TaskDecision(
            PurchaseProcess.Elements.REVISE_REQUEST,
            "REVISION",
            REVISION_ACTION,
            Set.of("RESUBMIT", "WITHDRAW"),
            null,
            Set.of()));
  }

  private static String reasonMissing(ProcessVariable<String> comment) {
    return ("Please explain your decision: a reason (%s) is required when you reject or ask for"
            + " changes; the requester and the other reviewers read it.")
        .formatted(comment.name());
  }

  private static TaskDecision.Recording review(
      String review,
      ProcessVariable<String> comment,
      ProcessVariable<String> conditions,
      boolean checklist) {
    return (task, decision, given) -> {
      String text = given;
      if (text == null || text.isEmpty()) {
        text = conditions(task, conditions);
        if (text != null) {
          comment.set(task, text);
        }
      }
      if (checklist) {
        String gaps = ReviewsSoFar.checklistGaps(task);
        text = gaps == null ? text : text == null ? gaps : gaps + " " + text;
        text = BoundedText.fit(text);
      }
      List<String> soFar = new ArrayList<>();
      REVIEWS_SO_FAR.find(task).filter(s -> !s.isBlank()).ifPresent(soFar::add);
      soFar.add(ReviewsSoFar.line(review, decidedBy(task), decision, text));
      REVIEWS_SO_FAR.set(task, ReviewsSoFar.join(soFar));
      return new TaskDecision.Recorded(decision, text);
    };
  }

  private static String conditions(DelegateTask task, ProcessVariable<String> conditions) {
    Object raw = conditions.raw(task);
    if (raw == null) {
      return null;
    }
    String text = raw.toString().strip();
    if (text.length() > BoundedText.MAX_STRING) {
      throw new BadUserRequestException(
          "%s must be at most %d characters.".formatted(conditions.name(), BoundedText.MAX_STRING));
    }
    return text.isEmpty() ? null : text;
  }

  private static String decidedBy(DelegateTask task) {
    return Optional.ofNullable(
            task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .map(Authentication::getUserId)
        .orElse(task.getAssignee() == null ? "?" : task.getAssignee());
  }
}
