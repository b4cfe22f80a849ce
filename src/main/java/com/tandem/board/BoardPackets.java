package com.tandem.board;

import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DATA_EXPORT;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DELETION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DPA;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_INTEGRATION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_SSO;
import static com.tandem.process.PurchaseProcess.PROPOSAL_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;

import com.tandem.budget.BudgetCheck;
import com.tandem.budget.BudgetLine;
import com.tandem.budget.BudgetOwner;
import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.process.BoundedText;
import com.tandem.process.ProcessVariable;
import com.tandem.request.Decision;
import com.tandem.request.People;
import com.tandem.request.PurchaseRequest;
import com.tandem.request.RecordedOverlap;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Assembles the board packet: the request, its cost over the contract's term, the tools we own and
 * the open requests that overlap with it, every decision with its comment and checklist, the budget
 * per line as of now and the joint proposal per line. In words and formatted money: no codes.
 */
@Service
public class BoardPackets {

  private static final Logger LOG = LoggerFactory.getLogger(BoardPackets.class);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** The IT review's checklist, in the words of its form. */
  private static final Map<ProcessVariable<Boolean>, String> IT_CHECKLIST =
      new java.util.LinkedHashMap<>();

  static {
    IT_CHECKLIST.put(IT_CHECKLIST_SSO, "SSO through our identity provider is possible");
    IT_CHECKLIST.put(IT_CHECKLIST_DATA_EXPORT, "All our data can be exported in an open format");
    IT_CHECKLIST.put(
        IT_CHECKLIST_DELETION, "The vendor deletes our data on exit, with confirmation");
    IT_CHECKLIST.put(IT_CHECKLIST_DPA, "A data-processing agreement is available");
    IT_CHECKLIST.put(IT_CHECKLIST_INTEGRATION, "Integrations are feasible with our stack");
  }

  private final Cases cases;
  private final RequestRegistry registry;
  private final BudgetService budget;
  private final InventoryService inventory;
  private final People people;
  private final RequestHistory history;

  public BoardPackets(
      Cases cases,
      RequestRegistry registry,
      BudgetService budget,
      InventoryService inventory,
      People people,
      RequestHistory history) {
    this.cases = cases;
    this.registry = registry;
    this.budget = budget;
    this.inventory = inventory;
    this.people = people;
    this.history = history;
  }

  /** The packet of the case (a request or a tool in use) as it stands now; nothing changes. */
  /**
   * Only the renewal section of a renewal's packet (what its draft and co-sign forms show), without
   * building the rest; null when the case is no renewal.
   */
  public BoardPacket.Renewal renewal(String caseId) {
    BudgetCase subject = cases.get(caseId);
    return subject.renewing() == null
        ? null
        : renewalSection(subject.renewing(), subject.currency());
  }

