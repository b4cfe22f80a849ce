package com.tandem.discovery;

import java.util.EnumSet;
import java.util.Set;

/** The statuses of a shadow-IT finding (PRODUCT.md §5); the last four are final. */
public enum FindingStatus {
  DISCOVERED,
  IN_REVIEW,
  OFFBOARDING,
  ADOPTED,
  REPLACED,
  RETIRED,
  DISMISSED;

  private static final Set<FindingStatus> FINAL = EnumSet.of(ADOPTED, REPLACED, RETIRED, DISMISSED);

  public boolean isFinal() {
    return FINAL.contains(this);
  }
}
