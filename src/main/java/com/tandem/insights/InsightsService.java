package com.tandem.insights;

import com.tandem.budget.BudgetLine;
import com.tandem.budget.BudgetProperties;
import com.tandem.budget.BudgetService;
import com.tandem.discovery.FindingStatus;
import com.tandem.insights.InsightsFigures.AgeBand;
import com.tandem.insights.InsightsFigures.Budget;
import com.tandem.insights.InsightsFigures.BudgetLineFigures;
import com.tandem.insights.InsightsFigures.CapabilityCover;
import com.tandem.insights.InsightsFigures.DecisionCount;
import com.tandem.insights.InsightsFigures.FindingMonth;
import com.tandem.insights.InsightsFigures.MonthFlow;
import com.tandem.insights.InsightsFigures.OwnedTool;
import com.tandem.insights.InsightsFigures.RequestPage;
import com.tandem.insights.InsightsFigures.RequestRow;
import com.tandem.insights.InsightsFigures.Requests;
import com.tandem.insights.InsightsFigures.ShadowIt;
import com.tandem.insights.InsightsFigures.SideTime;
import com.tandem.insights.InsightsFigures.StackMap;
import com.tandem.insights.InsightsFigures.StageTime;
import com.tandem.insights.InsightsFigures.Stages;
import com.tandem.insights.InsightsFigures.StatusCount;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The figures of /insights, read as aggregates (GROUP BY in the database, on the indexes of
 * changeset 012) from Camunda's task history, Tandem's decision log, the requests, the budget, the
 * inventory and the findings: never row by row, so that a long history stays fast
 * (docs/benchmark.md).
 */
@Service
public class InsightsService {

  static final List<String> FINAL_STATUSES =
      Arrays.stream(RequestStatus.values()).filter(RequestStatus::isFinal).map(Enum::name).toList();

  static final List<String> OPEN_FINDINGS =
      Arrays.stream(FindingStatus.values()).filter(s -> !s.isFinal()).map(Enum::name).toList();

  private final JdbcClient jdbc;
  private final BudgetService budgets;
  private final BudgetProperties budgetProperties;
  private final ObjectProvider<com.tandem.budget.NegotiationSavings> savings;
  private final ObjectProvider<RenewalFigures> renewals;
  private final Clock clock;

  public InsightsService(
      JdbcClient jdbc,
      BudgetService budgets,
      BudgetProperties budgetProperties,
      ObjectProvider<com.tandem.budget.NegotiationSavings> savings,
      ObjectProvider<RenewalFigures> renewals,
      Clock clock) {
    this.jdbc = jdbc;
    this.budgets = budgets;
    this.budgetProperties = budgetProperties;
    this.savings = savings;
    this.renewals = renewals;
    this.clock = clock;
  }

  /** The fiscal year of today. */
  public int currentFiscalYear() {
    return budgetProperties.fiscalYearOf(LocalDate.now(clock));
  }

  FiscalYear fiscalYear(int year) {
    return FiscalYear.of(year, budgetProperties.fiscalYearStartMonth());
  }

  /** Whether {@code code} is a capability of the taxonomy. */
  public boolean isCapability(String code) {
    return jdbc.sql("SELECT COUNT(*) FROM tandem_capability WHERE code = ?")
            .param(code)
            .query(Long.class)
            .single()
        > 0;
  }

  // ---------------------------------------------------------------- stages

