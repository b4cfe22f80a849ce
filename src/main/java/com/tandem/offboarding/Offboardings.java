package com.tandem.offboarding;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The offboarding records in {@code tandem_offboarding} and {@code tandem_offboarding_integration}.
 * While a case runs its row holds the tool's id in {@code running_tool_id}, whose unique constraint
 * refuses a second offboarding of the same tool, on every node; ending the case clears it.
 */
@Repository
public class Offboardings {

  private static final String COLUMNS =
      "id, tool_id, status, reason, origin_case_id, started_by, started_at, owner_contact,"
          + " no_data_held, no_data_reason, export_location, export_format, export_record_count,"
          + " export_verified_by, export_recorded_by, export_recorded_at, sso_removed,"
          + " api_keys_revoked, revoke_recorded_by, revoke_recorded_at, deletion_confirmed_on,"
          + " deletion_reference, deletion_recorded_by, deletion_recorded_at,"
          + " deletion_escalated_at, finished_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  public Offboardings(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Writes a new running case with the tool's integrations, none disconnected yet.
   *
   * @throws org.springframework.dao.DuplicateKeyException when the tool is being offboarded
   */
  @Transactional
  public void register(
      String id,
      long toolId,
      String processInstanceId,
      String reason,
      String originCaseId,
      String startedBy,
      String ownerContact,
      Collection<String> integrations) {
    jdbc.sql(
            "INSERT INTO tandem_offboarding (id, tool_id, running_tool_id, process_instance_id,"
                + " status, reason, origin_case_id, started_by, started_at, owner_contact)"
                + " VALUES (:id, :toolId, :toolId, :pid, :status, :reason, :origin, :startedBy,"
                + " :startedAt, :owner)")
        .param("id", id)
        .param("toolId", toolId)
        .param("pid", processInstanceId)
        .param("status", OffboardingStatus.RUNNING.name())
        .param("reason", reason)
        .param("origin", originCaseId)
        .param("startedBy", startedBy)
        .param("startedAt", now())
        .param("owner", ownerContact)
        .update();
    for (String integration : integrations) {
      jdbc.sql(
              "INSERT INTO tandem_offboarding_integration (offboarding_id, integration, disconnected)"
                  + " VALUES (:id, :integration, FALSE)")
          .param("id", id)
          .param("integration", integration)
          .update();
    }
  }

  /** The running offboarding of a tool, if any. */
  public Optional<String> runningOf(long toolId) {
    return jdbc.sql("SELECT id FROM tandem_offboarding WHERE running_tool_id = :toolId")
        .param("toolId", toolId)
        .query(String.class)
        .optional();
  }

