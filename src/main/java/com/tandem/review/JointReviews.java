package com.tandem.review;

import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.PRIVACY_COMMENT;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.PRIVACY_REVIEW_REQUIRED;

import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessVariable;
import com.tandem.request.TandemGroups;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The reviews of one round of the joint review: who reviews, where they put their decision. */
enum JointReviews {
  MARKETING(
      "Marketing",
      JointReviewProcess.Elements.REVIEW_MARKETING,
      TandemGroups.MARKETING_LEADERSHIP,
      MARKETING_DECISION,
      MARKETING_COMMENT),
  IT(
      "IT",
      JointReviewProcess.Elements.REVIEW_IT,
      TandemGroups.IT_LEADERSHIP,
      IT_DECISION,
      IT_COMMENT),
  PRIVACY(
      "Privacy",
      JointReviewProcess.Elements.REVIEW_PRIVACY,
      TandemGroups.PRIVACY_LEGAL,
      PRIVACY_DECISION,
      PRIVACY_COMMENT);

  final String label;
  final String taskKey;
  final String group;
  final ProcessVariable<String> decision;
  final ProcessVariable<String> comment;

  JointReviews(
      String label,
      String taskKey,
      String group,
      ProcessVariable<String> decision,
      ProcessVariable<String> comment) {
    this.label = label;
    this.taskKey = taskKey;
    this.group = group;
    this.decision = decision;
    this.comment = comment;
  }

  /** The reviews this round asked for: marketing and IT, privacy when routed. */
  static List<JointReviews> routed(VariableScope scope) {
    return PRIVACY_REVIEW_REQUIRED.find(scope).orElse(false)
        ? List.of(MARKETING, IT, PRIVACY)
        : List.of(MARKETING, IT);
  }

  /** This review's decision in this round; empty while open or after a veto cancelled it. */
  Optional<String> decided(VariableScope scope) {
    return decision.find(scope).filter(value -> !value.isBlank());
  }

  /** The reviewer's comment, empty when none was given. */
  Optional<String> commented(VariableScope scope) {
    return comment.find(scope).map(String::strip).filter(value -> !value.isEmpty());
  }
}