  public BoardPacket packet(String caseId) {
    BudgetCase subject = cases.get(caseId);
    String requestId = subject.id();
    String currency = subject.currency();
    Function<List<String>, String> capabilityNames = inventory.capabilityNames();
    List<ProcessVariable<?>> wanted = new ArrayList<>(IT_CHECKLIST.keySet());
    wanted.addAll(
        List.of(
            PROPOSAL_AMOUNT,
            PROPOSAL_MARKETING_AMOUNT,
            PROPOSAL_IT_AMOUNT,
            PROPOSAL_JUSTIFICATION));
    Map<String, Object> variables = history.latest(requestId, wanted);

    PurchaseRequest request = subject.request();
    var requestSection = request == null ? null : requestSection(request, capabilityNames);
    var inUseSection = subject.inUse() == null ? null : inUseSection(subject.inUse(), currency);
    var renewalSection =
        subject.renewing() == null ? null : renewalSection(subject.renewing(), currency);
    String noun = request != null ? "request" : renewalSection != null ? "renewal" : "adoption";

    List<Tool> owned = inventory.tools(Optional.empty());
    Map<Long, Tool> toolsById =
        owned.stream().collect(Collectors.toMap(Tool::id, t -> t, (a, b) -> a));
    List<BoardPacket.OwnedTool> ownedOverlaps = new ArrayList<>();
    List<BoardPacket.OpenRequest> openRequests = new ArrayList<>();
    for (RecordedOverlap overlap : registry.overlaps(requestId)) {
      String why =
          overlap.capabilities().isEmpty()
              ? "Same vendor"
              : "Covers " + capabilityNames.apply(overlap.capabilities());
      if (overlap.concernsOpenRequest()) {
        openRequests.add(
            new BoardPacket.OpenRequest(
                overlap.requestId(),
                overlap.toolName(),
                overlap.vendor(),
                why,
                personName(overlap.requestedBy()),
                Words.status(overlap.requestStatus())));
        continue;
      }
      Tool tool = toolsById.get(overlap.toolId());
      ownedOverlaps.add(
          new BoardPacket.OwnedTool(
              overlap.toolName(),
              overlap.vendor(),
              why,
              tool == null || tool.annualCost() == null
                  ? "unknown"
                  : money(tool.annualCost(), tool.currency()) + " a year",
              tool == null || tool.owner() == null ? "nobody named" : personName(tool.owner()),
              tool == null || tool.renewalDate() == null
                  ? "unknown"
                  : DAY.format(tool.renewalDate())));
    }

    List<BoardPacket.Review> reviews = new ArrayList<>();
    for (Decision decision : registry.decisions(requestId)) {
      List<BoardPacket.Check> checklist = new ArrayList<>();
      if ("IT_REVIEW".equals(decision.stage())) {
        IT_CHECKLIST.forEach(
            (variable, item) ->
                checklist.add(
                    new BoardPacket.Check(
                        item,
                        RequestHistory.read(variables, variable)
                            .map(yes -> yes ? "Yes" : "No")
                            .orElse("Not answered"))));
      }
      reviews.add(
          new BoardPacket.Review(
              Words.stage(decision.stage()),
              Words.decision(decision.decision(), currency),
              personName(decision.by()),
              WHEN.format(decision.at()),
              decision.comment() == null || decision.comment().isBlank()
                  ? "No comment."
                  : decision.comment(),
              checklist));
    }

    BudgetCheck check = subject.needs().checkWith(budget);
    Optional<BigDecimal> marketingRaise = RequestHistory.read(variables, PROPOSAL_MARKETING_AMOUNT);
    Optional<BigDecimal> itRaise = RequestHistory.read(variables, PROPOSAL_IT_AMOUNT);
    Optional<BigDecimal> total = RequestHistory.read(variables, PROPOSAL_AMOUNT);
    boolean perLine = marketingRaise.isPresent() || itRaise.isPresent();
    List<BoardPacket.Line> lines = new ArrayList<>();
    for (BudgetOwner owner : BudgetOwner.values()) {
      boolean marketing = owner == BudgetOwner.MARKETING;
      Optional<BudgetLine> line =
          budget.lines(check.fiscalYear()).stream().filter(l -> l.owner() == owner).findFirst();
      BigDecimal needed = marketing ? check.marketingRequired() : check.itRequired();
      BigDecimal shortfall = marketing ? check.marketingShortfall() : check.itShortfall();
      Optional<BigDecimal> raise = marketing ? marketingRaise : itRaise;
      lines.add(
          new BoardPacket.Line(
              Words.line(owner.name()),
              line.map(l -> money(l.amount(), currency)).orElse("no line"),
              line.map(l -> money(l.held(), currency)).orElse("—"),
              line.map(l -> money(l.committed(), currency)).orElse("—"),
              line.map(l -> money(l.available(), currency))
                  .orElse(money(BigDecimal.ZERO, currency)),
              money(needed, currency),
              money(shortfall, currency),
              perLine
                  ? raise.map(r -> money(r, currency)).orElse(money(BigDecimal.ZERO, currency))
                  : "see the total"));
    }
    var budgetSection =
        new BoardPacket.Budget(
            "FY" + check.fiscalYear(),
            lines,
            money(check.totalShortfall(), currency),
            check.sufficient()
                ? "Both lines can carry this %s today.".formatted(noun)
                : "The lines lack %s in all: marketing %s, IT %s."
                    .formatted(
                        money(check.totalShortfall(), currency),
                        money(check.marketingShortfall(), currency),
                        money(check.itShortfall(), currency)));

    Optional<Decision> cosign = registry.lastDecision(requestId, "BUDGET_COSIGN");
    BoardPacket.Proposal proposal =
        total.isEmpty() && !perLine
            ? null
            : new BoardPacket.Proposal(
                marketingRaise
                    .map(a -> money(a, currency))
                    .orElse(perLine ? money(BigDecimal.ZERO, currency) : "not given per line"),
                itRaise
                    .map(a -> money(a, currency))
                    .orElse(perLine ? money(BigDecimal.ZERO, currency) : "not given per line"),
                money(
                    total.orElse(
                        marketingRaise
                            .orElse(BigDecimal.ZERO)
                            .add(itRaise.orElse(BigDecimal.ZERO))),
                    currency),
                RequestHistory.read(variables, PROPOSAL_JUSTIFICATION).orElse("—"),
                cosign.map(d -> personName(d.by())).orElse("not yet co-signed"),
                cosign
                    .map(
                        d ->
                            Words.decision(d.decision(), currency)
                                + (d.comment() == null || d.comment().isBlank()
                                    ? ""
                                    : ": " + d.comment()))
                    .orElse("—"));

    return new BoardPacket(
        requestId,
        request != null
            ? "Board packet %s: %s from %s"
                .formatted(requestId, subject.toolName(), subject.vendor())
            : renewalSection != null
                ? "Board packet %s: renewing %s from %s for another term"
                    .formatted(requestId, subject.toolName(), subject.vendor())
                : "Board packet %s: adopting %s from %s, in use without a purchase request"
                    .formatted(requestId, subject.toolName(), subject.vendor()),
        requestSection,
        inUseSection,
        renewalSection,
        request != null
            ? cost(request.data(), currency)
            : renewalSection != null
                ? costOfRenewal(subject.renewing(), currency)
                : costInUse(subject.inUse().annualCost(), currency),
        ownedOverlaps,
        openRequests,
        request == null
                || request.newToolJustification() == null
                || request.newToolJustification().isBlank()
            ? null
            : request.newToolJustification(),
        reviews,
        budgetSection,
        proposal);
  }

