package com.tandem.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What users notice of budgets, run on each database by a subclass: checks with exact shortfalls,
 * holds placed once and all-or-nothing, commitments, releases, board raises, and no line ever
 * overcommitted when requests race for it.
 */
abstract class BudgetServiceContract {

  static final int FY = 2026;

  @Autowired JdbcBudgetService budget;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectProvider<JdbcBudgetService> budgetProvider;

  @BeforeEach
  void linesOf100kAnd50k() {
    jdbc.sql("DELETE FROM tandem_budget_raise").update();
    jdbc.sql("DELETE FROM tandem_budget_allocation").update();
    jdbc.sql("DELETE FROM tandem_budget_line").update();
    budget.ensureLine(FY, BudgetOwner.MARKETING, new BigDecimal("100000"));
    budget.ensureLine(FY, BudgetOwner.IT, new BigDecimal("50000"));
  }

  @Test
  void shouldShowLinesWithAmountHeldCommittedAndAvailable() {
    budget.placeHolds("PR-1", FY, money("10000"), money("5000"));
    budget.placeHolds("PR-2", FY, money("2500.50"), money("0"));
    budget.commit("PR-2");

    assertThat(budget.lines(FY))
        .containsExactly(
            new BudgetLine(
                BudgetOwner.MARKETING,
                FY,
                money("100000"),
                money("10000"),
                money("2500.50"),
                money("87499.50"),
                "USD"),
            new BudgetLine(
                BudgetOwner.IT,
                FY,
                money("50000"),
                money("5000"),
                money("0"),
                money("45000"),
                "USD"));
    assertThat(budget.lines(FY + 5)).isEmpty();
  }

  @Test
  void shouldReleaseOnlyTheYearsAfterTheGivenOneOnceAndKeepTheSpentYear() {
    budget.ensureLine(FY + 1, BudgetOwner.MARKETING, new BigDecimal("100000"));
    budget.ensureLine(FY + 2, BudgetOwner.IT, new BigDecimal("50000"));
    budget.placeHolds("PR-1", FY, money("10000"), money("1000"));
    budget.commit("PR-1");
    budget.placeHolds("PR-1", FY + 1, money("12000"), money("0"));
    budget.commit("PR-1");
    budget.placeHolds("PR-1", FY + 2, money("0"), money("3000"));
    budget.placeHolds("PR-OTHER", FY + 1, money("5000"), money("0"));
    budget.commit("PR-OTHER");

    assertThat(budget.releaseAfter("PR-1", FY)).isEqualTo(2);
    assertThat(budget.releaseAfter("PR-1", FY)).as("idempotent").isZero();

    assertThat(budget.allocations("PR-1"))
        .extracting(BudgetAllocation::fiscalYear, BudgetAllocation::owner, BudgetAllocation::state)
        .containsExactlyInAnyOrder(
            tuple(FY, BudgetOwner.MARKETING, AllocationState.COMMITTED),
            tuple(FY, BudgetOwner.IT, AllocationState.COMMITTED),
            tuple(FY + 1, BudgetOwner.MARKETING, AllocationState.RELEASED),
            tuple(FY + 2, BudgetOwner.IT, AllocationState.RELEASED));
    assertThat(budget.allocations("PR-OTHER"))
        .extracting(BudgetAllocation::state)
        .containsExactly(AllocationState.COMMITTED);
    assertThat(budget.lines(FY + 1).get(0).committed()).isEqualTo(money("5000"));
  }

  @Test
  void shouldCheckSufficientBudget() {
    BudgetCheck check = budget.check("PR-1", FY, money("100000"), money("49999.99"));

    assertThat(check.sufficient()).isTrue();
    assertThat(check.marketingAvailable()).isEqualTo(money("100000"));
    assertThat(check.itAvailable()).isEqualTo(money("50000"));
    assertThat(budget.allocations("PR-1")).isEmpty();
  }

  @Test
  void shouldCheckInsufficientBudgetWithExactShortfalls() {
    budget.placeHolds("PR-OTHER", FY, money("30000"), money("0"));

    BudgetCheck check =
        budget.check("PR-1", FY, new BigDecimal("80000.10"), new BigDecimal("50000.01"));

    assertThat(check.sufficient()).isFalse();
    assertThat(check.marketingShortfall()).isEqualTo(money("10000.10"));
    assertThat(check.itShortfall()).isEqualTo(money("0.01"));
    assertThat(check.totalShortfall()).isEqualTo(money("10000.11"));
    assertThat(budget.check("PR-1", FY + 1, money("1"), money("0")).marketingShortfall())
        .isEqualTo(money("1"));
  }

  @Test
  void shouldCountTheRequestsOwnHoldsAsAvailableToIt() {
    budget.placeHolds("PR-1", FY, money("60000"), money("50000"));

    assertThat(budget.check("PR-1", FY, money("60000"), money("50000")).sufficient()).isTrue();
    assertThat(budget.check("PR-2", FY, money("60000"), money("0")).marketingShortfall())
        .isEqualTo(money("20000"));
  }