  /**
   * Time in each stage: the user tasks completed in the fiscal year (tasks cancelled by another
   * reviewer's veto or a withdrawal are not decisions and are left out), and the decisions taken.
   * Read from the rollup of changeset 018, which {@link StageRollup} keeps in the completing
   * transactions: a few thousand rows per fiscal year however long the history. Without a
   * capability filter, the joint reviews of shadow-IT findings (the same reviewers, the same tasks)
   * count too. The same figures as {@link #stagesFromHistory}.
   */
  public Stages stages(int year, String capability) {
    FiscalYear fy = fiscalYear(year);
    Map<Stage, DurationHistogram> histograms = new EnumMap<>(Stage.class);
    Map<Stage, long[]> sla = new EnumMap<>(Stage.class);
    // the months of a bucket are added up here: on MariaDB, grouping the year's rows (tens of
    // thousands on 100 000 requests) in a temporary table took longer than sending them
    jdbc.sql(
            """
            SELECT task_key, bucket, task_count AS n, with_sla, late
              FROM tandem_insights_task_rollup
             WHERE capability = :cap AND period >= :from AND period < :until
               AND task_key IN (:keys)
            """)
        .param("cap", capability == null ? StageRollup.EVERY : capability)
        .param("from", period(fy.start()))
        .param("until", period(fy.end()))
        .param("keys", Stage.taskKeys())
        .query((RowCallbackHandler) rs -> addBucket(rs, histograms, sla));
    List<DecisionCount> decisions =
        jdbc.sql(
                """
                SELECT stage, decision, SUM(decision_count) AS n
                  FROM tandem_insights_decision_rollup
                 WHERE capability = :cap AND period >= :from AND period < :until
                 GROUP BY stage, decision
                HAVING SUM(decision_count) > 0
                 ORDER BY stage, decision
                """)
            .param("cap", capability == null ? StageRollup.EVERY : capability)
            .param("from", period(fy.start()))
            .param("until", period(fy.end()))
            .query(
                (rs, i) ->
                    new DecisionCount(
                        rs.getString("stage"), rs.getString("decision"), rs.getLong("n")))
            .list();
    return stages(year, fy, capability, histograms, sla, decisions);
  }

  /** A month as the rollup names it: year * 100 + month. */
  private static int period(LocalDate firstOfMonth) {
    return firstOfMonth.getYear() * 100 + firstOfMonth.getMonthValue();
  }

  /**
   * The figures of {@link #stages}, aggregated from the history itself: every completed task of the
   * year in {@code ACT_HI_TASKINST} (through the index of changeset 012) and the decision log. What
   * the rollup must always agree with; the tests and the benchmark compare both.
   */
  public Stages stagesFromHistory(int year, String capability) {
    FiscalYear fy = fiscalYear(year);
    String sql =
        """
        SELECT t.TASK_DEF_KEY_ AS task_key, FLOOR(t.DURATION_ / %d) AS bucket, COUNT(*) AS n,
               SUM(CASE WHEN t.DUE_DATE_ IS NOT NULL THEN 1 ELSE 0 END) AS with_sla,
               SUM(CASE WHEN t.DUE_DATE_ IS NOT NULL AND t.END_TIME_ > t.DUE_DATE_ THEN 1 ELSE 0 END) AS late
          FROM ACT_HI_TASKINST t
          %s
         WHERE t.END_TIME_ >= :from AND t.END_TIME_ < :until
           AND t.TASK_STATE_ = 'Completed'
           AND t.TASK_DEF_KEY_ IN (:keys)
           %s
         GROUP BY t.TASK_DEF_KEY_, FLOOR(t.DURATION_ / %d)
        """
            .formatted(
                DurationHistogram.BUCKET_MILLIS,
                capability == null
                    ? ""
                    : "JOIN tandem_purchase_request r ON r.process_instance_id = t.ROOT_PROC_INST_ID_",
                capabilityCondition(capability),
                DurationHistogram.BUCKET_MILLIS);
    Map<Stage, DurationHistogram> histograms = new EnumMap<>(Stage.class);
    Map<Stage, long[]> sla = new EnumMap<>(Stage.class);
    var statement =
        jdbc.sql(sql)
            .param("from", Timestamp.valueOf(fy.from()))
            .param("until", Timestamp.valueOf(fy.until()))
            .param("keys", Stage.taskKeys());
    if (capability != null) {
      statement = statement.param("cap", capabilityPattern(capability));
    }
    statement.query((RowCallbackHandler) rs -> addBucket(rs, histograms, sla));
    return stages(year, fy, capability, histograms, sla, decisionsFromLog(fy, capability));
  }

