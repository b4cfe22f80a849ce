package com.tandem.request;

import java.util.EnumSet;
import java.util.Set;

/** The statuses of PRODUCT.md §2; the last four are final. */
public enum RequestStatus {
  SUBMITTED,
  AWAITING_REQUESTER,
  IN_REVIEW,
  BUDGET_PROPOSAL,
  BOARD_REVIEW,
  NEGOTIATION,
  ONBOARDING,
  ACTIVE,
  REJECTED,
  WITHDRAWN,
  REDIRECTED;

  private static final Set<RequestStatus> FINAL =
      EnumSet.of(ACTIVE, REJECTED, WITHDRAWN, REDIRECTED);

  public boolean isFinal() {
    return FINAL.contains(this);
  }

  /** The requester may withdraw until onboarding starts (so also during negotiation). */
  public boolean isWithdrawable() {
    return !isFinal() && this != ONBOARDING;
  }
}
