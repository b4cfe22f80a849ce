package com.tandem.inventory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.tandem.web.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract of a tool (PRODUCT.md §7): its current term, the notice period before its end by
 * which a renewal must be cancelled, whether it renews by itself, what it costs a year and how many
 * seats it buys. {@code seatsBought} is null when nobody recorded it.
 */
public record ToolContract(
    LocalDate contractStart,
    LocalDate contractEnd,
    int noticePeriodDays,
    boolean autoRenews,
    BigDecimal annualCost,
    Integer seatsBought) {

  /** The notice period most contracts have, and the one a tool gets unless told otherwise. */
  public static final int DEFAULT_NOTICE_PERIOD_DAYS = 90;

  /** The last day a renewal can still be cancelled: {@code contractEnd − noticePeriodDays}. */
  @JsonProperty("noticeDate")
  public LocalDate noticeDate() {
    return contractEnd == null ? null : contractEnd.minusDays(noticePeriodDays);
  }

  /** The length of one term (start to end); a year when the start is unknown. */
  public Period term() {
    if (contractStart == null || contractEnd == null || !contractEnd.isAfter(contractStart)) {
      return Period.ofYears(1);
    }
    Period term = Period.between(contractStart, contractEnd);
    // a term of 11 months and 30 days is a year that started on the 31st: count whole months
    long months = term.toTotalMonths() + (term.getDays() >= 28 ? 1 : 0);
    return months > 0 ? Period.ofMonths((int) months) : Period.ofYears(1);
  }

  /** The next term: it starts when this one ends and lasts as long. */
  public ToolContract nextTerm(BigDecimal newAnnualCost, Integer newSeats) {
    return new ToolContract(
        contractEnd,
        contractEnd.plus(term()),
        noticePeriodDays,
        autoRenews,
        newAnnualCost,
        newSeats);
  }

  /** What is wrong with this contract, field by field, in words; empty when it is valid. */
  public List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (contractStart == null) {
      problems.add(new FieldProblem("contractStart", "must be a date (yyyy-mm-dd)"));
    }
    if (contractEnd == null) {
      problems.add(new FieldProblem("contractEnd", "must be a date (yyyy-mm-dd)"));
    }
    if (contractStart != null && contractEnd != null && !contractEnd.isAfter(contractStart)) {
      problems.add(
          new FieldProblem(
              "contractEnd",
              "must be after the contract start (%s), not %s"
                  .formatted(contractStart, contractEnd)));
    }
    if (noticePeriodDays < 0) {
      problems.add(new FieldProblem("noticePeriodDays", "must be 0 or more days"));
    } else if (noticePeriodDays > 3650) {
      problems.add(new FieldProblem("noticePeriodDays", "must be at most 3650 days"));
    }
    if (annualCost == null) {
      problems.add(new FieldProblem("annualCost", "must be an amount (0 or more)"));
    } else if (annualCost.signum() < 0) {
      problems.add(new FieldProblem("annualCost", "must be 0 or more, not " + annualCost));
    } else if (annualCost.compareTo(new BigDecimal("1000000000")) >= 0) {
      problems.add(new FieldProblem("annualCost", "must be less than 1 000 000 000"));
    } else if (annualCost.stripTrailingZeros().scale() > 2) {
      problems.add(new FieldProblem("annualCost", "must have at most 2 decimals"));
    }
    if (seatsBought != null && (seatsBought < 0 || seatsBought > 10_000_000)) {
      problems.add(new FieldProblem("seatsBought", "must be between 0 and 10 000 000"));
    }
    return problems;
  }
}
