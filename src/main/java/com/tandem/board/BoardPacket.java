package com.tandem.board;

import java.util.List;

/**
 * The board packet of one case, in words and formatted money, section by section: what the board's
 * form shows (as the JSON variable {@code boardPacketView}) and what the PDF prints. Built afresh
 * from Tandem's tables and the case's process history by {@link BoardPackets}. A purchase request
 * has its {@link Request} section; a tool found in use being adopted has its {@link InUse} section
 * instead, an owned tool's renewal its {@link Renewal} section (the others are null).
 *
 * @param requestId the case id: a request's ({@code MTR-…}), a finding's ({@code SIT-…}) or a
 *     renewal's ({@code REN-…})
 */
public record BoardPacket(
    String requestId,
    String title,
    Request request,
    InUse inUse,
    Renewal renewal,
    Cost cost,
    List<OwnedTool> ownedOverlaps,
    List<OpenRequest> openRequests,
    String newToolJustification,
    List<Review> reviews,
    Budget budget,
    Proposal proposal) {

  /** The request as the requester filled it in, in words. */
  public record Request(
      String toolName,
      String vendor,
      String vendorUrl,
      String requestedBy,
      String capabilities,
      String integrations,
      String businessJustification,
      String seats,
      String term,
      String neededBy,
      String personalData,
      String sso,
      String dataExport) {}

  /**
   * A tool found in use without a purchase request (a shadow-IT finding) that IT leadership adopts:
   * what discovery saw of it, who owns it, and what adopting it commits.
   */
  public record InUse(
      String toolName,
      String vendor,
      String owner,
      String team,
      String usersSeen,
      String spendSeen,
      String firstSeen,
      String seenIn,
      String personalData,
      String sso,
      String annualCost) {}

  /**
   * An owned tool whose next term does not fit its budget line: its current contract, seats bought
   * against users seen, what the next term costs, and what both leaderships decided at renewal.
   */
  public record Renewal(
      String toolName,
      String vendor,
      String owner,
      String contractEnds,
      String currentCost,
      String seatsBought,
      String usage,
      String nextSeats,
      String askedCost,
      String nextTermCost,
      String negotiationNote,
      String fiscalYear,
      String marketingReview,
      String marketingComment,
      String itReview,
      String itComment) {}

  /** What the tool costs: per year of the contract and in all. */
  public record Cost(
      String annualLicense,
      String implementation,
      String firstYear,
      List<Year> years,
      String totalOverTerm,
      String term) {}

  /** One year of the contract and what it costs in it. */
  public record Year(String label, String amount, String made) {}

  /** A tool we own that overlaps: what it covers, what it costs, who owns it. */
  public record OwnedTool(
      String name, String vendor, String why, String annualCost, String owner, String renewal) {}

  /** Another open request for the same capability or vendor. */
  public record OpenRequest(
      String requestId,
      String toolName,
      String vendor,
      String why,
      String requestedBy,
      String status) {}

  /** One decision of the request's log, with its checklist where the step has one. */
  public record Review(
      String step, String decision, String by, String at, String comment, List<Check> checklist) {}

  /** One item of a reviewer's checklist and its result. */
  public record Check(String item, String result) {}

  /** The budget situation, per line, in the fiscal year the request falls in. */
  public record Budget(String fiscalYear, List<Line> lines, String shortfall, String verdict) {}

  /** One budget line: what it has, what this request needs of it, what it lacks. */
  public record Line(
      String line,
      String amount,
      String held,
      String committed,
      String available,
      String needed,
      String shortfall,
      String proposedRaise) {}

  /** The joint proposal of the leaderships, per line; null fields when there is none yet. */
  public record Proposal(
      String marketingRaise,
      String itRaise,
      String total,
      String justification,
      String cosignedBy,
      String cosignComment) {}
}
