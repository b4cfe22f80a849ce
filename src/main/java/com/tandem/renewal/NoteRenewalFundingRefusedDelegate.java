package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.BOARD_DECISION;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REASON;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REQUESTED_BY;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;

import com.tandem.process.BoundedText;
import com.tandem.process.RequestStep;
import com.tandem.request.Decision;
import com.tandem.request.People;
import com.tandem.request.RequestRegistry;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The next term was refused its money: the CIO's office did not co-sign the joint proposal, or the
 * board rejected it. The contract cannot be paid, so the tool is retired (tool-offboarding) like a
 * renewal either leadership declined. This step writes why, in words naming who refused and their
 * reason (from the decision log), as the offboarding's reason, and who asked for it. Nothing was
 * held: a short line holds nothing, and the renewal releases anything held when it closes.
 */
@Component
public class NoteRenewalFundingRefusedDelegate extends RequestStep {

  private static final Logger LOG =
      LoggerFactory.getLogger(NoteRenewalFundingRefusedDelegate.class);

  private final RequestRegistry registry;
  private final People people;

  public NoteRenewalFundingRefusedDelegate(RequestRegistry registry, People people) {
    super("note why the renewal was not funded");
    this.registry = registry;
    this.people = people;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String renewalId = RENEWAL_ID.get(execution);
    boolean byBoard = "REJECT".equals(BOARD_DECISION.find(execution).orElse(null));
    Optional<Decision> refusal =
        registry.lastDecision(renewalId, byBoard ? "BOARD" : "BUDGET_COSIGN");
    String by = refusal.map(Decision::by).orElse(null);
    String who =
        byBoard
            ? "The board"
                + (by == null ? "" : " (" + people.userName(by) + ")")
                + " rejected the budget proposal for the next term"
            : "IT leadership"
                + (by == null ? "" : " (" + people.userName(by) + ")")
                + " did not co-sign the budget proposal for the next term";
    String reason =
        refusal
            .map(Decision::comment)
            .filter(c -> !c.isBlank())
            .map(c -> who + ": " + c)
            .orElse(who + ".");
    OFFBOARDING_REASON.set(
        execution, BoundedText.cut("Not renewed, the money was refused. " + reason, 4000));
    // nobody on record (a decision log lost): Tandem asks, as for a lapsed contract
    OFFBOARDING_REQUESTED_BY.set(execution, by == null ? RenewalProcess.LAPSE_REQUESTED_BY : by);
    LOG.info(
        "Renewal {}: next term not funded ({}); the tool is retired",
        renewalId,
        byBoard ? "board rejected" : "not co-signed");
  }
}
