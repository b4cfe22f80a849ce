package com.tandem.web;

import com.tandem.request.TandemGroups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The authenticated caller of an API call: a Camunda user and their groups. What each role may do
 * is decided here, in one place, so the controllers read as the role table of docs/api.md.
 */
public record ApiCaller(String userId, List<String> groups) {

  /**
   * The request attribute under which a sign-in made before {@link ApiAuthenticationFilter} (the
   * identity provider's bearer token or browser session, profile {@code oidc}) hands over the
   * caller. Request attributes are set by the server only, never by what a client sends.
   */
  public static final String SIGNED_IN = ApiCaller.class.getName() + ".SIGNED_IN";

  /** The caller {@link ApiAuthenticationFilter} signed in for this request. */
  public static ApiCaller current(IdentityService identityService) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      // The filter guards every /api path; reaching here unauthenticated is a wiring error.
      throw new IllegalStateException("No authenticated caller");
    }
    List<String> groups =
        authentication.getGroupIds() == null
            ? List.of()
            : List.copyOf(authentication.getGroupIds());
    return new ApiCaller(authentication.getUserId(), groups);
  }

  public boolean isAdmin() {
    return groups.contains(TandemGroups.CAMUNDA_ADMIN);
  }

  public boolean isRequester() {
    return groups.contains(TandemGroups.MARKETING);
  }

  /** Groups whose role is to review, decide on or onboard requests: they read every request. */
  public boolean isReviewer() {
    return groups.stream()
        .anyMatch(
            g -> TandemGroups.BUSINESS_GROUPS.contains(g) && !TandemGroups.MARKETING.equals(g));
  }

  public boolean maySubmit() {
    return isAdmin() || isRequester();
  }

  public boolean mayReadAllRequests() {
    return isAdmin() || isReviewer();
  }

  public boolean mayRead(String requester) {
    return mayReadAllRequests() || userId.equals(requester);
  }

  /** Only the requester themself or an admin withdraws: reviewers decide, they do not withdraw. */
  public boolean mayWithdraw(String requester) {
    return isAdmin() || (isRequester() && userId.equals(requester));
  }

  /** Negotiation savings: the leaderships, the board, IT operations (who negotiate), admins. */
  public boolean mayReadSavings() {
    return mayReadBudgets() || groups.contains(TandemGroups.IT_OPERATIONS);
  }

  /** Budgets are the leadership's and the board's business (and the admins'). */
  public boolean mayReadBudgets() {
    return isAdmin()
        || groups.contains(TandemGroups.MARKETING_LEADERSHIP)
        || groups.contains(TandemGroups.IT_LEADERSHIP)
        || groups.contains(TandemGroups.BOARD);
  }

  /**
   * The insights of {@code /insights} and {@code /api/insights/**} (PRODUCT.md §8): marketing and
   * IT leadership, the board and admins, the same people who read budgets. The page's link and the
   * API's answer both ask here.
   */
  public boolean mayReadInsights() {
    return mayReadBudgets();
  }

  /**
   * Tasklist holds work for every business group: reviews for the reviewing groups, questions for
   * requesters. Administrators see everything there too.
   */
  public boolean mayWorkInTasklist() {
    return isAdmin() || groups.stream().anyMatch(TandemGroups.BUSINESS_GROUPS::contains);
  }

  /** Cockpit and Admin, Camunda's operating and user webapps: administrators only. */
  public boolean mayOperate() {
    return isAdmin();
  }

  /** Discovery imports and pushes (PRODUCT.md §5): IT operations, IT leadership and admins. */
  public boolean mayImportDiscoveries() {
    return isAdmin()
        || groups.contains(TandemGroups.IT_OPERATIONS)
        || groups.contains(TandemGroups.IT_LEADERSHIP);
  }

  /** Findings are read by those who import them and by marketing leadership, who owns them. */
  public boolean mayReadDiscoveries() {
    return mayImportDiscoveries() || groups.contains(TandemGroups.MARKETING_LEADERSHIP);
  }
}
