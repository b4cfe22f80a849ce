package com.tandem.board;

import static com.tandem.process.PurchaseProcess.*;

import com.tandem.budget.BudgetService;
import com.tandem.budget.BudgetSummaries;
import com.tandem.budget.RequestBudget;
import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Assembles the board packet: the request, the overlaps, every review with its comment, the budget
 * situation as of now and the joint proposal. Built afresh for each board cycle.
 */
@Component
public class AssembleBoardPacketDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(AssembleBoardPacketDelegate.class);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private final RequestRegistry registry;
  private final BudgetService budget;
  private final BudgetSummaries summaries;

  public AssembleBoardPacketDelegate(
      RequestRegistry registry, BudgetService budget, BudgetSummaries summaries) {
    super("assemble the board packet");
    this.registry = registry;
    this.budget = budget;
    this.summaries = summaries;
  }

  @Override
  protected void run(DelegateExecution execution) {
    var request = registry.get(REQUEST_ID.get(execution));
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
                CAPABILITIES_TEXT.get(execution),
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
                PROPOSAL_SUMMARY.find(execution).orElse("—"));
    BOARD_PACKET.set(execution, packet);
    BUDGET_SUMMARY.set(execution, budgetSummary);
    registry.setStatus(request.id(), RequestStatus.BOARD_REVIEW);
    LOG.info("Request {}: board packet assembled", request.id());
  }
}