  private static void addBucket(
      java.sql.ResultSet rs, Map<Stage, DurationHistogram> histograms, Map<Stage, long[]> sla)
      throws java.sql.SQLException {
    Optional<Stage> stage = Stage.ofTaskKey(rs.getString("task_key"));
    if (stage.isEmpty()) {
      return;
    }
    histograms
        .computeIfAbsent(stage.get(), s -> new DurationHistogram())
        .add(rs.getLong("bucket"), rs.getLong("n"));
    long[] counts = sla.computeIfAbsent(stage.get(), s -> new long[2]);
    counts[0] += rs.getLong("with_sla");
    counts[1] += rs.getLong("late");
  }

  private static Stages stages(
      int year,
      FiscalYear fy,
      String capability,
      Map<Stage, DurationHistogram> histograms,
      Map<Stage, long[]> sla,
      List<DecisionCount> decisions) {
    List<StageTime> stages = new ArrayList<>();
    Map<Side, DurationHistogram> bySide = new EnumMap<>(Side.class);
    Map<Side, long[]> slaBySide = new EnumMap<>(Side.class);
    for (Stage stage : Stage.values()) {
      DurationHistogram h = histograms.getOrDefault(stage, new DurationHistogram());
      long[] s = sla.getOrDefault(stage, new long[2]);
      stages.add(
          new StageTime(
              stage.taskKey(),
              stage.label(),
              stage.side(),
              stage.side().label(),
              h.count(),
              h.percentileHours(50),
              h.percentileHours(90),
              s[0],
              s[1]));
      bySide.computeIfAbsent(stage.side(), x -> new DurationHistogram()).addAll(h);
      long[] side = slaBySide.computeIfAbsent(stage.side(), x -> new long[2]);
      side[0] += s[0];
      side[1] += s[1];
    }
    List<SideTime> sides = new ArrayList<>();
    for (Side side : Side.values()) {
      DurationHistogram h = bySide.get(side);
      long[] s = slaBySide.get(side);
      sides.add(
          new SideTime(
              side,
              side.label(),
              h.count(),
              h.percentileHours(50),
              h.percentileHours(90),
              s[0],
              s[1]));
    }
    return new Stages(year, fy.start(), fy.lastDay(), capability, stages, sides, decisions);
  }

  private List<DecisionCount> decisionsFromLog(FiscalYear fy, String capability) {
    String sql =
        """
        SELECT d.stage, d.decision, COUNT(*) AS n
          FROM tandem_request_decision d
          %s
         WHERE d.decided_at >= :from AND d.decided_at < :until
           AND d.request_id LIKE 'MTR-%%'
           %s
         GROUP BY d.stage, d.decision
         ORDER BY d.stage, d.decision
        """
            .formatted(
                capability == null ? "" : "JOIN tandem_purchase_request r ON r.id = d.request_id",
                capabilityCondition(capability));
    var statement =
        jdbc.sql(sql)
            .param("from", Timestamp.valueOf(fy.from()))
            .param("until", Timestamp.valueOf(fy.until()));
    if (capability != null) {
      statement = statement.param("cap", capabilityPattern(capability));
    }
    return statement
        .query(
            (rs, i) ->
                new DecisionCount(rs.getString("stage"), rs.getString("decision"), rs.getLong("n")))
        .list();
  }

  // ---------------------------------------------------------------- requests