  @Test
  void shouldHoldOnceWhenPlacedTwice() {
    assertThat(budget.placeHolds("PR-1", FY, money("60000"), money("20000")).sufficient()).isTrue();
    assertThat(budget.placeHolds("PR-1", FY, money("60000"), money("20000")).sufficient()).isTrue();

    assertThat(budget.allocations("PR-1"))
        .extracting(BudgetAllocation::owner, BudgetAllocation::amount, BudgetAllocation::state)
        .containsExactlyInAnyOrder(
            tuple(BudgetOwner.MARKETING, money("60000"), AllocationState.HELD),
            tuple(BudgetOwner.IT, money("20000"), AllocationState.HELD));
    assertThat(available(BudgetOwner.MARKETING)).isEqualTo(money("40000"));
    assertThat(available(BudgetOwner.IT)).isEqualTo(money("30000"));
  }

  @Test
  void shouldHoldNothingOnEitherLineWhenOneIsShort() {
    BudgetCheck check = budget.placeHolds("PR-1", FY, money("10000"), money("50000.01"));

    assertThat(check.sufficient()).isFalse();
    assertThat(check.itShortfall()).isEqualTo(money("0.01"));
    assertThat(budget.allocations("PR-1")).isEmpty();
    assertThat(available(BudgetOwner.MARKETING)).isEqualTo(money("100000"));
    assertThat(available(BudgetOwner.IT)).isEqualTo(money("50000"));
  }

  @Test
  void shouldGiveTheMoneyBackOnRelease() {
    budget.placeHolds("PR-1", FY, money("70000"), money("10000"));
    budget.placeHolds("PR-2", FY, money("5000"), money("0"));
    budget.commit("PR-2");

    budget.release("PR-1");
    budget.release("PR-1");
    budget.release("PR-2");

    assertThat(budget.allocations("PR-1"))
        .extracting(BudgetAllocation::state)
        .containsOnly(AllocationState.RELEASED)
        .hasSize(2);
    assertThat(budget.allocations("PR-2"))
        .extracting(BudgetAllocation::state)
        .containsExactly(AllocationState.COMMITTED);
    assertThat(available(BudgetOwner.MARKETING)).isEqualTo(money("95000"));
    assertThat(available(BudgetOwner.IT)).isEqualTo(money("50000"));
    assertThat(budget.placeHolds("PR-3", FY, money("95000"), money("50000")).sufficient()).isTrue();
  }

  @Test
  void shouldHoldAgainAfterARelease() {
    budget.placeHolds("PR-1", FY, money("70000"), money("10000"));
    budget.release("PR-1");

    assertThat(budget.placeHolds("PR-1", FY, money("80000"), money("10000")).sufficient()).isTrue();

    assertThat(budget.allocations("PR-1"))
        .extracting(BudgetAllocation::amount, BudgetAllocation::state)
        .containsExactlyInAnyOrder(
            tuple(money("80000"), AllocationState.HELD),
            tuple(money("10000"), AllocationState.HELD));
    assertThat(available(BudgetOwner.MARKETING)).isEqualTo(money("20000"));
  }

