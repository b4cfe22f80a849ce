package com.tandem.shadowit;

/** The statuses of a shadow-IT finding (PRODUCT.md §5), as this process sets them. */
public enum FindingStatus {
  DISCOVERED,
  IN_REVIEW,
  OFFBOARDING,
  ADOPTED,
  REPLACED,
  RETIRED,
  DISMISSED
}
