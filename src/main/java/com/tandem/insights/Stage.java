package com.tandem.insights;

import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.PurchaseProcess;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The user tasks of a purchase request whose time Insights measures, each with its human name and
 * the side it waits for. The ids are those of the models ({@code process} names them). A task is
 * counted by its id, whichever process it runs in: the joint reviews of shadow-IT findings count
 * with the reviews, and the joint proposal and the board of a finding's adoption or of a renewal
 * whose next term is short (tool-renewal's Task_DraftBudgetProposal, Task_CosignBudgetProposal, and
 * martech-board-submission's Task_BoardDecision, which it calls) count with a purchase's. The
 * renewal reviews and the renewal's negotiation are not stages of a request and are left out.
 */
public enum Stage {
  CONSIDER_EXISTING_TOOL(
      PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL, "Consider an existing tool", Side.REQUESTER),
  REVIEW_MARKETING(
      JointReviewProcess.Elements.REVIEW_MARKETING, "Marketing review", Side.MARKETING),
  REVIEW_IT(JointReviewProcess.Elements.REVIEW_IT, "IT review", Side.IT),
  REVIEW_PRIVACY(JointReviewProcess.Elements.REVIEW_PRIVACY, "Privacy review", Side.PRIVACY),
  REVISE_REQUEST(PurchaseProcess.Elements.REVISE_REQUEST, "Revise the request", Side.REQUESTER),
  DRAFT_BUDGET_PROPOSAL(
      PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL, "Draft the budget proposal", Side.MARKETING),
  COSIGN_BUDGET_PROPOSAL(
      PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL, "Co-sign the budget proposal", Side.IT),
  BOARD_DECISION(BoardSubmissionProcess.Elements.BOARD_DECISION, "Board decision", Side.BOARD),
  // negotiation (PRODUCT.md §2.8) is IT operations' work, acting as procurement
  NEGOTIATE_CONTRACT("Task_NegotiateContract", "Negotiate the contract", Side.IT),
  COMPLETE_ONBOARDING(PurchaseProcess.Elements.COMPLETE_ONBOARDING, "Onboarding", Side.IT);

  private final String taskKey;
  private final String label;
  private final Side side;

  Stage(String taskKey, String label, Side side) {
    this.taskKey = taskKey;
    this.label = label;
    this.side = side;
  }

  public String taskKey() {
    return taskKey;
  }

  public String label() {
    return label;
  }

  public Side side() {
    return side;
  }

  static List<String> taskKeys() {
    return Arrays.stream(values()).map(Stage::taskKey).toList();
  }

  static Optional<Stage> ofTaskKey(String taskKey) {
    return Arrays.stream(values()).filter(s -> s.taskKey.equals(taskKey)).findFirst();
  }
}