  @Test
  void shouldCommitSpentMoneyOnceEvenWhenTheLineGoesOver() {
    budget.placeHolds("PR-1", FY, money("90000"), money("0"));

    BudgetCheck check = budget.commitSpent("REN-1", FY, money("25000"), money("0"));
    budget.commitSpent("REN-1", FY, money("25000"), money("0"));

    assertThat(check.marketingShortfall()).isEqualTo(money("15000"));
    assertThat(budget.allocations("REN-1"))
        .extracting(BudgetAllocation::owner, BudgetAllocation::amount, BudgetAllocation::state)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                BudgetOwner.MARKETING, money("25000"), AllocationState.COMMITTED));
    BudgetLine marketing = line(BudgetOwner.MARKETING);
    assertThat(marketing.committed()).isEqualTo(money("25000"));
    assertThat(marketing.available()).isEqualTo(money("-15000"));
    assertThat(line(BudgetOwner.IT).committed()).isEqualTo(money("0"));
  }

  @Test
  void shouldCommitSpentMoneyOnAFiscalYearWithoutLines() {
    budget.commitSpent("REN-2", FY + 5, money("1200"), money("0"));

    assertThat(budget.lines(FY + 5))
        .filteredOn(line -> line.owner() == BudgetOwner.MARKETING)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.committed()).isEqualTo(money("1200"));
              assertThat(line.available()).isEqualTo(money("-1200"));
            });
  }

  @Test
  void shouldTurnHoldsIntoCommitments() {
    budget.placeHolds("PR-1", FY, money("40000"), money("15000"));

    budget.commit("PR-1");
    budget.commit("PR-1");
    budget.placeHolds("PR-1", FY, money("40000"), money("15000"));

    assertThat(budget.allocations("PR-1"))
        .extracting(BudgetAllocation::state)
        .containsOnly(AllocationState.COMMITTED)
        .hasSize(2);
    BudgetLine marketing = line(BudgetOwner.MARKETING);
    assertThat(marketing.committed()).isEqualTo(money("40000"));
    assertThat(marketing.held()).isEqualTo(money("0"));
    assertThat(marketing.available()).isEqualTo(money("60000"));
  }

  @Test
  void shouldRaiseOnceForTheShortfallAndThenHold() {
    budget.placeHolds("PR-OTHER", FY, money("90000"), money("0"));

    budget.raiseForShortfall("PR-1", FY, money("25000"), money("60000"));
    budget.raiseForShortfall("PR-1", FY, money("25000"), money("60000"));

    assertThat(line(BudgetOwner.MARKETING).amount()).isEqualTo(money("115000"));
    assertThat(line(BudgetOwner.IT).amount()).isEqualTo(money("60000"));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM tandem_budget_raise WHERE request_id = 'PR-1'")
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    BudgetCheck held = budget.placeHolds("PR-1", FY, money("25000"), money("60000"));
    assertThat(held.sufficient()).isTrue();
    assertThat(available(BudgetOwner.MARKETING)).isEqualTo(money("0"));
    assertThat(available(BudgetOwner.IT)).isEqualTo(money("0"));
  }

  @Test
  void shouldRaiseEachLineByExactlyTheAmountAskedOnce() {
    budget.placeHolds("PR-OTHER", FY, money("90000"), money("0"));

    // the proposal asked more than the shortfall on marketing (15000) and 70000 on IT
    budget.raiseBy("PR-1", FY, money("20000"), money("70000"));
    budget.raiseBy("PR-1", FY, money("20000"), money("70000"));

    assertThat(line(BudgetOwner.MARKETING).amount()).isEqualTo(money("120000"));
    assertThat(line(BudgetOwner.IT).amount()).isEqualTo(money("120000"));
    assertThat(budget.placeHolds("PR-1", FY, money("25000"), money("60000")).sufficient()).isTrue();
    assertThat(available(BudgetOwner.MARKETING)).isEqualTo(money("5000"));
    assertThat(available(BudgetOwner.IT)).isEqualTo(money("60000"));
  }

  @Test
  void shouldCreateAMissingLineWhenRaising() {
    budget.raiseForShortfall("PR-1", FY + 3, money("12000"), money("0"));

    assertThat(budget.lines(FY + 3))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.owner()).isEqualTo(BudgetOwner.MARKETING);
              assertThat(line.amount()).isEqualTo(money("12000"));
              assertThat(line.currency()).isEqualTo("USD");
            });
    assertThat(budget.placeHolds("PR-1", FY + 3, money("12000"), money("0")).sufficient()).isTrue();
  }

  @Test
  void shouldSeedDemoLinesForThisAndNextFiscalYearOnce() {
    BudgetDemoData demo =
        new BudgetDemoData(
            budgetProvider, Clock.fixed(Instant.parse("2030-03-01T00:00:00Z"), ZoneOffset.UTC));
    demo.apply();
    budget.raiseForShortfall("PR-1", 2030, money("300000"), money("0"));
    demo.apply();

    assertThat(budget.lines(2030))
        .extracting(BudgetLine::owner, BudgetLine::amount)
        .containsExactly(
            tuple(BudgetOwner.MARKETING, money("300000")), tuple(BudgetOwner.IT, money("150000")));
    assertThat(budget.lines(2031))
        .extracting(BudgetLine::owner, BudgetLine::amount)
        .containsExactly(
            tuple(BudgetOwner.MARKETING, money("250000")), tuple(BudgetOwner.IT, money("150000")));
  }

  @Test
  void shouldNeverOvercommitALineWhenRequestsRace() throws Exception {
    int requests = 10;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<BudgetCheck>> results = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        String requestId = "PR-RACE-" + i;
        Callable<BudgetCheck> place =
            () -> {
              start.await();
              return budget.placeHolds(requestId, FY, money("30000"), money("12000"));
            };
        results.add(pool.submit(place));
      }
      start.countDown();
      int granted = 0;
      for (Future<BudgetCheck> result : results) {
        if (result.get(60, TimeUnit.SECONDS).sufficient()) {
          granted++;
        }
      }
      // MARKETING fits 3 × 30000 in 100000, IT 4 × 12000 in 50000: exactly 3 requests get both
      assertThat(granted).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }
    assertThat(line(BudgetOwner.MARKETING).held()).isEqualTo(money("90000"));
    assertThat(line(BudgetOwner.IT).held()).isEqualTo(money("36000"));
    assertThat(budget.lines(FY))
        .allSatisfy(line -> assertThat(line.available().signum()).isNotNegative());
    assertThat(
            jdbc.sql("SELECT COUNT(DISTINCT request_id) FROM tandem_budget_allocation")
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  private BudgetLine line(BudgetOwner owner) {
    return budget.lines(FY).stream().filter(l -> l.owner() == owner).findFirst().orElseThrow();
  }

  private BigDecimal available(BudgetOwner owner) {
    return line(owner).available();
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount).setScale(2);
  }
}
