package com.tandem.board;

import com.tandem.budget.BudgetService;
import com.tandem.budget.BudgetSummaries;
import com.tandem.budget.RequestBudget;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Assembles the board packet: the request, the overlaps, every review with its comment, the budget
 * situation as of now and the joint proposal. Built afresh for each board cycle; the request is
 * then in BOARD_REVIEW.
 */
@Service
public class BoardPackets {

  /** The packet's text, and the budget situation in it on its own for the decision form. */
  public record BoardPacket(String text, String budgetSummary) {}

  private static final Logger LOG = LoggerFactory.getLogger(BoardPackets.class);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private final RequestRegistry registry;
  private final BudgetService budget;
  private final BudgetSummaries summaries;

  public BoardPackets(RequestRegistry registry, BudgetService budget, BudgetSummaries summaries) {
    this.registry = registry;
    this.budget = budget;
    this.summaries = summaries;
  }

  /**
   * @param capabilitiesText the capabilities in words, as the process keeps them
   * @param proposalSummary the joint proposal in words, or null when there is none
   */
  public BoardPacket assemble(String requestId, String capabilitiesText, String proposalSummary) {
    var request = registry.get(requestId);
    var data = request.data();
    String currency = data.currency();
    String budgetSummary =
        summaries.describe(RequestBudget.of(request, budget).checkWith(budget), currency);
    String overlaps =
        registry.overlaps(request.id()).stream()
            .map(o -> "• %s (%s): %s".formatted(o.toolName(), o.vendor(), o.reason()))
            .collect(Collectors.joining("\n"));
    String decisions =
        registry.decisions(request.id()).stream()
            .map(
                d ->
                    "• %s %s: %s by %s%s"
                        .formatted(
                            WHEN.format(d.at()),
                            d.stage(),
                            d.decision(),
                            d.by(),
                            d.comment() == null || d.comment().isBlank()
                                ? ""
                                : " — " + d.comment()))
            .collect(Collectors.joining("\n"));
    String packet =
        """
        BOARD PACKET %s — %s from %s
        Requested by %s for: %s
        Why: %s
        First-year cost %s (licence %s, implementation %s), %d seats, %d months, needed by %s.
        Personal data: %s; SSO: %s; data export and deletion on exit: %s.

        OVERLAPS WITH TOOLS WE OWN
        %s
        New-tool justification: %s

        REVIEWS AND DECISIONS
        %s

        BUDGET
        %s

        JOINT PROPOSAL (marketing leadership, co-signed by IT leadership)
        %s"""
            .formatted(
                request.id(),
                data.toolName(),
                data.vendor(),
                request.requester(),
                capabilitiesText,
                data.businessJustification(),
                BudgetSummaries.money(data.totalFirstYearCost(), currency),
                BudgetSummaries.money(data.annualLicenseCost(), currency),
                BudgetSummaries.money(data.implementationCost(), currency),
                data.seats(),
                data.contractTermMonths(),
                data.neededBy(),
                data.personalData(),
                data.sso(),
                data.dataExportSupported() ? "yes" : "no",
                overlaps.isEmpty() ? "• none" : overlaps,
                request.newToolJustification() == null ? "—" : request.newToolJustification(),
                decisions,
                budgetSummary,
                proposalSummary == null ? "—" : proposalSummary);
    registry.setStatus(request.id(), RequestStatus.BOARD_REVIEW);
    LOG.info("Request {}: board packet assembled", request.id());
    return new BoardPacket(packet, budgetSummary);
  }
}
