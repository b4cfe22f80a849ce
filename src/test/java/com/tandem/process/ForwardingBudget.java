package com.tandem.process;

import com.tandem.budget.BudgetAllocation;
import com.tandem.budget.BudgetCheck;
import com.tandem.budget.BudgetLine;
import com.tandem.budget.BudgetService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Hands every call to the real budget service; a test overrides the call it wants to break. */
class ForwardingBudget implements BudgetService {

  private final BudgetService real;

  ForwardingBudget(BudgetService real) {
    this.real = real;
  }

  @Override
  public int fiscalYearOf(LocalDate date) {
    return real.fiscalYearOf(date);
  }

  @Override
  public List<BudgetLine> lines(int fiscalYear) {
    return real.lines(fiscalYear);
  }

  @Override
  public BudgetCheck check(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    return real.check(requestId, fiscalYear, marketing, it);
  }

  @Override
  public BudgetCheck commitSpent(
      String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    return real.commitSpent(requestId, fiscalYear, marketing, it);
  }

  @Override
  public BudgetCheck placeHolds(
      String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    return real.placeHolds(requestId, fiscalYear, marketing, it);
  }

  @Override
  public void raiseBy(
      String requestId, int fiscalYear, BigDecimal marketingRaise, BigDecimal itRaise) {
    real.raiseBy(requestId, fiscalYear, marketingRaise, itRaise);
  }

  @Override
  public void shrinkHolds(String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    real.shrinkHolds(requestId, fiscalYear, marketing, it);
  }

  @Override
  public void raiseForShortfall(
      String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
    real.raiseForShortfall(requestId, fiscalYear, marketing, it);
  }

  @Override
  public void commit(String requestId) {
    real.commit(requestId);
  }

  @Override
  public void release(String requestId) {
    real.release(requestId);
  }

  @Override
  public int releaseAfter(String requestId, int fiscalYear) {
    return real.releaseAfter(requestId, fiscalYear);
  }

  @Override
  public List<BudgetAllocation> allocations(String requestId) {
    return real.allocations(requestId);
  }
}