  private BoardPacket.Request requestSection(
      PurchaseRequest request, Function<List<String>, String> capabilityNames) {
    var data = request.data();
    return new BoardPacket.Request(
        data.toolName(),
        data.vendor(),
        data.vendorUrl(),
        personName(request.requester()),
        capabilityNames.apply(data.capabilities()),
        data.integrations().isEmpty() ? "none" : capabilityNames.apply(data.integrations()),
        data.businessJustification(),
        "%,d".formatted(data.seats()),
        months(data.contractTermMonths()),
        DAY.format(data.neededBy()),
        Words.personalData(data.personalData().name()),
        Words.sso(data.sso().name()),
        data.dataExportSupported()
            ? "The vendor supports exporting our data and deleting it on exit"
            : "The vendor does not support exporting our data and deleting it on exit");
  }

  private BoardPacket.InUse inUseSection(BudgetCase.ToolInUse tool, String currency) {
    return new BoardPacket.InUse(
        tool.toolName(),
        tool.vendor(),
        personName(tool.ownerUser()),
        tool.ownerTeam() == null ? "no team named" : tool.ownerTeam(),
        "%,d".formatted(tool.usersSeen()),
        money(tool.spendSeen() == null ? BigDecimal.ZERO : tool.spendSeen(), currency)
            + " in the last twelve months",
        tool.firstSeen() == null ? "unknown" : DAY.format(tool.firstSeen()),
        tool.sources() == null || tool.sources().isBlank() ? "no source" : tool.sources(),
        tool.personalData() == null ? "Not stated" : Words.personalData(tool.personalData()),
        tool.sso() == null ? "Not stated" : Words.sso(tool.sso()),
        money(tool.annualCost(), currency) + " a year");
  }

