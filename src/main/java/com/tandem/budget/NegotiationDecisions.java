package com.tandem.budget;

import static com.tandem.process.PurchaseProcess.ANNUAL_LICENSE_COST;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATED_IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.NEGOTIATION_NOTE;

import com.tandem.process.ProcessVariable;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The negotiated contract: both amounts at most the requested ones (equal when nothing was won),
 * refused in words naming the amounts otherwise; recorded as NEGOTIATED with the amounts and the
 * note.
 */
@Component
class NegotiationDecisions implements TaskDecisions {

  @Override
  public List<TaskDecision> decisions() {
    return List.of(
        new TaskDecision(
                PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
                "NEGOTIATION",
                NEGOTIATED_ANNUAL_COST,
                null,
                NEGOTIATION_NOTE,
                Set.of())
            .recordedAs(NegotiationDecisions::record));
  }

  private static TaskDecision.Recorded record(DelegateTask task, String decision, String comment) {
    String currency = CURRENCY.get(task);
    BigDecimal annual =
        atMostRequested(
            task, NEGOTIATED_ANNUAL_COST, ANNUAL_LICENSE_COST, "annual licence cost", currency);
    BigDecimal implementation =
        atMostRequested(
            task,
            NEGOTIATED_IMPLEMENTATION_COST,
            IMPLEMENTATION_COST,
            "implementation cost",
            currency);
    String agreed =
        "Annual licence %s (requested %s), implementation %s (requested %s)."
            .formatted(
                BudgetSummaries.money(annual, currency),
                BudgetSummaries.money(ANNUAL_LICENSE_COST.get(task), currency),
                BudgetSummaries.money(implementation, currency),
                BudgetSummaries.money(IMPLEMENTATION_COST.get(task), currency));
    String withNote = comment == null || comment.isEmpty() ? agreed : agreed + " " + comment;
    return new TaskDecision.Recorded(
        "NEGOTIATED", withNote.length() > 4000 ? withNote.substring(0, 3999) + "…" : withNote);
  }

  private static BigDecimal atMostRequested(
      DelegateTask task,
      ProcessVariable<BigDecimal> negotiated,
      ProcessVariable<BigDecimal> requested,
      String what,
      String currency) {
    BigDecimal asked = requested.get(task);
    BigDecimal agreed;
    try {
      agreed = negotiated.find(task).orElse(null);
    } catch (RuntimeException notANumber) {
      agreed = null;
    }
    if (agreed == null) {
      throw new BadUserRequestException(
          "Please enter the negotiated %s (%s): at most the requested %s, equal when nothing was won."
              .formatted(what, negotiated.name(), BudgetSummaries.money(asked, currency)));
    }
    if (agreed.signum() < 0 || agreed.stripTrailingZeros().scale() > 2) {
      throw new BadUserRequestException(
          "The negotiated %s (%s) must be a positive amount with at most two decimals."
              .formatted(what, negotiated.name()));
    }
    if (agreed.compareTo(asked) > 0) {
      throw new BadUserRequestException(
          "The negotiated %s (%s) is above the requested %s: a negotiation never costs more than was approved. Enter at most %s (equal when nothing was won)."
              .formatted(
                  what,
                  BudgetSummaries.money(agreed, currency),
                  BudgetSummaries.money(asked, currency),
                  BudgetSummaries.money(asked, currency)));
    }
    return agreed;
  }
}
