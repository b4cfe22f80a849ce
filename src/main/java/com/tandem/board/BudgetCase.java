package com.tandem.board;

import com.tandem.budget.RequestBudget;
import com.tandem.request.PurchaseRequest;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A case that comes before the joint budget proposal and the board (PRODUCT.md §2.6–7): a purchase
 * request ({@code MTR-…}) or a tool found in use that IT leadership adopts ({@code SIT-…}, §5).
 * What the proposal, the board packet, the board's mail and the raise need of it, whichever it is:
 * its tool, what it asks of which budget line in which fiscal year, and what the board reads about
 * it instead of a requester's intake when there is none.
 *
 * @param needs what it asks of the lines: licence on MARKETING, implementation on IT, one year
 * @param request the purchase request, or null for a tool in use
 * @param inUse what is known of the tool in use, or null for a purchase request
 */
public record BudgetCase(
    String id,
    String toolName,
    String vendor,
    String currency,
    RequestBudget needs,
    PurchaseRequest request,
    ToolInUse inUse) {

  /** A purchase request: the board reads its intake. */
  public static BudgetCase of(PurchaseRequest request, RequestBudget needs) {
    var data = request.data();
    return new BudgetCase(
        request.id(), data.toolName(), data.vendor(), data.currency(), needs, request, null);
  }

  /** A tool in use being adopted: the board reads what discovery saw and who owns it. */
  public static BudgetCase of(ToolInUse tool, RequestBudget needs, String currency) {
    return new BudgetCase(
        needs.requestId(), tool.toolName(), tool.vendor(), currency, needs, null, tool);
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
}
