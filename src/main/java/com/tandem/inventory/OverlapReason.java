package com.tandem.inventory;

/** Why an owned tool overlaps with a request. */
public enum OverlapReason {
  /** It covers a requested capability. */
  CAPABILITY,
  /** It comes from the same vendor. */
  VENDOR
}
