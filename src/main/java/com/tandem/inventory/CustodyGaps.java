package com.tandem.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody gaps of the inventory's tools (table {@code tandem_custody_gap}): a tool onboarded
 * without single sign-on or without a signed data-processing agreement keeps the gap, with the
 * reason IT operations gave, until it is closed. Recording is idempotent per tool, kind and case.
 */
@Service
public class CustodyGaps {

  /** Single sign-on is not configured for the tool. */
  public static final String SSO = "SSO";

  /** No data-processing agreement is signed with the vendor. */
  public static final String DPA = "DPA";

  private static final String COLUMNS =
      "g.id, g.tool_id, t.name, g.kind, g.reason, g.case_id, g.recorded_by, g.recorded_at,"
          + " g.closed_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public CustodyGaps(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an open gap of the tool, once per tool, kind and case. */
  @Transactional
  public void record(long toolId, String kind, String caseId, String reason, String by) {
    long known =
        jdbc.sql(
                "SELECT COUNT(*) FROM tandem_custody_gap WHERE tool_id = ? AND kind = ? AND case_id = ?")
            .params(toolId, kind, caseId)
            .query(Long.class)
            .single();
    if (known > 0) {
      return;
    }
    jdbc.sql(
            """
            INSERT INTO tandem_custody_gap (tool_id, kind, case_id, reason, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?)""")
        .params(toolId, kind, caseId, reason, by, Timestamp.from(clock.instant()))
        .update();
  }

  /** Every gap of one tool, open and closed, oldest first. */
  @Transactional(readOnly = true)
  public List<CustodyGap> ofTool(long toolId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tandem_custody_gap g JOIN tandem_tool t ON t.id = g.tool_id"
                + " WHERE g.tool_id = ? ORDER BY g.recorded_at, g.id")
        .param(toolId)
        .query(CustodyGaps::map)
        .list();
  }

  /** The open gaps of the tools in use (a retired tool has none left to close), by tool name. */
  @Transactional(readOnly = true)
  public List<CustodyGap> open() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tandem_custody_gap g JOIN tandem_tool t ON t.id = g.tool_id"
                + " WHERE g.closed_at IS NULL AND t.status <> 'RETIRED'"
                + " ORDER BY t.name, g.kind, g.id")
        .query(CustodyGaps::map)
        .list();
  }

  /** In words, for people: "Single sign-on is not configured". */
  public static String describe(String kind) {
    return switch (kind) {
      case SSO -> "Single sign-on is not configured";
      case DPA -> "No data-processing agreement is signed";
      default -> kind;
    };
  }

  private static CustodyGap map(ResultSet rs, int row) throws SQLException {
    Timestamp closed = rs.getTimestamp(9);
    return new CustodyGap(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        describe(rs.getString(4)),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getTimestamp(8).toInstant(),
        closed == null ? null : closed.toInstant());
  }
}