  private BoardPacket.Renewal renewalSection(BudgetCase.Renewing renewal, String currency) {
    return new BoardPacket.Renewal(
        renewal.toolName(),
        renewal.vendor(),
        renewal.ownerUser() == null ? "nobody named" : personName(renewal.ownerUser()),
        renewal.contractEnd() == null ? "unknown" : DAY.format(renewal.contractEnd()),
        renewal.currentCost() == null
            ? "unknown"
            : money(renewal.currentCost(), currency) + " a year",
        renewal.seatsBought() == null ? "not recorded" : "%,d".formatted(renewal.seatsBought()),
        renewal.usage() == null || renewal.usage().isBlank() ? "no usage data" : renewal.usage(),
        renewal.nextSeats() == null ? "as today" : "%,d".formatted(renewal.nextSeats()),
        renewal.askedCost() == null ? "unknown" : money(renewal.askedCost(), currency) + " a year",
        money(renewal.nextTermCost(), currency) + " a year",
        renewal.negotiationNote() == null || renewal.negotiationNote().isBlank()
            ? "No note."
            : renewal.negotiationNote(),
        "FY" + renewal.fiscalYear(),
        renewalReview(renewal.marketingDecision(), renewal.marketingBy(), renewal.nextSeats()),
        comment(renewal.marketingComment()),
        renewalReview(renewal.itDecision(), renewal.itBy(), null),
        comment(renewal.itComment()));
  }

  private String renewalReview(String decision, String by, Integer seats) {
    String words =
        decision == null
            ? "Not decided"
            : "RENEW_CHANGED".equals(decision) && seats != null
                ? "Renew with %,d seats".formatted(seats)
                : Words.renewalDecision(decision);
    return by == null ? words : words + ", by " + personName(by);
  }

  private static String comment(String comment) {
    return comment == null || comment.isBlank() ? "No comment." : comment;
  }

  /**
   * What a renewal costs: the negotiated annual cost of the next term, nothing to implement (the
   * tool runs today).
   */
  static BoardPacket.Cost costOfRenewal(BudgetCase.Renewing renewal, String currency) {
    String annual = money(renewal.nextTermCost(), currency);
    return new BoardPacket.Cost(
        annual + " a year",
        money(BigDecimal.ZERO, currency) + " (already in use)",
        annual,
        List.of(
            new BoardPacket.Year(
                renewal.contractEnd() == null
                    ? "Next term"
                    : "Next term, from " + DAY.format(renewal.contractEnd()),
                annual,
                "licence, as negotiated")),
        annual,
        "the next term");
  }

  /**
   * What a tool already in use costs: its annual cost each year it stays, nothing to implement (it
   * runs today), no contract term on record.
   */
  static BoardPacket.Cost costInUse(BigDecimal annualCost, String currency) {
    String annual = money(annualCost, currency);
    return new BoardPacket.Cost(
        annual + " a year",
        money(BigDecimal.ZERO, currency) + " (already in use)",
        annual,
        List.of(new BoardPacket.Year("Each year in use", annual, "licence")),
        annual,
        "a year in use (no contract on record)");
  }

  /**
   * Assembles the packet for a board cycle: a request is then in BOARD_REVIEW (a finding stays
   * IN_REVIEW: its statuses have no board step; a renewal is in BOARD_REVIEW from its draft on).
   * The text version is fitted to a String variable; the sections are kept whole as JSON.
   */
  public BoardPacket assemble(String caseId) {
    BoardPacket packet = packet(caseId);
    if (packet.request() != null) {
      registry.setStatus(caseId, RequestStatus.BOARD_REVIEW);
    }
    LOG.info("Case {}: board packet assembled", caseId);
    return packet;
  }

