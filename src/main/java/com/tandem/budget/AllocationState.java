package com.tandem.budget;

/** State of a request's allocation on a line. */
public enum AllocationState {
  HELD,
  COMMITTED,
  RELEASED
}
