package com.tandem.board;

import static com.tandem.process.PurchaseProcess.BOARD_COMMENT;
import static com.tandem.process.PurchaseProcess.BOARD_DECISION;
import static com.tandem.process.PurchaseProcess.COSIGN_COMMENT;
import static com.tandem.process.PurchaseProcess.COSIGN_DECISION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;

import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The joint budget proposal (drafted, co-signed) and the board's decision. */
@Component
class BoardDecisions implements TaskDecisions {

  @Override
  public List<TaskDecision> decisions() {
    return List.of(
        new TaskDecision(
                PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL,
                "BUDGET_PROPOSAL",
                PROPOSAL_AMOUNT,
                null,
                PROPOSAL_JUSTIFICATION,
                null)
            .withCommentMissing(
                "Please justify the proposal for the board (proposalJustification)."),
        new TaskDecision(
            PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL,
            "BUDGET_COSIGN",
            COSIGN_DECISION,
            Set.of("APPROVE", "REJECT", "REQUEST_CHANGES"),
            COSIGN_COMMENT,
            Set.of("REJECT", "REQUEST_CHANGES")),
        new TaskDecision(
            BoardSubmissionProcess.Elements.BOARD_DECISION,
            "BOARD",
            BOARD_DECISION,
            Set.of("APPROVE", "REJECT", "DEFER"),
            BOARD_COMMENT,
            Set.of("REJECT", "DEFER")));
  }
}
