package com.tandem.insights;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Renewals (PRODUCT.md §7) as Insights shows them: the contracts whose notice date comes within the
 * next days, and how many tools were renewed without review. Insights shows them when a bean of
 * this type exists, and says "not yet available" otherwise.
 */
public interface RenewalFigures {

  /** Contracts whose notice date falls on or before {@code until}, soonest first. */
  List<DueRenewal> dueUntil(LocalDate until);

  /** Tools renewed without a decision by their notice date, in the fiscal year's range. */
  long renewedWithoutReview(LocalDate from, LocalDate untilExclusive);

  /** A contract to decide on. */
  record DueRenewal(
      long toolId,
      String toolName,
      String vendor,
      LocalDate noticeDate,
      LocalDate contractEnd,
      BigDecimal annualCost,
      String currency,
      boolean underReview) {}
}
