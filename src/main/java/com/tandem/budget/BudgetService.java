package com.tandem.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Budget lines per fiscal year and owner, with the holds and commitments of requests. Tandem ships
 * a database-backed implementation; a company's finance system can be plugged in instead
 * (docs/plug-in-services.md).
 *
 * <p>All money is {@link BigDecimal} in the configured currency. Every method that changes
 * something is idempotent per request: a retried call never holds, raises or commits twice.
 */
public interface BudgetService {

  /**
   * The fiscal year a date falls in (configured by {@code tandem.budget.fiscal-year-start-month}).
   */
  int fiscalYearOf(LocalDate date);

  /** The lines of a fiscal year with amount, held, committed and available. */
  List<BudgetLine> lines(int fiscalYear);

  /**
   * Whether the request's amounts fit the lines of {@code fiscalYear}: {@code marketing} on the
   * MARKETING line, {@code it} on the IT line. Holds the request already placed count as available
   * to it. A missing line has nothing available.
   */
  BudgetCheck check(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it);

  /**
   * Places the request's holds on both lines, atomically and only if both fit (a check under lock).
   * Idempotent: holds already placed by the request are kept, not doubled.
   *
   * @return the check made; {@link BudgetCheck#sufficient()} false means nothing was held
   */
  BudgetCheck placeHolds(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it);

  /**
   * Raises each line of {@code fiscalYear} by what the request lacks on it (its shortfall), as the
   * board approved, creating a missing line. Idempotent per request and line.
   */
  void raiseForShortfall(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it);

  /**
   * Raises each line of {@code fiscalYear} by exactly the amount the board approved for it (the
   * joint proposal's amount per line), creating a missing line. Idempotent per request and line.
   */
  void raiseBy(String requestId, int fiscalYear, BigDecimal marketingRaise, BigDecimal itRaise);

  /**
   * Shrinks the request's holds on the lines of {@code fiscalYear} to the negotiated amounts (never
   * grows them). Idempotent.
   */
  void shrinkHolds(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it);

  /**
   * Commits the amounts on the lines of {@code fiscalYear} whether they fit or not: money already
   * spent (a contract that renewed by itself), which no check can refuse any more. A line without
   * the money goes over: its available becomes negative, which {@link #lines} and the budget
   * insight show. A missing line is created with amount 0. Idempotent per request and line: an
   * amount the request committed there stays as it is; one it holds becomes the commitment.
   *
   * @return the lines as they stood for the request before: a shortfall is how far a line went over
   */
  BudgetCheck commitSpent(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it);

  /** Turns the request's holds into commitments. Idempotent. */
  void commit(String requestId);

  /** Releases every hold the request placed; commitments are kept. Idempotent. */
  void release(String requestId);

  /**
   * Releases what the request holds or has committed on the lines of fiscal years after {@code
   * fiscalYear} (a retired tool costs nothing in the years after its retirement); the years up to
   * it keep their commitments: that money was spent. Idempotent.
   *
   * @return how many allocations were released by this call
   */
  int releaseAfter(String requestId, int fiscalYear);

  /** The request's allocations (held, committed or released). */
  List<BudgetAllocation> allocations(String requestId);
}
