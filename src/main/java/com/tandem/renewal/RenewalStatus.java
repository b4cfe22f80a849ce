package com.tandem.renewal;

/** Where a renewal stands; the last three are its outcomes. */
public enum RenewalStatus {
  IN_REVIEW,
  NEGOTIATION,
  BOARD_REVIEW,
  OFFBOARDING,
  RENEWED,
  /** The notice date passed without both decisions: the contract renewed by itself. */
  RENEWED_WITHOUT_REVIEW,
  RETIRED;

  public boolean isOutcome() {
    return this == RENEWED || this == RENEWED_WITHOUT_REVIEW || this == RETIRED;
  }
}
