package com.tandem.budget;

import java.time.LocalDate;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.budget.*}: the one currency all money is in, and the month a fiscal year starts. A
 * fiscal year is named by the calendar year in which it ends, so with a start in July the year from
 * July 2025 to June 2026 is fiscal year 2026; with the default start in January it is the calendar
 * year.
 */
@ConfigurationProperties("tandem.budget")
public record BudgetProperties(
    @DefaultValue("USD") String currency, @DefaultValue("1") int fiscalYearStartMonth) {

  public BudgetProperties {
    Objects.requireNonNull(currency, "tandem.budget.currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException(
          "tandem.budget.currency must be an ISO 4217 code like USD, not " + currency);
    }
    if (fiscalYearStartMonth < 1 || fiscalYearStartMonth > 12) {
      throw new IllegalArgumentException(
          "tandem.budget.fiscal-year-start-month must be 1 to 12, not " + fiscalYearStartMonth);
    }
  }

  /** The fiscal year {@code date} falls in. */
  public int fiscalYearOf(LocalDate date) {
    boolean startsInJanuary = fiscalYearStartMonth == 1;
    return startsInJanuary || date.getMonthValue() < fiscalYearStartMonth
        ? date.getYear()
        : date.getYear() + 1;
  }
}
