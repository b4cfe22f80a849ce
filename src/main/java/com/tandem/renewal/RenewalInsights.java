package com.tandem.renewal;

import com.tandem.insights.RenewalFigures;
import com.tandem.inventory.InventoryService;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The renewal figures of /insights (PRODUCT.md §7–8), read from the contracts and renewals. */
@Component
@Transactional(readOnly = true)
class RenewalInsights implements RenewalFigures {

  private final JdbcClient jdbc;
  private final Renewals renewals;
  private final InventoryService inventory;

  RenewalInsights(JdbcClient jdbc, Renewals renewals, InventoryService inventory) {
    this.jdbc = jdbc;
    this.renewals = renewals;
    this.inventory = inventory;
  }

  /** The renewal scan's candidates up to {@code until}, each marked when under review. */
  @Override
  public List<DueRenewal> dueUntil(LocalDate until) {
    Map<Long, Renewal> running = renewals.running();
    return inventory.contractsWithNoticeBy(until).stream()
        .map(
            tool ->
                new DueRenewal(
                    tool.toolId(),
                    tool.name(),
                    tool.vendor(),
                    tool.contract().noticeDate(),
                    tool.contract().contractEnd(),
                    tool.contract().annualCost(),
                    tool.currency(),
                    running.containsKey(tool.toolId())))
        .toList();
  }

  /** Counted by the notice date that passed without a decision. */
  @Override
  public long renewedWithoutReview(LocalDate from, LocalDate untilExclusive) {
    return jdbc.sql(
            """
            SELECT COUNT(*) FROM tandem_renewal
            WHERE outcome = 'RENEWED_WITHOUT_REVIEW' AND notice_date >= ? AND notice_date < ?""")
        .param(Date.valueOf(from))
        .param(Date.valueOf(untilExclusive))
        .query(Long.class)
        .single();
  }
}
