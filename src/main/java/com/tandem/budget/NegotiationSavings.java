package com.tandem.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What contract negotiation saved, per request and budget line, in the fiscal year the cost falls
 * in: the amount requested, the amount negotiated, the difference. Recorded once per request and
 * line (a retried step records nothing twice).
 */
@Service
public class NegotiationSavings {

  /** One line's saving on one request. */
  public record Saving(
      String requestId,
      int fiscalYear,
      BudgetOwner owner,
      BigDecimal requested,
      BigDecimal negotiated,
      BigDecimal saved,
      Instant recordedAt) {}

  /** A fiscal year's savings: per line, in total, and each request's. */
  public record YearSavings(
      int fiscalYear,
      String currency,
      BigDecimal total,
      Map<BudgetOwner, BigDecimal> byLine,
      List<Saving> savings) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final BudgetProperties properties;

  public NegotiationSavings(JdbcClient jdbc, Clock clock, BudgetProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /** Records the line's outcome of a negotiation, once; a zero saving is recorded too. */
  @Transactional
  public void record(
      String requestId,
      int fiscalYear,
      BudgetOwner owner,
      BigDecimal requested,
      BigDecimal negotiated) {
    boolean recorded =
        jdbc.sql(
                    "SELECT COUNT(*) FROM tandem_negotiation_saving WHERE request_id = ? AND owner = ?")
                .params(requestId, owner.name())
                .query(Long.class)
                .single()
            > 0;
    if (recorded) {
      return;
    }
    jdbc.sql(
            "INSERT INTO tandem_negotiation_saving"
                + " (request_id, fiscal_year, owner, requested, negotiated, saved, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            requestId,
            fiscalYear,
            owner.name(),
            money(requested),
            money(negotiated),
            money(requested.subtract(negotiated).max(BigDecimal.ZERO)),
            Timestamp.from(clock.instant()))
        .update();
  }

  /** The savings of a fiscal year, per line and per request. */
  public YearSavings of(int fiscalYear) {
    List<Saving> savings =
        jdbc.sql(
                "SELECT request_id, fiscal_year, owner, requested, negotiated, saved, recorded_at"
                    + " FROM tandem_negotiation_saving WHERE fiscal_year = ?"
                    + " ORDER BY recorded_at, request_id, owner")
            .param(fiscalYear)
            .query(
                (rs, n) ->
                    new Saving(
                        rs.getString("request_id"),
                        rs.getInt("fiscal_year"),
                        BudgetOwner.valueOf(rs.getString("owner")),
                        money(rs.getBigDecimal("requested")),
                        money(rs.getBigDecimal("negotiated")),
                        money(rs.getBigDecimal("saved")),
                        rs.getTimestamp("recorded_at").toInstant()))
            .list();
    Map<BudgetOwner, BigDecimal> byLine = new EnumMap<>(BudgetOwner.class);
    for (BudgetOwner owner : BudgetOwner.values()) {
      byLine.put(owner, money(BigDecimal.ZERO));
    }
    savings.forEach(s -> byLine.merge(s.owner(), s.saved(), BigDecimal::add));
    BigDecimal total = byLine.values().stream().reduce(money(BigDecimal.ZERO), BigDecimal::add);
    return new YearSavings(fiscalYear, properties.currency(), total, byLine, savings);
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
