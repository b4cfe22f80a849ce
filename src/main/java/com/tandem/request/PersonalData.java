package com.tandem.request;

/** Category of personal data a tool processes. */
public enum PersonalData {
  NONE,
  PSEUDONYMOUS,
  PERSONAL,
  SENSITIVE;

  /** PERSONAL and SENSITIVE data always need the privacy review. */
  public boolean needsPrivacyReview() {
    return this == PERSONAL || this == SENSITIVE;
  }
}
