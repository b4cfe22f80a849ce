package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.BOARD_DECISION;
import static com.tandem.process.PurchaseProcess.COSIGN_COMMENT;
import static com.tandem.process.PurchaseProcess.COSIGN_DECISION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_SUMMARY;
import static com.tandem.process.ShadowItProcess.BUDGET_NOTE;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.SHADOW_DECISION;

import com.tandem.process.ProcessVariable;
import com.tandem.process.RequestStep;
import com.tandem.request.Decision;
import com.tandem.request.RequestRegistry;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The adoption was not funded: the CIO's office did not co-sign the joint proposal, or the board
 * refused it. Nothing was held or registered (adopting is all or nothing), so the tool is still in
 * use unreviewed by the budget: the decision goes back to IT leadership, who can replace or sunset
 * it, or adopt it at a cost the line can carry. This step writes why for the decision form (who
 * refused and their reason, from the decision log) and clears the refused proposal, so that a new
 * one starts from the new shortfall.
 */
@Component
public class NoteFundingRefusedDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(NoteFundingRefusedDelegate.class);

  /** The refused proposal and the decisions on it: a new adoption starts afresh. */
  private static final List<ProcessVariable<?>> REFUSED =
      List.of(
          PROPOSAL_MARKETING_AMOUNT,
          PROPOSAL_IT_AMOUNT,
          PROPOSAL_AMOUNT,
          PROPOSAL_JUSTIFICATION,
          PROPOSAL_SUMMARY,
          COSIGN_DECISION,
          COSIGN_COMMENT,
          BOARD_DECISION,
          SHADOW_DECISION);

  private final RequestRegistry registry;

  public NoteFundingRefusedDelegate(RequestRegistry registry) {
    super("note why the adoption was not funded");
    this.registry = registry;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String findingId = FINDING_ID.get(execution);
    boolean byBoard = "REJECT".equals(BOARD_DECISION.find(execution).orElse(null));
    Optional<Decision> refusal =
        registry.lastDecision(findingId, byBoard ? "BOARD" : "BUDGET_COSIGN");
    String reason =
        refusal
            .map(Decision::comment)
            .filter(c -> !c.isBlank())
            .map(c -> " Their reason: " + c)
            .orElse("");
    BUDGET_NOTE.set(
        execution,
        ("Not adopted: %s the budget proposal to fund this tool, so nothing was committed or"
                + " registered.%s The tool is still in use: choose to replace or sunset it, or"
                + " adopt it at a cost the marketing line can carry.")
            .formatted(
                byBoard ? "the board rejected" : "the CIO's office did not co-sign", reason));
    REFUSED.forEach(variable -> variable.remove(execution));
    LOG.info(
        "Finding {}: adoption not funded ({}); back to IT leadership's decision",
        findingId,
        byBoard ? "board rejected" : "not co-signed");
  }
}
