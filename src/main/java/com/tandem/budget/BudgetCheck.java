package com.tandem.budget;

import java.math.BigDecimal;

/**
 * The outcome of checking a request against the lines of a fiscal year: what each line has
 * available to the request and what it lacks (zero when it fits).
 */
public record BudgetCheck(
    int fiscalYear,
    BigDecimal marketingRequired,
    BigDecimal marketingAvailable,
    BigDecimal itRequired,
    BigDecimal itAvailable) {

  public BigDecimal marketingShortfall() {
    return marketingRequired.subtract(marketingAvailable).max(BigDecimal.ZERO);
  }

  public BigDecimal itShortfall() {
    return itRequired.subtract(itAvailable).max(BigDecimal.ZERO);
  }

  public BigDecimal totalShortfall() {
    return marketingShortfall().add(itShortfall());
  }

  public boolean sufficient() {
    return totalShortfall().signum() == 0;
  }
}
