package com.tandem.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory in Tandem's own tables ({@code tandem_tool}, {@code tandem_tool_capability}, {@code
 * tandem_capability}). Active unless {@code tandem.inventory.provider} names another
 * implementation, so that a company can plug in its CMDB instead (docs/plug-in-services.md).
 *
 * <p>Vendors are compared by {@link VendorNames}: the key is stored in {@code vendor_key} and the
 * fuzzy part of the comparison runs here, over the vendors of the active tools.
 */
@Service
@ConditionalOnProperty(
    name = "tandem.inventory.provider",
    havingValue = "jdbc",
    matchIfMissing = true)
public class JdbcInventoryService implements InventoryService {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcInventoryService.class);

  private static final String TOOL_COLUMNS =
      "t.id, t.name, t.vendor, t.owner, t.status, t.annual_cost, t.currency,"
          + " t.renewal_date, t.sso, t.personal_data, t.request_id";

  /**
   * How long the capability taxonomy is used as read. Only the Liquibase changelog writes {@code
   * tandem_capability} (changeset 002 and later ones; Tandem has no screen or API that edits it),
   * so it changes when a new version is deployed or an administrator changes the table by hand.
   * Every request reads it (intake validation, the names in summaries and board packets); each node
   * reads it again at most once a minute: a capability added by hand, or by a newer node's
   * migration during a rolling upgrade, is accepted and named everywhere within a minute.
   */
  static final Duration TAXONOMY_TTL = Duration.ofMinutes(1);

  private record Taxonomy(List<Capability> capabilities, Set<String> codes, long until) {}

  private final JdbcClient jdbc;
  private final LongSupplier nanoTime;
  private volatile Taxonomy taxonomy;

  @Autowired
  public JdbcInventoryService(JdbcClient jdbc) {
    this(jdbc, System::nanoTime);
  }

  /** With the time source of the taxonomy's expiry ({@link System#nanoTime()}), for tests. */
  JdbcInventoryService(JdbcClient jdbc, LongSupplier nanoTime) {
    this.jdbc = jdbc;
    this.nanoTime = nanoTime;
  }

  @Override
  public List<Capability> capabilities() {
    return taxonomy().capabilities();
  }

  @Override
  public boolean isKnownCapability(String code) {
    return code != null && taxonomy().codes().contains(code);
  }

  private Taxonomy taxonomy() {
    long now = nanoTime.getAsLong();
    Taxonomy known = taxonomy;
    if (known != null && now - known.until() < 0) {
      return known;
    }
    List<Capability> read =
        jdbc.sql("SELECT code, name FROM tandem_capability ORDER BY name, code")
            .query((rs, n) -> new Capability(rs.getString("code"), rs.getString("name")))
            .list();
    Taxonomy fresh =
        new Taxonomy(
            List.copyOf(read),
            read.stream().map(Capability::code).collect(Collectors.toUnmodifiableSet()),
            now + TAXONOMY_TTL.toNanos());
    taxonomy = fresh;
    return fresh;
  }

  @Override
  public List<Tool> tools(Optional<String> capability) {
    if (capability.isPresent()) {
      return withCapabilities(
          jdbc.sql(
                  "SELECT "
                      + TOOL_COLUMNS
                      + " FROM tandem_tool t WHERE EXISTS ("
                      + " SELECT 1 FROM tandem_tool_capability c WHERE c.tool_id = t.id AND c.capability_code = :cap)"
                      + " ORDER BY t.name, t.id")
              .param("cap", capability.get())
              .query(JdbcInventoryService::toolRow)
              .list());
    }
    return withCapabilities(
        jdbc.sql("SELECT " + TOOL_COLUMNS + " FROM tandem_tool t ORDER BY t.name, t.id")
            .query(JdbcInventoryService::toolRow)
            .list());
  }

  @Override
  public List<Overlap> findOverlaps(String vendor, Collection<String> capabilities) {
    Set<String> requested = new LinkedHashSet<>(capabilities == null ? List.of() : capabilities);
    requested.remove(null);
    Map<Long, Overlap> overlaps = new LinkedHashMap<>();
    if (!requested.isEmpty()) {
      Map<Long, List<String>> covered = new LinkedHashMap<>();
      Map<Long, ToolRow> tools = new LinkedHashMap<>();
      jdbc.sql(
              "SELECT "
                  + TOOL_COLUMNS
                  + ", c.capability_code FROM tandem_tool t"
                  + " JOIN tandem_tool_capability c ON c.tool_id = t.id"
                  + " WHERE t.status = :active AND c.capability_code IN (:caps)"
                  + " ORDER BY t.name, t.id, c.capability_code")
          .param("active", ToolStatus.ACTIVE.name())
          .param("caps", requested)
          .query(
              rs -> {
                ToolRow tool = toolRow(rs, 0);
                tools.putIfAbsent(tool.id(), tool);
                covered
                    .computeIfAbsent(tool.id(), id -> new ArrayList<>())
                    .add(rs.getString("capability_code"));
              });
      tools.forEach(
          (id, tool) ->
              overlaps.put(
                  id,
                  new Overlap(
                      id,
                      tool.name(),
                      tool.vendor(),
                      OverlapReason.CAPABILITY,
                      List.copyOf(covered.get(id)))));
    }
    String key = VendorNames.key(vendor);
    if (!key.isEmpty()) {
      jdbc.sql(
              "SELECT t.id, t.name, t.vendor, t.vendor_key FROM tandem_tool t WHERE t.status = :active"
                  + " ORDER BY t.name, t.id")
          .param("active", ToolStatus.ACTIVE.name())
          .query(
              rs -> {
                long id = rs.getLong("id");
                if (!overlaps.containsKey(id)
                    && VendorNames.sameKey(key, rs.getString("vendor_key"))) {
                  overlaps.put(
                      id,
                      new Overlap(
                          id,
                          rs.getString("name"),
                          rs.getString("vendor"),
                          OverlapReason.VENDOR,
                          List.of()));
                }
              });
    }
    LOG.debug(
        "Overlaps for vendor '{}' and capabilities {}: {}", vendor, requested, overlaps.keySet());
    return List.copyOf(overlaps.values());
  }

  @Override
  @Transactional
  public Tool registerProcurement(String requestId, NewTool tool) {
    return register(requestId, tool, ToolStatus.PROCUREMENT);
  }

  @Override
  @Transactional
  public Tool registerInUse(String findingId, NewTool tool) {
    return register(findingId, tool, ToolStatus.ACTIVE);
  }

  /** Registers the case's tool once: a second call returns the entry the first one made. */
  private Tool register(String caseId, NewTool tool, ToolStatus status) {
    Objects.requireNonNull(caseId, "caseId");
    Optional<Tool> existing = toolOfRequest(caseId);
    if (existing.isPresent()) {
      LOG.debug("{} already registered tool {}", caseId, existing.get().id());
      return existing.get();
    }
    try {
      long id = insert(tool, status, caseId);
      LOG.info(
          "Registered '{}' of '{}' as {} for {} (tool {})",
          tool.name(),
          tool.vendor(),
          status,
          caseId,
          id);
    } catch (DuplicateKeyException concurrentRegistration) {
      // another node registered the same case in between: its entry is the one
      LOG.debug("{} was registered concurrently", caseId);
    }
    return toolOfRequest(caseId).orElseThrow();
  }

  @Override
  @Transactional
  public void activate(String requestId) {
    int updated =
        jdbc.sql(
                "UPDATE tandem_tool SET status = :active, updated_at = CURRENT_TIMESTAMP"
                    + " WHERE request_id = :requestId AND status = :procurement")
            .param("active", ToolStatus.ACTIVE.name())
            .param("procurement", ToolStatus.PROCUREMENT.name())
            .param("requestId", requestId)
            .update();
    if (updated > 0) {
      LOG.info("Activated the tool of request {}", requestId);
      return;
    }
    Tool tool =
        toolOfRequest(requestId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Request "
                            + requestId
                            + " has no tool in the inventory to activate; register its procurement first"));
    LOG.debug("Tool {} of request {} is already {}", tool.id(), requestId, tool.status());
  }

  @Override
  @Transactional
  public void discardProcurement(String requestId) {
    // the tool's capabilities go with it (ON DELETE CASCADE)
    int deleted =
        jdbc.sql("DELETE FROM tandem_tool WHERE request_id = :requestId AND status = :procurement")
            .param("requestId", requestId)
            .param("procurement", ToolStatus.PROCUREMENT.name())
            .update();
    if (deleted > 0) {
      LOG.info("Discarded the procurement entry of request {}", requestId);
    }
  }

  @Override
  public Optional<Tool> tool(long toolId) {
    return jdbc.sql("SELECT " + TOOL_COLUMNS + " FROM tandem_tool t WHERE t.id = :id")
        .param("id", toolId)
        .query(JdbcInventoryService::toolRow)
        .optional()
        .map(row -> withCapabilities(List.of(row)).get(0));
  }

  @Override
  public List<String> integrations(long toolId) {
    return jdbc.sql(
            "SELECT integration FROM tandem_tool_integration WHERE tool_id = :id ORDER BY integration")
        .param("id", toolId)
        .query(String.class)
        .list();
  }

  @Override
  @Transactional
  public void retire(long toolId) {
    int updated =
        jdbc.sql(
                "UPDATE tandem_tool SET status = :retired, updated_at = CURRENT_TIMESTAMP"
                    + " WHERE id = :id AND status = :active")
            .param("retired", ToolStatus.RETIRED.name())
            .param("active", ToolStatus.ACTIVE.name())
            .param("id", toolId)
            .update();
    if (updated > 0) {
      LOG.info("Retired tool {}", toolId);
      return;
    }
    Tool tool =
        tool(toolId)
            .orElseThrow(
                () -> new IllegalStateException("There is no tool " + toolId + " to retire"));
    if (tool.status() != ToolStatus.RETIRED) {
      throw new IllegalStateException(
          "Tool %d (%s) is %s, not ACTIVE: only an active tool is retired"
              .formatted(toolId, tool.name(), tool.status()));
    }
    LOG.debug("Tool {} is already retired", toolId);
  }

  private static final String CONTRACT_COLUMNS =
      "t.contract_start, t.contract_end, t.notice_period_days, t.auto_renews, t.annual_cost,"
          + " t.seats_bought";

  @Override
  public Optional<ToolContract> contract(long toolId) {
    return jdbc.sql(
            "SELECT "
                + CONTRACT_COLUMNS
                + " FROM tandem_tool t WHERE t.id = :id"
                + " AND t.contract_end IS NOT NULL")
        .param("id", toolId)
        .query((rs, n) -> contractRow(rs))
        .optional();
  }

  @Override
  @Transactional
  public void setContract(long toolId, ToolContract contract) {
    if (!contract.problems().isEmpty()) {
      throw new IllegalArgumentException(
          "Contract of tool " + toolId + " refused: " + contract.problems());
    }
    int updated =
        jdbc.sql(
                "UPDATE tandem_tool SET contract_start = :start, contract_end = :end,"
                    + " renewal_date = :end, notice_period_days = :notice, notice_date = :noticeDate,"
                    + " auto_renews = :autoRenews, annual_cost = :cost, seats_bought = :seats,"
                    + " updated_at = CURRENT_TIMESTAMP WHERE id = :id")
            .param("start", Date.valueOf(contract.contractStart()))
            .param("end", Date.valueOf(contract.contractEnd()))
            .param("notice", contract.noticePeriodDays())
            .param("noticeDate", Date.valueOf(contract.noticeDate()))
            .param("autoRenews", contract.autoRenews())
            .param("cost", contract.annualCost().setScale(2, RoundingMode.HALF_UP))
            .param("seats", contract.seatsBought())
            .param("id", toolId)
            .update();
    if (updated == 0) {
      throw new java.util.NoSuchElementException("There is no tool " + toolId);
    }
    LOG.info("Contract of tool {}: {}", toolId, contract);
  }

  @Override
  public List<ContractedTool> contractsWithNoticeBy(LocalDate date) {
    return contracted("t.notice_date <= :date ORDER BY t.notice_date, t.id", date);
  }

  @Override
  public List<ContractedTool> contractsEndingBy(LocalDate date) {
    return contracted(
        "t.contract_end IS NOT NULL AND t.contract_end <= :date ORDER BY t.contract_end, t.id",
        date);
  }

  private List<ContractedTool> contracted(String condition, LocalDate date) {
    return jdbc.sql(
            "SELECT t.id, t.name, t.vendor, t.owner, t.currency, "
                + CONTRACT_COLUMNS
                + " FROM tandem_tool t WHERE t.status = :active AND "
                + condition)
        .param("active", ToolStatus.ACTIVE.name())
        .param("date", Date.valueOf(date))
        .query(
            (rs, n) ->
                new ContractedTool(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("vendor"),
                    rs.getString("owner"),
                    rs.getString("currency"),
                    contractRow(rs)))
        .list();
  }

  private static ToolContract contractRow(ResultSet rs) throws SQLException {
    Date start = rs.getDate("contract_start");
    Date end = rs.getDate("contract_end");
    int seats = rs.getInt("seats_bought");
    Integer seatsBought = rs.wasNull() ? null : seats;
    return new ToolContract(
        start == null ? null : start.toLocalDate(),
        end == null ? null : end.toLocalDate(),
        rs.getInt("notice_period_days"),
        rs.getBoolean("auto_renews"),
        rs.getBigDecimal("annual_cost").setScale(2, RoundingMode.HALF_UP),
        seatsBought);
  }

  /**
   * Records the integrations of a tool the company owns (demo catalog, an import); existing ones
   * are kept. Idempotent.
   */
  @Transactional
  void addIntegrations(long toolId, List<String> integrations) {
    for (String integration : new LinkedHashSet<>(integrations)) {
      boolean exists =
          jdbc.sql(
                      "SELECT COUNT(*) FROM tandem_tool_integration WHERE tool_id = :id"
                          + " AND integration = :integration")
                  .param("id", toolId)
                  .param("integration", integration)
                  .query(Integer.class)
                  .single()
              > 0;
      if (!exists) {
        jdbc.sql(
                "INSERT INTO tandem_tool_integration (tool_id, integration) VALUES (:id, :integration)")
            .param("id", toolId)
            .param("integration", integration)
            .update();
      }
    }
  }

  /** The id of an owned tool by name and vendor, as the demo catalog names it. */
  Optional<Long> ownedToolId(String name, String vendor) {
    return jdbc.sql("SELECT id FROM tandem_tool WHERE name = :name AND vendor_key = :vendorKey")
        .param("name", name)
        .param("vendorKey", VendorNames.key(vendor))
        .query(Long.class)
        .optional();
  }

  @Override
  public Optional<Tool> toolOfRequest(String requestId) {
    return jdbc.sql(
            "SELECT " + TOOL_COLUMNS + " FROM tandem_tool t WHERE t.request_id = :requestId")
        .param("requestId", requestId)
        .query(JdbcInventoryService::toolRow)
        .optional()
        .map(row -> withCapabilities(List.of(row)).get(0));
  }

  /**
   * Adds a tool the company already owns, one that came in without a purchase request (the demo
   * catalog, an import). Idempotent by name and vendor: an existing entry is left as it is.
   *
   * @return whether the tool was added
   */
  @Transactional
  boolean addOwnedTool(NewTool tool, ToolStatus status) {
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM tandem_tool WHERE name = :name AND vendor_key = :vendorKey")
                .param("name", tool.name())
                .param("vendorKey", VendorNames.key(tool.vendor()))
                .query(Integer.class)
                .single()
            > 0;
    if (exists) {
      return false;
    }
    insert(tool, status, null);
    return true;
  }

  private long insert(NewTool tool, ToolStatus status, String requestId) {
    Objects.requireNonNull(tool, "tool");
    List<String> codes = tool.capabilities() == null ? List.of() : tool.capabilities();
    List<String> unknown = codes.stream().filter(code -> !isKnownCapability(code)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown capabilities " + unknown + " for tool '" + tool.name() + "'");
    }
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO tandem_tool (name, vendor, vendor_key, owner, status, annual_cost, currency, renewal_date,"
                + " sso, personal_data, request_id, contract_start, contract_end, notice_period_days,"
                + " auto_renews, notice_date, created_at, updated_at) VALUES (:name, :vendor, :vendorKey, :owner,"
                + " :status, :annualCost, :currency, :renewalDate, :sso, :personalData, :requestId,"
                + " :contractStart, :renewalDate, :noticeDays, :autoRenews, :noticeDate,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        .param("name", Objects.requireNonNull(tool.name(), "name"))
        .param("vendor", Objects.requireNonNull(tool.vendor(), "vendor"))
        .param("vendorKey", VendorNames.key(tool.vendor()))
        .param("owner", Objects.requireNonNull(tool.owner(), "owner"))
        .param("status", status.name())
        .param(
            "annualCost",
            Objects.requireNonNull(tool.annualCost(), "annualCost")
                .setScale(2, RoundingMode.HALF_UP))
        .param("currency", Objects.requireNonNull(tool.currency(), "currency"))
        .param("renewalDate", tool.renewalDate() == null ? null : Date.valueOf(tool.renewalDate()))
        .param("sso", Objects.requireNonNull(tool.sso(), "sso"))
        .param("personalData", Objects.requireNonNull(tool.personalData(), "personalData"))
        .param("requestId", requestId)
        // until someone records the real contract: a one-year term ending on the renewal date
        .param(
            "contractStart",
            tool.renewalDate() == null ? null : Date.valueOf(tool.renewalDate().minusYears(1)))
        .param("noticeDays", ToolContract.DEFAULT_NOTICE_PERIOD_DAYS)
        .param("autoRenews", true)
        .param(
            "noticeDate",
            tool.renewalDate() == null
                ? null
                : Date.valueOf(
                    tool.renewalDate().minusDays(ToolContract.DEFAULT_NOTICE_PERIOD_DAYS)))
        .update(keys, "id");
    long id = Objects.requireNonNull(keys.getKey(), "generated id").longValue();
    for (String code : new LinkedHashSet<>(codes)) {
      jdbc.sql(
              "INSERT INTO tandem_tool_capability (tool_id, capability_code) VALUES (:toolId, :code)")
          .param("toolId", id)
          .param("code", code)
          .update();
    }
    return id;
  }

  private List<Tool> withCapabilities(List<ToolRow> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<String>> capabilities = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT tool_id, capability_code FROM tandem_tool_capability WHERE tool_id IN (:ids)"
                + " ORDER BY tool_id, capability_code")
        .param("ids", rows.stream().map(ToolRow::id).toList())
        .query(
            rs -> {
              capabilities
                  .computeIfAbsent(rs.getLong("tool_id"), id -> new ArrayList<>())
                  .add(rs.getString("capability_code"));
            });
    return rows.stream()
        .map(row -> row.toTool(capabilities.getOrDefault(row.id(), List.of())))
        .toList();
  }

  private static ToolRow toolRow(ResultSet rs, int rowNum) throws SQLException {
    Date renewal = rs.getDate("renewal_date");
    return new ToolRow(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("vendor"),
        rs.getString("owner"),
        ToolStatus.valueOf(rs.getString("status")),
        rs.getBigDecimal("annual_cost").setScale(2, RoundingMode.HALF_UP),
        rs.getString("currency"),
        renewal == null ? null : renewal.toLocalDate(),
        rs.getString("sso"),
        rs.getString("personal_data"),
        rs.getString("request_id"));
  }

  /** A tool row before its capabilities are read. */
  private record ToolRow(
      long id,
      String name,
      String vendor,
      String owner,
      ToolStatus status,
      BigDecimal annualCost,
      String currency,
      LocalDate renewalDate,
      String sso,
      String personalData,
      String requestId) {

    Tool toTool(List<String> capabilities) {
      return new Tool(
          id,
          name,
          vendor,
          List.copyOf(capabilities),
          owner,
          status,
          annualCost,
          currency,
          renewalDate,
          sso,
          personalData,
          requestId);
    }
  }
}
