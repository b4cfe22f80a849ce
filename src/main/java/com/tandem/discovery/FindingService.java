package com.tandem.discovery;

import com.tandem.budget.BudgetProperties;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of discovery for those who review them: read one, move its status, remember its
 * review process, and summarise what is known about it; and the usage evidence of owned tools.
 * Writes join the caller's transaction (inside the engine, the engine's).
 */
@Service
@Transactional
public class FindingService {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final BudgetProperties budget;

  public FindingService(JdbcClient jdbc, Clock clock, BudgetProperties budget) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.budget = budget;
  }

  /** A finding in the list of {@code GET /api/discoveries}. */
  public record ListedFinding(
      String id,
      String vendor,
      FindingStatus status,
      int sightings,
      int usersSeen,
      List<Spend> spendSeen,
      LocalDate firstSeen) {}

  @Transactional(readOnly = true)
  public Optional<Finding> find(String id) {
    return jdbc.sql(
            "SELECT id, vendor, status, first_seen, last_seen, process_instance_id"
                + " FROM tandem_discovery_finding WHERE id = ?")
        .param(id)
        .query(
            (rs, n) ->
                new Finding(
                    rs.getString(1),
                    rs.getString(2),
                    FindingStatus.valueOf(rs.getString(3)),
                    date(rs.getDate(4)),
                    date(rs.getDate(5)),
                    rs.getString(6)))
        .optional();
  }

  /** Moves the finding to {@code status}. Idempotent. */
  public void setStatus(String id, FindingStatus status) {
    int updated =
        jdbc.sql("UPDATE tandem_discovery_finding SET status = ?, updated_at = ? WHERE id = ?")
            .params(status.name(), Timestamp.from(clock.instant()), id)
            .update();
    if (updated == 0) {
      throw new IllegalStateException("No shadow-IT finding " + id);
    }
  }

  /** Remembers the {@code shadow-it-review} instance of the finding. Idempotent. */
  public void setProcessInstance(String id, String processInstanceId) {
    int updated =
        jdbc.sql(
                "UPDATE tandem_discovery_finding SET process_instance_id = ?, updated_at = ? WHERE id = ?")
            .params(processInstanceId, Timestamp.from(clock.instant()), id)
            .update();
    if (updated == 0) {
      throw new IllegalStateException("No shadow-IT finding " + id);
    }
  }

  /** Findings, optionally of one status, the earliest seen first. */
  @Transactional(readOnly = true)
  public List<ListedFinding> list(FindingStatus status) {
    Map<String, List<Spend>> spend = new HashMap<>();
    jdbc.sql(
            """
            SELECT s.finding_id, s.currency, SUM(s.amount) FROM tandem_discovery_sighting s
            JOIN tandem_discovery_finding f ON f.id = s.finding_id
            WHERE s.amount IS NOT NULL AND (:status IS NULL OR f.status = :status)
            GROUP BY s.finding_id, s.currency ORDER BY s.currency""")
        .param("status", status == null ? null : status.name())
        .query(
            rs -> {
              spend
                  .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(new Spend(rs.getString(2), money(rs.getBigDecimal(3))));
            });
    return jdbc.sql(
            """
            SELECT f.id, f.vendor, f.status, f.first_seen, COUNT(s.id), MAX(s.users),
              COUNT(DISTINCT s.employee_email)
            FROM tandem_discovery_finding f LEFT JOIN tandem_discovery_sighting s ON s.finding_id = f.id
            WHERE (:status IS NULL OR f.status = :status)
            GROUP BY f.id, f.vendor, f.status, f.first_seen
            ORDER BY f.first_seen, f.id""")
        .param("status", status == null ? null : status.name())
        .query(
            (rs, n) ->
                new ListedFinding(
                    rs.getString(1),
                    rs.getString(2),
                    FindingStatus.valueOf(rs.getString(3)),
                    rs.getInt(5),
                    Math.max(rs.getInt(6), rs.getInt(7)),
                    spend.getOrDefault(rs.getString(1), List.of()),
                    date(rs.getDate(4))))
        .list();
  }

  /** What is known about the finding, for its reviewers. */
  @Transactional(readOnly = true)
  public Optional<FindingSummary> summary(String id) {
    return find(id).map(this::summarise);
  }

  private FindingSummary summarise(Finding finding) {
    String id = finding.id();
    var counts =
        jdbc.sql(
                "SELECT COUNT(*), MAX(users), COUNT(DISTINCT employee_email)"
                    + " FROM tandem_discovery_sighting WHERE finding_id = ?")
            .param(id)
            .query((rs, n) -> new int[] {rs.getInt(1), Math.max(rs.getInt(2), rs.getInt(3))})
            .single();
    return new FindingSummary(
        id,
        finding.vendor(),
        finding.status(),
        distinct(id, "source").stream().map(DiscoverySource::valueOf).toList(),
        counts[0],
        counts[1],
        spend("finding_id = ?", id),
        finding.firstSeen(),
        finding.lastSeen(),
        distinct(id, "domain"),
        distinct(id, "application"),
        distinct(id, "cost_centre"));
  }

  private List<String> distinct(String findingId, String column) {
    // column is one of this class's constants, never input
    return jdbc.sql(
            "SELECT DISTINCT "
                + column
                + " FROM tandem_discovery_sighting WHERE finding_id = ? AND "
                + column
                + " IS NOT NULL ORDER BY "
                + column)
        .param(findingId)
        .query(String.class)
        .list();
  }

  private List<Spend> spend(String where, Object param) {
    return jdbc.sql(
            "SELECT currency, SUM(amount) FROM tandem_discovery_sighting WHERE "
                + where
                + " AND amount IS NOT NULL GROUP BY currency ORDER BY currency")
        .param(param)
        .query((rs, n) -> new Spend(rs.getString(1), money(rs.getBigDecimal(2))))
        .list();
  }

  /**
   * Usage evidence of an owned tool per fiscal year (PRODUCT.md §5, and the renewals of §7): the
   * sightings that matched it, people seen, money seen spent.
   */
  @Transactional(readOnly = true)
  public List<ToolUsage> usageOf(long toolId) {
    Map<Integer, int[]> counts = new LinkedHashMap<>();
    Map<Integer, Map<String, BigDecimal>> money = new HashMap<>();
    Map<Integer, java.util.Set<String>> people = new HashMap<>();
    jdbc.sql(
            "SELECT seen_on, users, employee_email, amount, currency FROM tandem_discovery_sighting"
                + " WHERE tool_id = ? ORDER BY seen_on")
        .param(toolId)
        .query(
            rs -> {
              int year = budget.fiscalYearOf(rs.getDate(1).toLocalDate());
              int[] c = counts.computeIfAbsent(year, y -> new int[2]);
              c[0]++;
              c[1] = Math.max(c[1], rs.getInt(2));
              if (rs.getString(3) != null) {
                people.computeIfAbsent(year, y -> new java.util.HashSet<>()).add(rs.getString(3));
              }
              if (rs.getBigDecimal(4) != null) {
                money
                    .computeIfAbsent(year, y -> new java.util.TreeMap<>())
                    .merge(rs.getString(5), rs.getBigDecimal(4), BigDecimal::add);
              }
            });
    List<ToolUsage> usage = new ArrayList<>();
    counts.forEach(
        (year, c) ->
            usage.add(
                new ToolUsage(
                    toolId,
                    year,
                    c[0],
                    Math.max(c[1], people.getOrDefault(year, java.util.Set.of()).size()),
                    money.getOrDefault(year, Map.of()).entrySet().stream()
                        .map(e -> new Spend(e.getKey(), money(e.getValue())))
                        .toList())));
    return usage;
  }

  /**
   * What discovery saw of the tool an open request asks for (PRODUCT.md §5: a sighting matching an
   * open request is linked to it and shown to its reviewers), or empty when nothing was seen.
   */
  @Transactional(readOnly = true)
  public Optional<RequestUsage> usageOfRequest(String requestId) {
    return jdbc.sql(
            """
            SELECT COUNT(*), MAX(users), COUNT(DISTINCT employee_email), MIN(COALESCE(first_seen, seen_on)),
                   MAX(seen_on), MIN(source), MAX(source)
            FROM tandem_discovery_sighting WHERE request_id = ?""")
        .param(requestId)
        .query(
            (rs, n) ->
                rs.getInt(1) == 0
                    ? null
                    : new RequestUsage(
                        rs.getInt(1),
                        Math.max(rs.getInt(2), rs.getInt(3)),
                        spend("request_id = ?", requestId),
                        date(rs.getDate(4)),
                        date(rs.getDate(5)),
                        java.util.stream.Stream.of(rs.getString(6), rs.getString(7))
                            .distinct()
                            .toList()))
        .optional();
  }

  private static BigDecimal money(BigDecimal amount) {
    return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
