package com.tandem.renewal;

/** Where a renewal stands; the last four are its outcomes. */
public enum RenewalStatus {
  IN_REVIEW,
  NEGOTIATION,
  BOARD_REVIEW,
  OFFBOARDING,
  RENEWED,
  /** The notice date passed without both decisions: the contract renewed by itself. */
  RENEWED_WITHOUT_REVIEW,
  RETIRED,
  /**
   * A contract that does not renew by itself ended without both decisions: the tool was offboarded.
   */
  LAPSED;

  public boolean isOutcome() {
    return this == RENEWED || this == RENEWED_WITHOUT_REVIEW || this == RETIRED || this == LAPSED;
  }
}