  /** The cost per year of the contract: the licence each year (pro rata), implementation once. */
  static BoardPacket.Cost cost(PurchaseRequest.IntakeData data, String currency) {
    int months = data.contractTermMonths();
    BigDecimal annual = data.annualLicenseCost();
    List<BoardPacket.Year> years = new ArrayList<>();
    BigDecimal total = data.implementationCost();
    for (int year = 1, left = months; left > 0; year++, left -= 12) {
      int inYear = Math.min(12, left);
      BigDecimal licence =
          annual
              .multiply(BigDecimal.valueOf(inYear))
              .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
      BigDecimal amount = year == 1 ? licence.add(data.implementationCost()) : licence;
      total = total.add(licence);
      years.add(
          new BoardPacket.Year(
              "Year " + year + (inYear < 12 ? " (" + months(inYear) + ")" : ""),
              money(amount, currency),
              year == 1
                  ? "licence %s + implementation %s"
                      .formatted(
                          money(licence, currency), money(data.implementationCost(), currency))
                  : "licence"));
    }
    return new BoardPacket.Cost(
        money(annual, currency) + " a year",
        money(data.implementationCost(), currency) + " once",
        money(data.totalFirstYearCost(), currency),
        years,
        money(total, currency),
        months(months));
  }

  /** The packet as text for the mail and the String variable, fitted to what it holds. */
  public static String text(BoardPacket packet) {
    var r = packet.request();
    var u = packet.inUse();
    var n = packet.renewal();
    var c = packet.cost();
    List<String> parts = new ArrayList<>();
    if (n != null) {
      parts.add(
          """
          %s
          Owned by %s; the contract ends %s at %s, %s seats bought; %s.
          The next term costs %s (the vendor asked %s), on the marketing line of %s.
          Marketing leadership: %s. IT leadership: %s."""
              .formatted(
                  packet.title(),
                  n.owner(),
                  n.contractEnds(),
                  n.currentCost(),
                  n.seatsBought(),
                  n.usage(),
                  n.nextTermCost(),
                  n.askedCost(),
                  n.fiscalYear(),
                  n.marketingReview() + " — " + n.marketingComment(),
                  n.itReview() + " — " + n.itComment()));
    } else if (r != null) {
      parts.add(
          """
          %s
          Requested by %s for: %s
          Total over %s: %s (first year %s).
          %s; %s; %s."""
              .formatted(
                  packet.title(),
                  r.requestedBy(),
                  r.capabilities(),
                  c.term(),
                  c.totalOverTerm(),
                  c.firstYear(),
                  r.personalData(),
                  r.sso(),
                  r.dataExport()));
    } else {
      parts.add(
          """
          %s
          Owned by %s (%s); %s users seen, %s spent, first seen %s, seen in: %s.
          Adopting it commits %s.
          %s; %s."""
              .formatted(
                  packet.title(),
                  u.owner(),
                  u.team(),
                  u.usersSeen(),
                  u.spendSeen(),
                  u.firstSeen(),
                  u.seenIn(),
                  u.annualCost(),
                  u.personalData(),
                  u.sso()));
    }
    parts.add(
        "Tools we own that overlap: "
            + (packet.ownedOverlaps().isEmpty()
                ? "none."
                : packet.ownedOverlaps().size() + ", listed in the board packet PDF."));
    parts.add(
        packet.budget().verdict()
            + (packet.proposal() == null
                ? ""
                : " The leaderships propose raising marketing by %s and IT by %s (%s in all): %s"
                    .formatted(
                        packet.proposal().marketingRaise(),
                        packet.proposal().itRaise(),
                        packet.proposal().total(),
                        packet.proposal().justification())));
    packet
        .reviews()
        .forEach(
            review ->
                parts.add(
                    "%s: %s by %s — %s"
                        .formatted(
                            review.step(), review.decision(), review.by(), review.comment())));
    if (r != null) {
      parts.add("Why: " + r.businessJustification());
    }
    return BoundedText.shared(parts, "\n\n", BoundedText.MAX_STRING);
  }

  static String money(BigDecimal amount, String currency) {
    return com.tandem.request.Money.format(amount, currency);
  }

  private static String months(int months) {
    return months == 12
        ? "12 months (1 year)"
        : months % 12 == 0
            ? "%d months (%d years)".formatted(months, months / 12)
            : months + (months == 1 ? " month" : " months");
  }

  /** The person's first and last name as Camunda knows them, else their user id. */
  private String personName(String userId) {
    return userId == null ? "unknown" : people.userName(userId);
  }
}
