package com.tandem.renewal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The renewal cases in {@code tandem_renewal}: one row per tool and contract term (unique key
 * {@code (tool_id, contract_end)}), inserted in the transaction that starts the process.
 */
@Repository
public class Renewals {

  private static final String COLUMNS =
      "id, tool_id, contract_end, notice_date, status, marketing_decision, marketing_decided_by,"
          + " it_decision, it_decided_by, it_comment, new_seats, asked_annual_cost,"
          + " negotiated_annual_cost, negotiation_note, new_contract_end, started_at, ended_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public Renewals(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A case the scan is about to start. */
  record NewCase(String id, long toolId, LocalDate contractEnd, LocalDate noticeDate) {}

  /**
   * Inserts the cases in one statement; a second case for the same tool and term fails the whole
   * statement with {@link org.springframework.dao.DuplicateKeyException} (on MariaDB after the
   * transaction that inserted the first commits).
   */
  void insert(List<NewCase> cases) {
    if (cases.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO tandem_renewal (id, tool_id, contract_end, notice_date, status, started_at)"
                + " VALUES ");
    List<Object> params = new java.util.ArrayList<>(cases.size() * 6);
    Timestamp now = Timestamp.from(clock.instant());
    for (NewCase c : cases) {
      sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
      params.addAll(
          List.of(
              c.id(),
              c.toolId(),
              Date.valueOf(c.contractEnd()),
              Date.valueOf(c.noticeDate()),
              RenewalStatus.IN_REVIEW.name(),
              now));
    }
    jdbc.sql(sql.toString()).params(params).update();
  }

  /** Records each case's process instance (case id to instance id), in one statement. */
  void setProcessInstances(Map<String, String> instances) {
    if (instances.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder("UPDATE tandem_renewal SET process_instance_id = CASE id");
    List<Object> params = new java.util.ArrayList<>(instances.size() * 3);
    instances.forEach(
        (id, instance) -> {
          sql.append(" WHEN ? THEN ?");
          params.add(id);
          params.add(instance);
        });
    sql.append(" END WHERE id IN (")
        .append(String.join(", ", java.util.Collections.nCopies(instances.size(), "?")))
        .append(")");
    params.addAll(instances.keySet());
    jdbc.sql(sql.toString()).params(params).update();
  }

  /**
   * Of the given tools and their current contract ends, the ones that have a renewal for that term
   * already, or one still running: the scan starts nothing for them. As {@code toolId:contractEnd}
   * and {@code toolId:running} keys.
   */
  Set<String> alreadyStarted(Collection<Long> toolIds) {
    Set<String> keys = new HashSet<>();
    if (toolIds.isEmpty()) {
      return keys;
    }
    List<Long> ids = List.copyOf(toolIds);
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql("SELECT tool_id, contract_end, outcome FROM tandem_renewal WHERE tool_id IN (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .query(
              rs -> {
                long toolId = rs.getLong(1);
                keys.add(toolId + ":" + rs.getDate(2).toLocalDate());
                if (rs.getString(3) == null) {
                  keys.add(toolId + ":running");
                }
              });
    }
    return keys;
  }

  public Optional<Renewal> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM tandem_renewal WHERE id = ?")
        .param(id)
        .query(Renewals::row)
        .optional();
  }

  /** The renewals of a tool, newest first. */
  public List<Renewal> ofTool(long toolId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tandem_renewal WHERE tool_id = ? ORDER BY contract_end DESC")
        .param(toolId)
        .query(Renewals::row)
        .list();
  }

  /** The renewal under way (no outcome yet) of each tool that has one, by tool id. */
  public Map<Long, Renewal> running() {
    Map<Long, Renewal> running = new java.util.HashMap<>();
    jdbc.sql("SELECT " + COLUMNS + " FROM tandem_renewal WHERE outcome IS NULL")
        .query(Renewals::row)
        .list()
        .forEach(renewal -> running.put(renewal.toolId(), renewal));
    return running;
  }

  /** How many renewals ended with each outcome (every outcome present, zero when none). */
  public Map<RenewalStatus, Long> outcomes() {
    Map<RenewalStatus, Long> counts = new EnumMap<>(RenewalStatus.class);
    for (RenewalStatus status : RenewalStatus.values()) {
      if (status.isOutcome()) {
        counts.put(status, 0L);
      }
    }
    jdbc.sql(
            "SELECT outcome, COUNT(*) FROM tandem_renewal WHERE outcome IS NOT NULL GROUP BY outcome")
        .query(
            (org.springframework.jdbc.core.RowCallbackHandler)
                rs -> counts.put(RenewalStatus.valueOf(rs.getString(1)), rs.getLong(2)));
    return counts;
  }

  void setStatus(String id, RenewalStatus status) {
    jdbc.sql("UPDATE tandem_renewal SET status = ? WHERE id = ? AND outcome IS NULL")
        .params(status.name(), id)
        .update();
  }

  void recordMarketing(String id, String decision, String by, Integer newSeats) {
    jdbc.sql(
            "UPDATE tandem_renewal SET marketing_decision = ?, marketing_decided_by = ?,"
                + " new_seats = ? WHERE id = ?")
        .params(decision, by, newSeats, id)
        .update();
  }

  void recordIt(String id, String decision, String by, String comment) {
    jdbc.sql(
            "UPDATE tandem_renewal SET it_decision = ?, it_decided_by = ?, it_comment = ?"
                + " WHERE id = ?")
        .params(decision, by, comment, id)
        .update();
  }

  void recordNegotiation(String id, BigDecimal asked, BigDecimal negotiated, String note) {
    jdbc.sql(
            "UPDATE tandem_renewal SET asked_annual_cost = ?, negotiated_annual_cost = ?,"
                + " negotiation_note = ? WHERE id = ?")
        .params(money(asked), money(negotiated), note, id)
        .update();
  }

  /** Ends the case with its outcome; idempotent (the first outcome stays). */
  void end(String id, RenewalStatus outcome, LocalDate newContractEnd) {
    jdbc.sql(
            "UPDATE tandem_renewal SET status = ?, outcome = ?, new_contract_end = ?, ended_at = ?"
                + " WHERE id = ? AND outcome IS NULL")
        .params(
            outcome.name(),
            outcome.name(),
            newContractEnd == null ? null : Date.valueOf(newContractEnd),
            Timestamp.from(clock.instant()),
            id)
        .update();
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
  }

  private static Renewal row(ResultSet rs, int n) throws SQLException {
    int seats = rs.getInt("new_seats");
    Integer newSeats = rs.wasNull() ? null : seats;
    Date newEnd = rs.getDate("new_contract_end");
    Timestamp ended = rs.getTimestamp("ended_at");
    return new Renewal(
        rs.getString("id"),
        rs.getLong("tool_id"),
        rs.getDate("contract_end").toLocalDate(),
        rs.getDate("notice_date").toLocalDate(),
        RenewalStatus.valueOf(rs.getString("status")),
        rs.getString("marketing_decision"),
        rs.getString("marketing_decided_by"),
        rs.getString("it_decision"),
        rs.getString("it_decided_by"),
        rs.getString("it_comment"),
        newSeats,
        money(rs.getBigDecimal("asked_annual_cost")),
        money(rs.getBigDecimal("negotiated_annual_cost")),
        rs.getString("negotiation_note"),
        newEnd == null ? null : newEnd.toLocalDate(),
        rs.getTimestamp("started_at").toInstant(),
        ended == null ? null : ended.toInstant());
  }
}