  /**
   * Requests submitted in the fiscal year by their status today, and the flow per month: submitted
   * (by creation) and decided (a final status reached, by its time). One pass over the requests
   * that are either: with a capability each row is read once for its capability list, where three
   * separate aggregates read it three times (docs/benchmark.md, "Insights").
   */
  public Requests requests(int year, String capability) {
    FiscalYear fy = fiscalYear(year);
    String inYear = "r.created_at >= :from AND r.created_at < :until";
    String decidedInYear =
        "r.status IN (:finals) AND r.updated_at >= :from AND r.updated_at < :until";
    var rows =
        jdbc.sql(
                """
                SELECT status, cy, cm, dy, dm, COUNT(*) AS n FROM (
                  SELECT r.status,
                         CASE WHEN %1$s THEN EXTRACT(YEAR FROM r.created_at) END AS cy,
                         CASE WHEN %1$s THEN EXTRACT(MONTH FROM r.created_at) END AS cm,
                         CASE WHEN %2$s THEN EXTRACT(YEAR FROM r.updated_at) END AS dy,
                         CASE WHEN %2$s THEN EXTRACT(MONTH FROM r.updated_at) END AS dm
                    FROM tandem_purchase_request r
                   WHERE ((%1$s) OR (%2$s)) %3$s
                ) t
                 GROUP BY status, cy, cm, dy, dm
                """
                    .formatted(inYear, decidedInYear, capabilityCondition(capability)))
            .param("from", Timestamp.valueOf(fy.from()))
            .param("until", Timestamp.valueOf(fy.until()))
            .param("finals", FINAL_STATUSES);
    if (capability != null) {
      rows = rows.param("cap", capabilityPattern(capability));
    }
    Map<String, Long> byStatus = new HashMap<>();
    Map<YearMonth, long[]> flow = new LinkedHashMap<>();
    fy.months().forEach(m -> flow.put(m, new long[2]));
    rows.query(
        (RowCallbackHandler)
            rs -> {
              long n = rs.getLong("n");
              int submittedYear = rs.getInt("cy");
              if (!rs.wasNull()) {
                byStatus.merge(rs.getString("status"), n, Long::sum);
                addFlow(flow, submittedYear, rs.getInt("cm"), 0, n);
              }
              int decidedYear = rs.getInt("dy");
              if (!rs.wasNull()) {
                addFlow(flow, decidedYear, rs.getInt("dm"), 1, n);
              }
            });
    List<StatusCount> counts =
        Arrays.stream(RequestStatus.values())
            .map(s -> new StatusCount(s.name(), s.isFinal(), byStatus.getOrDefault(s.name(), 0L)))
            .toList();
    long total = counts.stream().mapToLong(StatusCount::count).sum();
    List<MonthFlow> months =
        flow.entrySet().stream()
            .map(e -> new MonthFlow(e.getKey().toString(), e.getValue()[0], e.getValue()[1]))
            .toList();
    return new Requests(year, fy.start(), fy.lastDay(), capability, total, counts, months);
  }

  private static void addFlow(Map<YearMonth, long[]> flow, int y, int m, int column, long n) {
    long[] cell = flow.get(YearMonth.of(y, m));
    if (cell != null) {
      cell[column] += n;
    }
  }

