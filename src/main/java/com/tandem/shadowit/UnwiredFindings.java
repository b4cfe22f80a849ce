package com.tandem.shadowit;

import org.springframework.stereotype.Component;

/**
 * The place where discovery's findings are plugged in: until the {@code discovery} feature's
 * service is wired here, every step that needs a finding fails with this message, which Cockpit
 * shows on the incident (retrying is safe once the wiring is in place). Replace this bean with an
 * adapter of {@code discovery.FindingService}.
 */
@Component
class UnwiredFindings implements Findings {

  @Override
  public FindingSummary describe(String findingId) {
    throw unwired(findingId);
  }

  @Override
  public void setStatus(String findingId, FindingStatus status, String reason) {
    throw unwired(findingId);
  }

  private static IllegalStateException unwired(String findingId) {
    return new IllegalStateException(
        "Finding " + findingId + ": the shadow-IT review is not connected to discovery's findings");
  }
}
