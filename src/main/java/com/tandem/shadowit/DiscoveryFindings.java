package com.tandem.shadowit;

import com.tandem.budget.BudgetProperties;
import com.tandem.discovery.DiscoverySource;
import com.tandem.discovery.FindingService;
import com.tandem.discovery.Spend;
import java.math.BigDecimal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The findings of discovery, as the shadow-IT review sees them. Spend is shown in the budget's
 * currency, the one the budget lines and the routing decision count in; spend discovery saw in
 * other currencies (a card statement may mix them) is not converted and stays visible in {@code GET
 * /api/discoveries}.
 */
@Component
class DiscoveryFindings implements Findings {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryFindings.class);
  private final FindingService findings;
  private final String currency;

  DiscoveryFindings(FindingService findings, BudgetProperties budget) {
    this.findings = findings;
    this.currency = budget.currency();
  }

  @Override
  public FindingSummary describe(String findingId) {
    var summary =
        findings
            .summary(findingId)
            .orElseThrow(() -> new IllegalStateException("No shadow-IT finding " + findingId));
    BigDecimal spend =
        summary.spendSeen().stream()
            .filter(seen -> seen.currency().equals(currency))
            .map(Spend::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new FindingSummary(
        summary.id(),
        summary.vendor(),
        summary.applications().isEmpty() ? summary.vendor() : summary.applications().get(0),
        summary.sources().stream().map(DiscoverySource::name).toList(),
        summary.usersSeen(),
        spend,
        currency,
        summary.firstSeen());
  }

  @Override
  public void setStatus(String findingId, FindingStatus status, String reason) {
    findings.setStatus(findingId, com.tandem.discovery.FindingStatus.valueOf(status.name()));
    if (reason != null) {
      LOG.info("Finding {} is {}: {}", findingId, status, reason);
    }
  }
}
