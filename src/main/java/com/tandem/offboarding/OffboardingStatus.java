package com.tandem.offboarding;

/**
 * Where an offboarding stands: running, done (the tool is retired), or cancelled by an operator.
 */
public enum OffboardingStatus {
  RUNNING,
  RETIRED,
  CANCELLED
}
