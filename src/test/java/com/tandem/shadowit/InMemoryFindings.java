package com.tandem.shadowit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Findings as the tests set them up, standing in for discovery's: what is known of each, its status
 * and the reason given with it, and every status it went through. Findings it does not know (those
 * of the demo samples, imported at start) are discovery's own.
 */
class InMemoryFindings implements Findings {

  record Finding(FindingSummary summary, FindingStatus status, String reason) {}

  private final Map<String, Finding> findings = new ConcurrentHashMap<>();
  private final Findings others;

  /**
   * @param others the findings this stand-in does not know, e.g. the demo data's
   */
  InMemoryFindings(Findings others) {
    this.others = others;
  }

  private final Map<String, List<FindingStatus>> history = new ConcurrentHashMap<>();

  /** A new DISCOVERED finding. */
  FindingSummary discovered(
      String findingId, String vendor, String application, long users, String spend) {
    var summary =
        new FindingSummary(
            findingId,
            vendor,
            application,
            List.of("SSO", "EXPENSE"),
            users,
            new BigDecimal(spend),
            "USD",
            LocalDate.of(2026, 3, 2));
    findings.put(findingId, new Finding(summary, FindingStatus.DISCOVERED, null));
    history.put(findingId, new ArrayList<>(List.of(FindingStatus.DISCOVERED)));
    return summary;
  }

  Finding get(String findingId) {
    return findings.get(findingId);
  }

  List<FindingStatus> statuses(String findingId) {
    return List.copyOf(history.get(findingId));
  }

  @Override
  public FindingSummary describe(String findingId) {
    Finding finding = findings.get(findingId);
    return finding == null ? others.describe(findingId) : finding.summary();
  }

  @Override
  public void setStatus(String findingId, FindingStatus status, String reason) {
    Finding finding = findings.get(findingId);
    if (finding == null) {
      others.setStatus(findingId, status, reason);
      return;
    }
    if (finding.status() != status) {
      history.get(findingId).add(status);
    }
    findings.put(findingId, new Finding(finding.summary(), status, reason));
  }
}
