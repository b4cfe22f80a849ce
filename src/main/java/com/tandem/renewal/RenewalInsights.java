package com.tandem.renewal;

import com.tandem.insights.RenewalFigures;
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

  RenewalInsights(JdbcClient jdbc, Renewals renewals) {
    this.jdbc = jdbc;
    this.renewals = renewals;
  }

  @Override
  public List<DueRenewal> dueUntil(LocalDate until) {
    Map<Long, Renewal> running = renewals.running();
    return jdbc.sql(
            """
            SELECT id, name, vendor, notice_date, contract_end, annual_cost, currency
            FROM tandem_tool
            WHERE status = 'ACTIVE' AND notice_date IS NOT NULL AND notice_date <= ?
            ORDER BY notice_date, id""")
        .param(Date.valueOf(until))
        .query(
            (rs, n) ->
                new DueRenewal(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("vendor"),
                    rs.getDate("notice_date").toLocalDate(),
                    rs.getDate("contract_end") == null
                        ? null
                        : rs.getDate("contract_end").toLocalDate(),
                    rs.getBigDecimal("annual_cost"),
                    rs.getString("currency"),
                    running.containsKey(rs.getLong("id"))))
        .list();
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
