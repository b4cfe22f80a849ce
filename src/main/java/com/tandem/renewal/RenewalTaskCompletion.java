package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.ASKED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.BOARD_COMMENT;
import static com.tandem.renewal.RenewalProcess.BOARD_DECISION;
import static com.tandem.renewal.RenewalProcess.CURRENCY;
import static com.tandem.renewal.RenewalProcess.IT_RENEWAL_COMMENT;
import static com.tandem.renewal.RenewalProcess.IT_RENEWAL_DECISION;
import static com.tandem.renewal.RenewalProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.NEGOTIATION_NOTE;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REASON;
import static com.tandem.renewal.RenewalProcess.OFFBOARDING_REQUESTED_BY;
import static com.tandem.renewal.RenewalProcess.RENEWAL_COMMENT;
import static com.tandem.renewal.RenewalProcess.RENEWAL_DECISION;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.SEATS;

import com.tandem.renewal.RenewalProcess.Elements;
import com.tandem.request.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completing a renewal task checks its decision and writes it to the renewal's record ({@code
 * tandem_renewal}) in the completing transaction: a completion without a valid decision, a changed
 * renewal without seats, an IT decision without a comment or a negotiated cost above what the
 * vendor asked is refused with a sentence Tasklist shows, whatever client completed the task. A
 * RETIRE (or the board's REJECT) also says why and by whom the tool is offboarded.
 */
@Component
public class RenewalTaskCompletion implements TaskListener {

  static final int MAX_TEXT = com.tandem.process.BoundedText.MAX_STRING;
  static final Set<String> MARKETING_DECISIONS = Set.of("RENEW", "RENEW_CHANGED", "RETIRE");
  static final Set<String> IT_DECISIONS = Set.of("APPROVE", "RETIRE");
  static final Set<String> BOARD_DECISIONS = Set.of("APPROVE", "REJECT");

  private final RenewalService renewals;
  private final IdentityService identityService;

  public RenewalTaskCompletion(RenewalService renewals, IdentityService identityService) {
    this.renewals = renewals;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = RENEWAL_ID.get(task);
    String by =
        Optional.ofNullable(identityService.getCurrentAuthentication())
            .map(Authentication::getUserId)
            .orElse(task.getAssignee());
    switch (task.getTaskDefinitionKey()) {
      case Elements.REVIEW_MARKETING -> marketing(task, id, by);
      case Elements.REVIEW_IT -> it(task, id, by);
      case Elements.NEGOTIATE_RENEWAL -> negotiation(task, id);
      case Elements.RENEWAL_BOARD_DECISION -> board(task, by);
      default ->
          throw new IllegalStateException(
              "Task " + task.getTaskDefinitionKey() + " is not a task of the renewal");
    }
  }

  private void marketing(DelegateTask task, String id, String by) {
    String decision = RENEWAL_DECISION.find(task).orElse("");
    if (!MARKETING_DECISIONS.contains(decision)) {
      throw refused(
          "Choose to renew, to renew with a changed number of seats, or to retire the tool.");
    }
    String comment = text(task, RENEWAL_COMMENT.name(), "The comment");
    Long seats = null;
    if (decision.equals("RENEW_CHANGED")) {
      seats = SEATS.find(task).orElse(null);
      if (seats == null || seats < 1 || seats > 10_000_000) {
        throw refused("A renewal with changes needs the new number of seats (1 or more).");
      }
    }
    var facts = renewals.facts(id);
    if (seats == null && facts.contract().seatsBought() != null && !decision.equals("RETIRE")) {
      seats = facts.contract().seatsBought().longValue();
    }
    if (seats != null) {
      SEATS.set(task.getExecution(), seats);
    }
    ASKED_ANNUAL_COST.set(
        task.getExecution(), RenewalService.askedCost(facts.contract(), decision, seats));
    if (decision.equals("RETIRE")) {
      retire(task, "Marketing leadership decided not to renew", comment, by);
    }
    renewals.recordMarketing(id, decision, by, seats == null ? null : seats.intValue());
  }

  private void it(DelegateTask task, String id, String by) {
    String decision = IT_RENEWAL_DECISION.find(task).orElse("");
    if (!IT_DECISIONS.contains(decision)) {
      throw refused("Choose to approve the renewal or to retire the tool.");
    }
    String comment = text(task, IT_RENEWAL_COMMENT.name(), "The comment");
    if (comment == null) {
      throw refused(
          "Say whether SSO, the data-processing agreement and security are still in order.");
    }
    if (decision.equals("RETIRE")) {
      retire(task, "IT leadership decided not to renew", comment, by);
    }
    renewals.recordIt(id, decision, by, comment);
  }

  private void negotiation(DelegateTask task, String id) {
    BigDecimal asked = ASKED_ANNUAL_COST.find(task).or(() -> ANNUAL_COST.find(task)).orElseThrow();
    asked = asked.setScale(2, RoundingMode.HALF_UP);
    String currency = CURRENCY.find(task).orElse("");
    BigDecimal negotiated;
    try {
      negotiated = NEGOTIATED_ANNUAL_COST.find(task).orElse(null);
    } catch (RuntimeException notANumber) {
      negotiated = null;
    }
    if (negotiated == null) {
      throw refused(
          "Enter the negotiated annual cost (the asked %s when nothing was won)."
              .formatted(Money.format(asked, currency)));
    }
    negotiated = negotiated.setScale(2, RoundingMode.HALF_UP);
    if (negotiated.signum() < 0) {
      throw refused("The negotiated annual cost cannot be negative.");
    }
    if (negotiated.compareTo(asked) > 0) {
      throw refused(
          "The negotiated annual cost (%s) cannot be above what the vendor asked (%s)."
              .formatted(Money.format(negotiated, currency), Money.format(asked, currency)));
    }
    String note = text(task, NEGOTIATION_NOTE.name(), "The negotiation note");
    NEGOTIATED_ANNUAL_COST.set(task.getExecution(), negotiated);
    renewals.recordNegotiation(id, asked, negotiated, note);
  }

  /**
   * The renewal's own board task of the previous version of tool-renewal ({@code
   * Task_RenewalBoardDecision}, form renewal-board-decision): kept for instances of that version
   * still waiting there. Renewals started since go to the joint proposal and {@code
   * martech-board-submission}, whose decisions {@code RecordDecisionListener} checks.
   */
  private void board(DelegateTask task, String by) {
    String decision = BOARD_DECISION.find(task).orElse("");
    if (!BOARD_DECISIONS.contains(decision)) {
      throw refused("Choose to fund the renewal or to reject it (the tool is then retired).");
    }
    if (decision.equals("REJECT")) {
      retire(
          task,
          "The board declined to fund the renewal",
          text(task, BOARD_COMMENT.name(), "The comment"),
          by);
    }
  }

  private static void retire(DelegateTask task, String why, String comment, String by) {
    String reason = comment == null ? why + "." : why + ": " + comment;
    OFFBOARDING_REASON.set(
        task.getExecution(), reason.length() > MAX_TEXT ? reason.substring(0, MAX_TEXT) : reason);
    OFFBOARDING_REQUESTED_BY.set(task.getExecution(), by);
  }

  /** The stripped text, null when blank; refused beyond 4000 characters. */
  private static String text(DelegateTask task, String name, String label) {
    Object raw = task.getVariable(name);
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    String text = raw.toString().strip();
    if (text.length() > MAX_TEXT) {
      throw refused(label + " must be at most 4000 characters.");
    }
    return text;
  }

  private static BadUserRequestException refused(String message) {
    return new BadUserRequestException(message);
  }
}
