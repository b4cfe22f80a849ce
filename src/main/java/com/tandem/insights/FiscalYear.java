package com.tandem.insights;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A fiscal year as a half-open range of days, named by the calendar year it ends in (as {@code
 * tandem.budget.fiscal-year-start-month} defines it for the budget lines).
 */
record FiscalYear(int year, LocalDate start, LocalDate end) {

  static FiscalYear of(int year, int startMonth) {
    LocalDate start = LocalDate.of(startMonth == 1 ? year : year - 1, startMonth, 1);
    return new FiscalYear(year, start, start.plusYears(1));
  }

  LocalDateTime from() {
    return start.atStartOfDay();
  }

  LocalDateTime until() {
    return end.atStartOfDay();
  }

  /** The twelve months of the year, in order. */
  List<YearMonth> months() {
    List<YearMonth> months = new ArrayList<>(12);
    for (YearMonth m = YearMonth.from(start);
        m.isBefore(YearMonth.from(end));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** The last day of the year. */
  LocalDate lastDay() {
    return end.minusDays(1);
  }
}