  public Optional<Offboarding> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM tandem_offboarding WHERE id = :id")
        .param("id", id)
        .query(this::row)
        .optional();
  }

  public Offboarding get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("There is no offboarding " + id));
  }

  /** Every offboarding of the tool, oldest first. */
  public List<Offboarding> ofTool(long toolId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tandem_offboarding WHERE tool_id = :toolId ORDER BY started_at, id")
        .param("toolId", toolId)
        .query(this::row)
        .list();
  }

  /** The tool's integrations recorded with the case, in order of name. */
  public List<String> integrations(String id) {
    return jdbc.sql(
            "SELECT integration FROM tandem_offboarding_integration WHERE offboarding_id = :id"
                + " ORDER BY integration")
        .param("id", id)
        .query(String.class)
        .list();
  }

  @Transactional
  public void recordExport(String id, Offboarding.Export export) {
    jdbc.sql(
            "UPDATE tandem_offboarding SET no_data_held = :noData, no_data_reason = :noDataReason,"
                + " export_location = :location, export_format = :format,"
                + " export_record_count = :count, export_verified_by = :verifiedBy,"
                + " export_recorded_by = :by, export_recorded_at = :at WHERE id = :id")
        .param("noData", export.noDataHeld())
        .param("noDataReason", export.noDataReason())
        .param("location", export.location())
        .param("format", export.format())
        .param("count", export.recordCount())
        .param("verifiedBy", export.verifiedBy())
        .param("by", export.recordedBy())
        .param("at", now())
        .param("id", id)
        .update();
  }

  @Transactional
  public void recordRevocation(
      String id,
      boolean ssoRemoved,
      boolean apiKeysRevoked,
      Collection<String> disconnected,
      String by) {
    jdbc.sql(
            "UPDATE tandem_offboarding SET sso_removed = :sso, api_keys_revoked = :keys,"
                + " revoke_recorded_by = :by, revoke_recorded_at = :at WHERE id = :id")
        .param("sso", ssoRemoved)
        .param("keys", apiKeysRevoked)
        .param("by", by)
        .param("at", now())
        .param("id", id)
        .update();
    for (String integration : disconnected) {
      jdbc.sql(
              "UPDATE tandem_offboarding_integration SET disconnected = TRUE"
                  + " WHERE offboarding_id = :id AND integration = :integration")
          .param("id", id)
          .param("integration", integration)
          .update();
    }
  }

  @Transactional
  public void recordDeletion(String id, LocalDate confirmedOn, String reference, String by) {
    jdbc.sql(
            "UPDATE tandem_offboarding SET deletion_confirmed_on = :on, deletion_reference = :ref,"
                + " deletion_recorded_by = :by, deletion_recorded_at = :at WHERE id = :id")
        .param("on", Date.valueOf(confirmedOn))
        .param("ref", reference)
        .param("by", by)
        .param("at", now())
        .param("id", id)
        .update();
  }

  /** Notes the first escalation of an overdue deletion confirmation. Idempotent. */
  @Transactional
  public void markDeletionEscalated(String id) {
    jdbc.sql(
            "UPDATE tandem_offboarding SET deletion_escalated_at = :at"
                + " WHERE id = :id AND deletion_escalated_at IS NULL")
        .param("at", now())
        .param("id", id)
        .update();
  }

  /** Ends a running case in {@code status}; a case already ended is left as it is. */
  @Transactional
  public boolean end(String id, OffboardingStatus status) {
    return jdbc.sql(
                "UPDATE tandem_offboarding SET status = :status, running_tool_id = NULL,"
                    + " finished_at = :at WHERE id = :id AND status = :running")
            .param("status", status.name())
            .param("at", now())
            .param("id", id)
            .param("running", OffboardingStatus.RUNNING.name())
            .update()
        > 0;
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private Offboarding row(ResultSet rs, int n) throws SQLException {
    String id = rs.getString("id");
    Offboarding.Export export = null;
    Instant exportedAt = instant(rs, "export_recorded_at");
    if (exportedAt != null) {
      long count = rs.getLong("export_record_count");
      export =
          new Offboarding.Export(
              rs.getBoolean("no_data_held"),
              rs.getString("no_data_reason"),
              rs.getString("export_location"),
              rs.getString("export_format"),
              rs.wasNull() ? null : count,
              rs.getString("export_verified_by"),
              rs.getString("export_recorded_by"),
              exportedAt);
    }
    Instant revokedAt = instant(rs, "revoke_recorded_at");
    Offboarding.Revocation revocation =
        new Offboarding.Revocation(
            revokedAt == null ? null : rs.getBoolean("sso_removed"),
            revokedAt == null ? null : rs.getBoolean("api_keys_revoked"),
            integrationCuts(id),
            rs.getString("revoke_recorded_by"),
            revokedAt);
    Date confirmedOn = rs.getDate("deletion_confirmed_on");
    Instant escalatedAt = instant(rs, "deletion_escalated_at");
    Offboarding.Deletion deletion =
        confirmedOn == null && escalatedAt == null
            ? null
            : new Offboarding.Deletion(
                confirmedOn == null ? null : confirmedOn.toLocalDate(),
                rs.getString("deletion_reference"),
                rs.getString("deletion_recorded_by"),
                instant(rs, "deletion_recorded_at"),
                escalatedAt);
    return new Offboarding(
        id,
        rs.getLong("tool_id"),
        OffboardingStatus.valueOf(rs.getString("status")),
        rs.getString("reason"),
        rs.getString("origin_case_id"),
        rs.getString("started_by"),
        instant(rs, "started_at"),
        rs.getString("owner_contact"),
        export,
        revocation,
        deletion,
        instant(rs, "finished_at"));
  }

  private List<Offboarding.IntegrationCut> integrationCuts(String id) {
    Map<String, Boolean> cuts = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT integration, disconnected FROM tandem_offboarding_integration"
                + " WHERE offboarding_id = :id ORDER BY integration")
        .param("id", id)
        .query(
            rs -> {
              cuts.put(rs.getString("integration"), rs.getBoolean("disconnected"));
            });
    List<Offboarding.IntegrationCut> list = new ArrayList<>();
    cuts.forEach((name, done) -> list.add(new Offboarding.IntegrationCut(name, done)));
    return list;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }
}
