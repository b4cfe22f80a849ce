package com.tandem.board;

import com.tandem.budget.RequestBudget;
import com.tandem.request.PurchaseRequest;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A case that comes before the joint budget proposal and the board (PRODUCT.md §2.6–7): a purchase
 * request ({@code MTR-…}), a tool found in use that IT leadership adopts ({@code SIT-…}, §5) or an
 * owned tool whose next term does not fit its budget line ({@code REN-…}, §7). What the proposal,
 * the board packet, the board's mail and the raise need of it, whichever it is: its tool, what it
 * asks of which budget line in which fiscal year, and what the board reads about it instead of a
 * requester's intake when there is none. Exactly one of {@code request}, {@code inUse} and {@code
 * renewing} is set.
 *
 * @param needs what it asks of the lines: licence on MARKETING, implementation on IT, one year
 * @param request the purchase request, or null for another kind of case
 * @param inUse what is known of the tool in use, or null for another kind of case
 * @param renewing the renewal of an owned tool, or null for another kind of case
 */
public record BudgetCase(
    String id,
    String toolName,
    String vendor,
    String currency,
    RequestBudget needs,
    PurchaseRequest request,
    ToolInUse inUse,
    Renewing renewing) {

  /** A purchase request: the board reads its intake. */
  public static BudgetCase of(PurchaseRequest request, RequestBudget needs) {
    var data = request.data();
    return new BudgetCase(
        request.id(), data.toolName(), data.vendor(), data.currency(), needs, request, null, null);
  }

  /** A tool in use being adopted: the board reads what discovery saw and who owns it. */
  public static BudgetCase of(ToolInUse tool, RequestBudget needs, String currency) {
    return new BudgetCase(
        needs.requestId(), tool.toolName(), tool.vendor(), currency, needs, null, tool, null);
  }

  /** An owned tool's renewal: the board reads its contract, its usage and both renewal reviews. */
  public static BudgetCase of(Renewing renewal, RequestBudget needs, String currency) {
    return new BudgetCase(
        needs.requestId(),
        renewal.toolName(),
        renewal.vendor(),
        currency,
        needs,
        null,
        null,
        renewal);
  }

  /**
   * A tool found in use without a purchase request (a shadow-IT finding), as its review knows it:
   * the evidence its reviewers and the board see instead of a requester's justification.
   *
   * @param ownerUser the owner the CMO's office assigned (a user id)
   * @param sources where it was seen, in words ("SSO (identity provider), Expense reports")
   * @param spendSeen the money seen spent on it over the last twelve months
   * @param annualCost what adopting it commits each year, as IT leadership stated it
   */
  public record ToolInUse(
      String toolName,
      String vendor,
      String ownerUser,
      String ownerTeam,
      long usersSeen,
      BigDecimal spendSeen,
      String sources,
      LocalDate firstSeen,
      String personalData,
      String sso,
      BigDecimal annualCost) {}

  /**
   * An owned tool whose contract is up for renewal (PRODUCT.md §7), as its renewal knows it when
   * the next term does not fit the budget line: the current contract, the usage discovery saw, what
   * both leaderships decided and what procurement negotiated.
   *
   * @param ownerUser the tool's owner (a user id), or null when none is recorded
   * @param usage seats bought against users seen, in words
   * @param nextSeats the seats of the next term (changed by marketing, or as bought), or null
   * @param askedCost what the vendor asked for the next term, a year
   * @param nextTermCost what was negotiated for the next term, a year: what the line must carry
   * @param fiscalYear the fiscal year the next term starts in, whose line carries it
   * @param marketingDecision marketing leadership's renewal decision (RENEW, RENEW_CHANGED)
   * @param itDecision IT leadership's (APPROVE)
   */
  public record Renewing(
      String toolName,
      String vendor,
      String ownerUser,
      LocalDate contractEnd,
      BigDecimal currentCost,
      Integer seatsBought,
      String usage,
      Integer nextSeats,
      BigDecimal askedCost,
      BigDecimal nextTermCost,
      String negotiationNote,
      int fiscalYear,
      String marketingDecision,
      String marketingBy,
      String marketingComment,
      String itDecision,
      String itBy,
      String itComment) {}
}
