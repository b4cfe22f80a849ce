package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.BOARD_CYCLE;
import static com.tandem.renewal.RenewalProcess.BUDGET_SUMMARY;
import static com.tandem.renewal.RenewalProcess.CURRENCY;
import static com.tandem.renewal.RenewalProcess.HOLDS_PLACED;
import static com.tandem.renewal.RenewalProcess.NEGOTIATED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.RENEWAL_FACTS;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.TOTAL_FIRST_YEAR_COST;

import com.tandem.board.BoardPacket;
import com.tandem.board.BoardPackets;
import com.tandem.budget.BudgetCheck;
import com.tandem.process.BoundedText;
import com.tandem.process.RequestStep;
import com.tandem.request.Money;
import com.tandem.review.RoutingProperties;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Holds the negotiated cost of the next term on the MARKETING line of the fiscal year the term
 * starts in; when the line lacks the money, nothing is held and the renewal takes the joint
 * proposal and the board (PRODUCT.md §7, §2.6–7): this step then writes the renewal in words for
 * the proposal's forms, the next term's cost for the task lists and the board cycle.
 */
@Component
public class HoldRenewalBudgetDelegate extends RequestStep {

  private final RenewalService renewals;
  private final BoardPackets packets;
  private final RoutingProperties routing;

  public HoldRenewalBudgetDelegate(
      RenewalService renewals, BoardPackets packets, RoutingProperties routing) {
    super("hold the next term's cost on the budget");
    this.renewals = renewals;
    this.packets = packets;
    this.routing = routing;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String id = RENEWAL_ID.get(execution);
    String currency = CURRENCY.get(execution);
    BudgetCheck check = renewals.holdNextTerm(id, NEGOTIATED_ANNUAL_COST.get(execution));
    HOLDS_PLACED.set(execution, check.sufficient());
    BUDGET_SUMMARY.set(
        execution,
        check.sufficient()
            ? "%s held on the marketing line of fiscal year %d."
                .formatted(Money.format(check.marketingRequired(), currency), check.fiscalYear())
            : ("The next term costs %s; the marketing line of fiscal year %d has %s available:"
                    + " short by %s.")
                .formatted(
                    Money.format(check.marketingRequired(), currency),
                    check.fiscalYear(),
                    Money.format(check.marketingAvailable(), currency),
                    Money.format(check.marketingShortfall(), currency)));
    if (!check.sufficient()) {
      TOTAL_FIRST_YEAR_COST.set(execution, check.marketingRequired());
      BOARD_CYCLE.set(execution, routing.boardCycle());
      RENEWAL_FACTS.set(execution, facts(packets.renewal(id)));
    }
  }

  /** The renewal as the board packet words it, for the draft and co-sign forms. */
  static String facts(BoardPacket.Renewal n) {
    return BoundedText.shared(
        List.of(
            "Owner: " + n.owner(),
            "Contract ends %s; today it costs %s, %s seats bought"
                .formatted(n.contractEnds(), n.currentCost(), n.seatsBought()),
            "Usage: " + n.usage(),
            "Next term: %s as negotiated (the vendor asked %s), seats: %s, on the marketing line of %s"
                .formatted(n.nextTermCost(), n.askedCost(), n.nextSeats(), n.fiscalYear()),
            "Negotiation note: " + n.negotiationNote(),
            "Marketing leadership: %s. %s".formatted(n.marketingReview(), n.marketingComment()),
            "IT leadership: %s. %s".formatted(n.itReview(), n.itComment())),
        "\n",
        BoundedText.MAX_STRING);
  }
}