  /**
   * Every request, finished ones too, newest first: {@code query} matches tool, vendor or requester
   * (case-insensitive, anywhere in the text), {@code status} one status.
   */
  public RequestPage search(String query, String status, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (query != null && !query.isBlank()) {
      where.append(
          " AND (LOWER(tool_name) LIKE :q OR LOWER(vendor) LIKE :q OR LOWER(requester) LIKE :q"
              + " OR LOWER(id) LIKE :q)");
      params.put("q", "%" + likeEscaped(query.strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (status != null) {
      where.append(" AND status = :status");
      params.put("status", status);
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM tandem_purchase_request" + where)
            .params(params)
            .query(Long.class)
            .single();
    List<RequestRow> rows =
        // the page's ids from the search index alone (changeset 019), then only its rows
        jdbc.sql(
                "SELECT r.id, r.tool_name, r.vendor, r.requester, r.status,"
                    + " r.annual_license_cost, r.implementation_cost, r.currency, r.created_at,"
                    + " r.updated_at FROM tandem_purchase_request r JOIN (SELECT id, created_at"
                    + " FROM tandem_purchase_request"
                    + where
                    + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset) page"
                    + " ON page.id = r.id ORDER BY page.created_at DESC, page.id DESC")
            .params(params)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, i) ->
                    new RequestRow(
                        rs.getString("id"),
                        rs.getString("tool_name"),
                        rs.getString("vendor"),
                        rs.getString("requester"),
                        rs.getString("requester"),
                        rs.getString("status"),
                        FINAL_STATUSES.contains(rs.getString("status")),
                        rs.getBigDecimal("annual_license_cost"),
                        rs.getBigDecimal("implementation_cost"),
                        rs.getString("currency"),
                        rs.getTimestamp("created_at").toLocalDateTime().toString(),
                        rs.getTimestamp("updated_at").toLocalDateTime().toString()))
            .list();
    return new RequestPage(rows, page, size, total, (int) ((total + size - 1) / size));
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  // ---------------------------------------------------------------- budget

  /** The budget lines of the fiscal year, with savings from negotiation when they exist. */
  public Budget budget(int year) {
    com.tandem.budget.NegotiationSavings negotiations = savings.getIfAvailable();
    var saved = negotiations == null ? null : negotiations.of(year).byLine();
    List<BudgetLineFigures> lines =
        budgets.lines(year).stream()
            .map(
                (BudgetLine l) ->
                    new BudgetLineFigures(
                        l.owner().name(),
                        l.amount(),
                        l.held(),
                        l.committed(),
                        l.available(),
                        saved == null ? null : saved.get(l.owner()),
                        l.currency()))
            .toList();
    return new Budget(year, budgetProperties.currency(), lines, saved != null);
  }

  // ---------------------------------------------------------------- stack map

  /**
   * Every capability of the taxonomy with the ACTIVE tools that cover it: a gap has none, an
   * overlap two or more (consolidation candidates), with their total annual cost.
   */
  public StackMap stackMap() {
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, List<OwnedTool>> tools = new HashMap<>();
    jdbc.sql("SELECT code, name FROM tandem_capability ORDER BY name")
        .query((RowCallbackHandler) rs -> names.put(rs.getString("code"), rs.getString("name")));
    jdbc.sql(
            """
            SELECT tc.capability_code, t.id, t.name, t.vendor, t.annual_cost, t.currency
              FROM tandem_tool_capability tc JOIN tandem_tool t ON t.id = tc.tool_id
             WHERE t.status = 'ACTIVE'
             ORDER BY t.name, t.id
            """)
        .query(
            (RowCallbackHandler)
                rs ->
                    tools
                        .computeIfAbsent(rs.getString("capability_code"), c -> new ArrayList<>())
                        .add(
                            new OwnedTool(
                                rs.getLong("id"),
                                rs.getString("name"),
                                rs.getString("vendor"),
                                rs.getBigDecimal("annual_cost"),
                                rs.getString("currency"))));
    List<CapabilityCover> covers = new ArrayList<>();
    long gaps = 0;
    long overlaps = 0;
    BigDecimal overlapCost = BigDecimal.ZERO;
    for (var capability : names.entrySet()) {
      List<OwnedTool> owned = tools.getOrDefault(capability.getKey(), List.of());
      BigDecimal cost =
          owned.stream().map(OwnedTool::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
      boolean gap = owned.isEmpty();
      boolean overlap = owned.size() > 1;
      gaps += gap ? 1 : 0;
      if (overlap) {
        overlaps++;
        overlapCost = overlapCost.add(cost);
      }
      covers.add(
          new CapabilityCover(
              capability.getKey(), capability.getValue(), owned, gap, overlap, cost));
    }
    return new StackMap(covers, gaps, overlaps, overlapCost, budgetProperties.currency());
  }

  // ---------------------------------------------------------------- shadow IT

  /** Findings recorded in the fiscal year per month and status; open findings by age today. */
  public ShadowIt shadowIt(int year) {
    FiscalYear fy = fiscalYear(year);
    List<FindingMonth> perMonth = new ArrayList<>();
    Map<String, Long> byStatus = new HashMap<>();
    jdbc.sql(
            """
            SELECT EXTRACT(YEAR FROM created_at) AS y, EXTRACT(MONTH FROM created_at) AS m,
                   status, COUNT(*) AS n
              FROM tandem_discovery_finding
             WHERE created_at >= :from AND created_at < :until
             GROUP BY EXTRACT(YEAR FROM created_at), EXTRACT(MONTH FROM created_at), status
             ORDER BY 1, 2, 3
            """)
        .param("from", Timestamp.valueOf(fy.from()))
        .param("until", Timestamp.valueOf(fy.until()))
        .query(
            rs -> {
              String status = rs.getString("status");
              long n = rs.getLong("n");
              perMonth.add(
                  new FindingMonth(
                      YearMonth.of(rs.getInt("y"), rs.getInt("m")).toString(), status, n));
              byStatus.merge(status, n, Long::sum);
            });
    List<StatusCount> statuses =
        Arrays.stream(FindingStatus.values())
            .map(s -> new StatusCount(s.name(), s.isFinal(), byStatus.getOrDefault(s.name(), 0L)))
            .toList();
    LocalDateTime now = LocalDateTime.now(clock);
    Timestamp d30 = Timestamp.valueOf(now.minusDays(30));
    Timestamp d90 = Timestamp.valueOf(now.minusDays(90));
    Timestamp d180 = Timestamp.valueOf(now.minusDays(180));
    long[] ages = new long[4];
    jdbc.sql(
            """
            SELECT SUM(CASE WHEN created_at >= :d30 THEN 1 ELSE 0 END) AS a0,
                   SUM(CASE WHEN created_at < :d30 AND created_at >= :d90 THEN 1 ELSE 0 END) AS a1,
                   SUM(CASE WHEN created_at < :d90 AND created_at >= :d180 THEN 1 ELSE 0 END) AS a2,
                   SUM(CASE WHEN created_at < :d180 THEN 1 ELSE 0 END) AS a3
              FROM tandem_discovery_finding WHERE status IN (:open)
            """)
        .param("d30", d30)
        .param("d90", d90)
        .param("d180", d180)
        .param("open", OPEN_FINDINGS)
        .query(
            rs -> {
              for (int i = 0; i < 4; i++) {
                ages[i] = rs.getLong("a" + i);
              }
            });
    List<AgeBand> bands =
        List.of(
            new AgeBand("P0D-P30D", "Under 30 days", ages[0]),
            new AgeBand("P30D-P90D", "30 to 90 days", ages[1]),
            new AgeBand("P90D-P180D", "90 to 180 days", ages[2]),
            new AgeBand("P180D-", "Over 180 days", ages[3]));
    return new ShadowIt(
        year,
        fy.start(),
        fy.lastDay(),
        perMonth,
        statuses,
        bands,
        Stream.of(ages[0], ages[1], ages[2], ages[3]).mapToLong(Long::longValue).sum());
  }

  // ---------------------------------------------------------------- renewals

  /** Renewals due within 120 days and those renewed without review, once renewals exist. */
  public InsightsFigures.Renewals renewals(int year) {
    RenewalFigures figures = renewals.getIfAvailable();
    if (figures == null) {
      return new InsightsFigures.Renewals(
          false,
          "Not yet available: Tandem does not track contract renewals yet.",
          year,
          List.of(),
          null);
    }
    FiscalYear fy = fiscalYear(year);
    return new InsightsFigures.Renewals(
        true,
        null,
        year,
        figures.dueUntil(LocalDate.now(clock).plusDays(120)),
        figures.renewedWithoutReview(fy.start(), fy.end()));
  }

  // ---------------------------------------------------------------- helpers

  private static String capabilityCondition(String capability) {
    return capability == null ? "" : "AND CONCAT(',', r.capabilities, ',') LIKE :cap";
  }

  private static String capabilityPattern(String capability) {
    return "%," + capability + ",%";
  }
}
