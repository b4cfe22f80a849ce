package com.tandem.request;

import com.tandem.request.PurchaseRequest.IntakeData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The request registry: every request's fields, its current status, its decisions and the overlaps
 * found for it. Writes join the caller's transaction, which inside the engine is the engine's own,
 * so a request row and its process state are committed or rolled back together.
 */
@Repository
@Transactional
public class RequestRegistry {

  private static final String COLUMNS =
      """
      id, process_instance_id, requester, status, tool_name, vendor, vendor_url, business_justification,
      annual_license_cost, implementation_cost, currency, seats, contract_term_months, needed_by,
      personal_data, sso, data_export_supported, capabilities, integrations, new_tool_justification,
      created_at, updated_at""";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  public RequestRegistry(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
  }

  public void register(String id, String requester, String processInstanceId, IntakeData data) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            "INSERT INTO tandem_purchase_request ("
                + COLUMNS
                + ") VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            processInstanceId,
            requester,
            RequestStatus.SUBMITTED.name(),
            data.toolName(),
            data.vendor(),
            data.vendorUrl(),
            data.businessJustification(),
            data.annualLicenseCost(),
            data.implementationCost(),
            data.currency(),
            data.seats(),
            data.contractTermMonths(),
            data.neededBy(),
            data.personalData().name(),
            data.sso().name(),
            data.dataExportSupported(),
            String.join(",", data.capabilities()),
            String.join(",", data.integrations()),
            null,
            now,
            now)
        .update();
  }

  /**
   * Replaces what the requester filled in (a resubmission after REQUEST_CHANGES) and announces it
   * as a {@link RequestRevised}.
   */
  public void revise(String id, IntakeData data) {
    String previousCapabilities =
        jdbc.sql("SELECT capabilities FROM tandem_purchase_request WHERE id = ?")
            .param(id)
            .query(String.class)
            .optional()
            .orElse(null);
    jdbc.sql(
            """
            UPDATE tandem_purchase_request SET tool_name = ?, vendor = ?, vendor_url = ?, business_justification = ?,
              annual_license_cost = ?, implementation_cost = ?, currency = ?, seats = ?, contract_term_months = ?,
              needed_by = ?, personal_data = ?, sso = ?, data_export_supported = ?, capabilities = ?, integrations = ?,
              updated_at = ?
            WHERE id = ?""")
        .params(
            data.toolName(),
            data.vendor(),
            data.vendorUrl(),
            data.businessJustification(),
            data.annualLicenseCost(),
            data.implementationCost(),
            data.currency(),
            data.seats(),
            data.contractTermMonths(),
            data.neededBy(),
            data.personalData().name(),
            data.sso().name(),
            data.dataExportSupported(),
            String.join(",", data.capabilities()),
            String.join(",", data.integrations()),
            Timestamp.from(clock.instant()),
            id)
        .update();
    events.publishEvent(new RequestRevised(id, previousCapabilities));
  }

  public void setStatus(String id, RequestStatus status) {
    jdbc.sql("UPDATE tandem_purchase_request SET status = ?, updated_at = ? WHERE id = ?")
        .params(status.name(), Timestamp.from(clock.instant()), id)
        .update();
  }

  public void setNewToolJustification(String id, String justification) {
    jdbc.sql(
            "UPDATE tandem_purchase_request SET new_tool_justification = ?, updated_at = ? WHERE id = ?")
        .params(justification, Timestamp.from(clock.instant()), id)
        .update();
  }

  /**
   * Records a decision on a case: a request, or any other case decided in Tandem's tasks (a
   * shadow-IT finding, {@code SIT-…}), whose decisions share this log. {@code taskId} makes it
   * idempotent: the same task's decision is recorded once, however often the step runs.
   */
  public void recordDecision(
      String id, String taskId, String stage, String decision, String by, String comment) {
    boolean known =
        taskId != null
            && jdbc.sql(
                        "SELECT COUNT(*) FROM tandem_request_decision WHERE request_id = ? AND task_id = ?")
                    .params(id, taskId)
                    .query(Long.class)
                    .single()
                > 0;
    if (known) {
      return;
    }
    Timestamp at = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            INSERT INTO tandem_request_decision (request_id, stage, decision, decided_by, decided_at, comment_text, task_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""")
        .params(id, stage, decision, by, at, comment, taskId)
        .update();
    events.publishEvent(new DecisionRecorded(id, stage, decision, at.toLocalDateTime()));
  }

  /**
   * Replaces the overlaps recorded for the request with those of the latest inventory check: tools
   * we own and other open requests.
   */
  public void replaceOverlaps(String id, List<RecordedOverlap> overlaps) {
    jdbc.sql("DELETE FROM tandem_request_overlap WHERE request_id = ?").param(id).update();
    jdbc.sql("DELETE FROM tandem_request_open_overlap WHERE request_id = ?").param(id).update();
    for (RecordedOverlap overlap : overlaps) {
      if (overlap.concernsOpenRequest()) {
        jdbc.sql(
                """
                INSERT INTO tandem_request_open_overlap (request_id, other_request_id, reason, capabilities)
                VALUES (?, ?, ?, ?)""")
            .params(
                id, overlap.requestId(), overlap.reason(), String.join(",", overlap.capabilities()))
            .update();
        continue;
      }
      jdbc.sql(
              """
              INSERT INTO tandem_request_overlap (request_id, tool_id, tool_name, vendor, reason, capabilities)
              VALUES (?, ?, ?, ?, ?, ?)""")
          .params(
              id,
              overlap.toolId(),
              overlap.toolName(),
              overlap.vendor(),
              overlap.reason(),
              String.join(",", overlap.capabilities()))
          .update();
    }
  }

  /**
   * One statement, so no transaction of its own: it joins the caller's (inside the engine, the
   * engine's: it sees that transaction's writes) and otherwise runs alone in auto-commit, as a
   * single statement is consistent by itself. A read-only transaction around it would cost three
   * round trips more ({@code SET autocommit=0}, {@code COMMIT}, {@code SET autocommit=1}), and the
   * request page polls this read.
   */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<PurchaseRequest> find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM tandem_purchase_request WHERE id = ?")
        .param(id)
        .query(RequestRegistry::mapRequest)
        .optional();
  }

  /** The request, which must exist. One statement, as {@link #find}. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public PurchaseRequest get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("No purchase request " + id));
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true) // one statement: see find
  public List<Decision> decisions(String id) {
    return jdbc.sql(
            """
            SELECT stage, decision, decided_by, decided_at, comment_text FROM tandem_request_decision
            WHERE request_id = ? ORDER BY decided_at, id""")
        .param(id)
        .query(
            (rs, n) ->
                new Decision(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5)))
        .list();
  }

  /** The case's latest decision at {@code stage} (e.g. "BOARD"), if any. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Optional<Decision> lastDecision(String id, String stage) {
    return decisions(id).stream()
        .filter(d -> stage.equals(d.stage()))
        .reduce((first, second) -> second);
  }

  /**
   * What overlaps with the request: the tools we own that its latest inventory check found, then
   * the other requests overlapping with it, whichever of the two was checked later, each with its
   * current status.
   */
  @Transactional(readOnly = true)
  public List<RecordedOverlap> overlaps(String id) {
    List<RecordedOverlap> overlaps =
        new ArrayList<>(
            jdbc.sql(
                    """
                    SELECT tool_id, tool_name, vendor, reason, capabilities FROM tandem_request_overlap
                    WHERE request_id = ? ORDER BY tool_name""")
                .param(id)
                .query(
                    (rs, n) ->
                        RecordedOverlap.ownedTool(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            split(rs.getString(5))))
                .list());
    overlaps.addAll(
        jdbc.sql(
                """
                SELECT r.id, r.tool_name, r.vendor, o.reason, o.capabilities, r.requester, r.status
                FROM tandem_request_open_overlap o
                JOIN tandem_purchase_request r ON r.id = o.other_request_id
                WHERE o.request_id = :id
                UNION
                SELECT r.id, r.tool_name, r.vendor, o.reason, o.capabilities, r.requester, r.status
                FROM tandem_request_open_overlap o
                JOIN tandem_purchase_request r ON r.id = o.request_id
                WHERE o.other_request_id = :id
                ORDER BY 1""")
            .param("id", id)
            .query(
                (rs, n) ->
                    RecordedOverlap.openRequest(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        split(rs.getString(5)),
                        rs.getString(6),
                        RequestStatus.valueOf(rs.getString(7))))
            .list());
    return overlaps;
  }

  /**
   * The requests not yet in a final status (PRODUCT.md §2), oldest first: discovery links what it
   * finds of their vendors to them.
   */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true) // one statement: see find
  public List<PurchaseRequest> open() {
    List<String> finals =
        Arrays.stream(RequestStatus.values())
            .filter(RequestStatus::isFinal)
            .map(Enum::name)
            .toList();
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tandem_purchase_request WHERE status NOT IN (:finals) ORDER BY created_at, id")
        .param("finals", finals)
        .query(RequestRegistry::mapRequest)
        .list();
  }

  /** A page of requests, newest first, optionally filtered by status and requester. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true) // one statement: see find
  public List<PurchaseRequest> page(RequestStatus status, String requester, int page, int size) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM tandem_purchase_request"
                + " WHERE (:status IS NULL OR status = :status) AND (:requester IS NULL OR requester = :requester)"
                + " ORDER BY created_at DESC, id DESC LIMIT :size OFFSET :offset")
        .param("status", status == null ? null : status.name())
        .param("requester", requester)
        .param("size", size)
        .param("offset", page * size)
        .query(RequestRegistry::mapRequest)
        .list();
  }

  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true) // one statement: see find
  public long count(RequestStatus status, String requester) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM tandem_purchase_request"
                + " WHERE (:status IS NULL OR status = :status) AND (:requester IS NULL OR requester = :requester)")
        .param("status", status == null ? null : status.name())
        .param("requester", requester)
        .query(Long.class)
        .single();
  }

  private static PurchaseRequest mapRequest(ResultSet rs, int row) throws SQLException {
    IntakeData data =
        new IntakeData(
            rs.getString("tool_name"),
            rs.getString("vendor"),
            rs.getString("vendor_url"),
            split(rs.getString("capabilities")),
            rs.getString("business_justification"),
            rs.getBigDecimal("annual_license_cost"),
            rs.getBigDecimal("implementation_cost"),
            rs.getString("currency"),
            rs.getInt("seats"),
            rs.getInt("contract_term_months"),
            rs.getDate("needed_by").toLocalDate(),
            PersonalData.valueOf(rs.getString("personal_data")),
            SsoSupport.valueOf(rs.getString("sso")),
            split(rs.getString("integrations")),
            rs.getBoolean("data_export_supported"));
    return new PurchaseRequest(
        rs.getString("id"),
        rs.getString("process_instance_id"),
        rs.getString("requester"),
        RequestStatus.valueOf(rs.getString("status")),
        data,
        rs.getString("new_tool_justification"),
        instant(rs.getTimestamp("created_at")),
        instant(rs.getTimestamp("updated_at")));
  }

  private static Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }
}
