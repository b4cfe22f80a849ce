package com.tandem.review;

import static com.tandem.process.PurchaseProcess.*;

import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessVariable;
import com.tandem.process.PurchaseProcess;
import java.util.Map;
import java.util.Set;

/**
 * What each user task decides: the stage it is recorded under, the variable holding the decision,
 * its allowed values, the comment variable and for which decisions a comment is required.
 */
record ReviewDecisionSpec(
    String stage,
    ProcessVariable<?> decision,
    Set<String> allowed,
    ProcessVariable<String> comment,
    Set<String> commentRequiredFor,
    String commentMissing) {

  ReviewDecisionSpec(
      String stage,
      ProcessVariable<?> decision,
      Set<String> allowed,
      ProcessVariable<String> comment,
      Set<String> commentRequiredFor) {
    this(stage, decision, allowed, comment, commentRequiredFor, null);
  }

  private static final Set<String> REVIEW = Set.of("APPROVE", "REJECT", "REQUEST_CHANGES");
  private static final Set<String> NEGATIVE = Set.of("REJECT", "REQUEST_CHANGES");

  static final Map<String, ReviewDecisionSpec> BY_TASK =
      Map.of(
          PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
              new ReviewDecisionSpec(
                  "INVENTORY",
                  USE_EXISTING_TOOL,
                  Set.of("true", "false"),
                  NEW_TOOL_JUSTIFICATION,
                  Set.of("false"),
                  "Please tell the reviewers why the tools we own do not fit (newToolJustification)."),
          JointReviewProcess.Elements.REVIEW_MARKETING,
              new ReviewDecisionSpec(
                  "MARKETING_REVIEW", MARKETING_DECISION, REVIEW, MARKETING_COMMENT, NEGATIVE),
          JointReviewProcess.Elements.REVIEW_IT,
              new ReviewDecisionSpec("IT_REVIEW", IT_DECISION, REVIEW, IT_COMMENT, NEGATIVE),
          JointReviewProcess.Elements.REVIEW_PRIVACY,
              new ReviewDecisionSpec(
                  "PRIVACY_REVIEW", PRIVACY_DECISION, REVIEW, PRIVACY_COMMENT, NEGATIVE),
          PurchaseProcess.Elements.REVISE_REQUEST,
              new ReviewDecisionSpec(
                  "REVISION", REVISION_ACTION, Set.of("RESUBMIT", "WITHDRAW"), null, Set.of()),
          PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL,
              new ReviewDecisionSpec(
                  "BUDGET_PROPOSAL",
                  PROPOSAL_AMOUNT,
                  null,
                  PROPOSAL_JUSTIFICATION,
                  null,
                  "Please justify the proposal for the board (proposalJustification)."),
          PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL,
              new ReviewDecisionSpec(
                  "BUDGET_COSIGN", COSIGN_DECISION, REVIEW, COSIGN_COMMENT, NEGATIVE),
          BoardSubmissionProcess.Elements.BOARD_DECISION,
              new ReviewDecisionSpec(
                  "BOARD",
                  BOARD_DECISION,
                  Set.of("APPROVE", "REJECT", "DEFER"),
                  BOARD_COMMENT,
                  Set.of("REJECT")),
          PurchaseProcess.Elements.COMPLETE_ONBOARDING,
              new ReviewDecisionSpec(
                  "ONBOARDING",
                  SSO_CONFIGURED,
                  Set.of("true", "false"),
                  ONBOARDING_COMMENT,
                  Set.of()));

  /** {@code null} sets mean: any value (a number), and a comment is always required. */
  boolean commentRequired(String value) {
    return commentRequiredFor == null || commentRequiredFor.contains(value);
  }
}
