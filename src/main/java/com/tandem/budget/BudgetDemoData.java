package com.tandem.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * MARKETING and IT budget lines for the current and the next fiscal year, in the configured
 * currency, so that demo requests can be held against them (and requests for next year too).
 * Idempotent: only missing lines are created; a line raised or changed since keeps its amount. Does
 * nothing when a company's own finance system is plugged in.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo-data.enabled", havingValue = "true")
public class BudgetDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(BudgetDemoData.class);

  static final Map<BudgetOwner, BigDecimal> AMOUNTS =
      Map.of(
          BudgetOwner.MARKETING, new BigDecimal("250000.00"),
          BudgetOwner.IT, new BigDecimal("150000.00"));

  private final ObjectProvider<JdbcBudgetService> budget;
  private final Clock clock;

  @Autowired
  public BudgetDemoData(ObjectProvider<JdbcBudgetService> budget) {
    this(budget, Clock.systemDefaultZone());
  }

  BudgetDemoData(ObjectProvider<JdbcBudgetService> budget, Clock clock) {
    this.budget = budget;
    this.clock = clock;
  }

  /** Runs once the process application is deployed, after the steps of lower order. */
  @EventListener
  @Order(30)
  public void onDeployed(PostDeployEvent deployed) {
    apply();
  }

  /** Creates what is missing; idempotent. */
  public void apply() {
    JdbcBudgetService jdbcBudget = budget.getIfAvailable();
    if (jdbcBudget == null) {
      LOG.info("Budget demo data skipped: tandem.budget.provider is not jdbc");
      return;
    }
    int current = jdbcBudget.fiscalYearOf(LocalDate.now(clock));
    int created = 0;
    for (int fiscalYear = current; fiscalYear <= current + 1; fiscalYear++) {
      for (BudgetOwner owner : BudgetOwner.values()) {
        if (jdbcBudget.ensureLine(fiscalYear, owner, AMOUNTS.get(owner))) {
          created++;
        }
      }
    }
    LOG.info(
        "Budget demo data: {} lines created for fiscal years {} and {}",
        created,
        current,
        current + 1);
  }
}
