package com.tandem.insights;

import com.tandem.request.DecisionRecorded;
import com.tandem.request.RequestRevised;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the rollup of changeset 018 ({@code tandem_insights_task_rollup}, {@code
 * tandem_insights_decision_rollup}) that {@code /api/insights/stages} reads, in the transaction
 * that completes a task or records a decision: it commits or rolls back with them, so a retried
 * transaction counts once.
 *
 * <p>What it counts is exactly what the aggregate over the history counted ({@link
 * InsightsService#stagesFromHistory}): just before the commit, after the engine has written its
 * history, it reads back the {@code ACT_HI_TASKINST} rows of the tasks completed in the transaction
 * (the engine's history event names them) with the same expressions (month of the end, tenth of an
 * hour of the duration, due date, {@code TASK_STATE_ 'Completed'}, so a task cancelled by a veto or
 * a withdrawal never counts), and the decisions written through {@code RequestRegistry}. A
 * capability counts the tasks and decisions of the requests that name it today: when a resubmission
 * changes a request's capabilities, its tasks and decisions so far move to the new ones.
 *
 * <p>The rows are updated in key order, at the end of the transaction, so that two transactions
 * that touch the same rows wait for each other briefly instead of deadlocking. On MySQL a row that
 * may not exist yet is written with one {@code INSERT … ON DUPLICATE KEY UPDATE}: an {@code INSERT}
 * that fails on a row another transaction has just created leaves InnoDB's shared lock on that row,
 * and two such transactions then both wait for the other's shared lock to update it, a deadlock
 * that fails the completion of the task (seen at 8 concurrent completions). Other databases (H2)
 * update, insert if nothing was updated, and update again if the insert met a row created
 * meanwhile.
 */
@Component
public class StageRollup implements HistoryEventHandler {

  /** The capability of the rows that count every task or decision. */
  static final String EVERY = "*";

  private static final Logger LOG = LoggerFactory.getLogger(StageRollup.class);

  private static final String TASK_FIGURES =
      """
      SELECT t.ID_ AS task_id, t.ROOT_PROC_INST_ID_ AS root,
             EXTRACT(YEAR FROM t.END_TIME_) * 100 + EXTRACT(MONTH FROM t.END_TIME_) AS period,
             t.TASK_DEF_KEY_ AS task_key, FLOOR(t.DURATION_ / %d) AS bucket,
             CASE WHEN t.DUE_DATE_ IS NOT NULL THEN 1 ELSE 0 END AS with_sla,
             CASE WHEN t.DUE_DATE_ IS NOT NULL AND t.END_TIME_ > t.DUE_DATE_ THEN 1 ELSE 0 END AS late
        FROM ACT_HI_TASKINST t
       WHERE t.TASK_STATE_ = 'Completed' AND t.END_TIME_ IS NOT NULL AND t.TASK_DEF_KEY_ IS NOT NULL
         AND t.DURATION_ IS NOT NULL AND %s
      """;

  private final JdbcClient jdbc;

  private final DataSource dataSource;

  /** Whether the database is MySQL (or MariaDB): upserts in one statement; read on first use. */
  private volatile Boolean mySql;

  public StageRollup(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  // ---------------------------------------------------------------- what happened

  /** The engine's history: a user task completed (its row is written when the command ends). */
  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricTaskInstanceEventEntity task
        && HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(task.getEventType())) {
      pending().taskIds.add(task.getTaskId());
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  @EventListener
  public void onDecision(DecisionRecorded decision) {
    if (decision.caseId().startsWith("MTR-")) {
      pending().decisions.add(decision);
    }
  }

  @EventListener
  public void onRevision(RequestRevised revised) {
    pending()
        .previousCapabilities
        .putIfAbsent(revised.requestId(), codes(revised.previousCapabilities()));
  }

  /** What this transaction did so far; registered with it on first use. */
  private Pending pending() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      throw new IllegalStateException(
          "The insights rollup is kept in the completing transaction, and there is none");
    }
    for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
      if (s instanceof Pending p && p.owner() == this) {
        return p;
      }
    }
    Pending p = new Pending(this);
    TransactionSynchronizationManager.registerSynchronization(p);
    return p;
  }

  /** A transaction's tasks, decisions and revisions, counted just before it commits. */
  private static final class Pending implements TransactionSynchronization {
    private final StageRollup owner;
    final Set<String> taskIds = new LinkedHashSet<>();
    final List<DecisionRecorded> decisions = new ArrayList<>();
    final Map<String, Set<String>> previousCapabilities = new LinkedHashMap<>();

    Pending(StageRollup owner) {
      this.owner = owner;
    }

    StageRollup owner() {
      return owner;
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      owner.count(this);
    }
  }

  // ---------------------------------------------------------------- counting

  record TaskKey(String capability, int period, String taskKey, long bucket)
      implements Comparable<TaskKey> {
    @Override
    public int compareTo(TaskKey o) {
      int c = capability.compareTo(o.capability);
      c = c != 0 ? c : Integer.compare(period, o.period);
      c = c != 0 ? c : taskKey.compareTo(o.taskKey);
      return c != 0 ? c : Long.compare(bucket, o.bucket);
    }
  }

  record DecisionKey(String capability, int period, String stage, String decision)
      implements Comparable<DecisionKey> {
    @Override
    public int compareTo(DecisionKey o) {
      int c = capability.compareTo(o.capability);
      c = c != 0 ? c : Integer.compare(period, o.period);
      c = c != 0 ? c : stage.compareTo(o.stage);
      return c != 0 ? c : decision.compareTo(o.decision);
    }
  }

  private void count(Pending p) {
    SortedMap<TaskKey, long[]> tasks = new TreeMap<>();
    SortedMap<DecisionKey, long[]> decisions = new TreeMap<>();

    // requests revised in this transaction: what this transaction adds goes first to the
    // capabilities they had, and then everything they have moves to the new ones (below)
    Map<String, Set<String>> revisedFrom = p.previousCapabilities;

    if (!p.taskIds.isEmpty()) {
      Map<String, RequestCaps> byRoot = new HashMap<>();
      List<Object[]> rows = new ArrayList<>();
      jdbc.sql(
              TASK_FIGURES.formatted(DurationHistogram.BUCKET_MILLIS, "t.ID_ IN (:ids)")
                  + " ORDER BY t.ID_")
          .param("ids", p.taskIds)
          .query(
              (RowCallbackHandler)
                  rs ->
                      rows.add(
                          new Object[] {
                            rs.getString("root"),
                            rs.getInt("period"),
                            rs.getString("task_key"),
                            rs.getLong("bucket"),
                            rs.getLong("with_sla"),
                            rs.getLong("late")
                          }));
      Set<String> roots = new HashSet<>();
      rows.forEach(r -> roots.add((String) r[0]));
      roots.remove(null);
      if (!roots.isEmpty()) {
        jdbc.sql(
                "SELECT id, process_instance_id, capabilities FROM tandem_purchase_request"
                    + " WHERE process_instance_id IN (:roots)")
            .param("roots", roots)
            .query(
                (RowCallbackHandler)
                    rs ->
                        byRoot.put(
                            rs.getString("process_instance_id"),
                            new RequestCaps(
                                rs.getString("id"), codes(rs.getString("capabilities")))));
      }
      for (Object[] r : rows) {
        int period = (int) r[1];
        String key = (String) r[2];
        long bucket = (long) r[3];
        long[] one = {1, (long) r[4], (long) r[5]};
        add(tasks, new TaskKey(EVERY, period, key, bucket), one, 1);
        RequestCaps request = r[0] == null ? null : byRoot.get((String) r[0]);
        if (request != null) {
          for (String cap : revisedFrom.getOrDefault(request.id(), request.capabilities())) {
            add(tasks, new TaskKey(cap, period, key, bucket), one, 1);
          }
        }
      }
    }

    if (!p.decisions.isEmpty()) {
      Map<String, Set<String>> caps = new HashMap<>();
      jdbc.sql("SELECT id, capabilities FROM tandem_purchase_request WHERE id IN (:ids)")
          .param("ids", p.decisions.stream().map(DecisionRecorded::caseId).distinct().toList())
          .query(
              (RowCallbackHandler)
                  rs -> caps.put(rs.getString("id"), codes(rs.getString("capabilities"))));
      for (DecisionRecorded d : p.decisions) {
        int period = d.decidedAt().getYear() * 100 + d.decidedAt().getMonthValue();
        long[] one = {1};
        add(decisions, new DecisionKey(EVERY, period, d.stage(), d.decision()), one, 1);
        for (String cap :
            revisedFrom.getOrDefault(d.caseId(), caps.getOrDefault(d.caseId(), Set.of()))) {
          add(decisions, new DecisionKey(cap, period, d.stage(), d.decision()), one, 1);
        }
      }
    }

    for (var revised : revisedFrom.entrySet()) {
      moveToNewCapabilities(revised.getKey(), revised.getValue(), tasks, decisions);
    }

    apply(tasks, decisions);
  }

  /** Adds the deltas to the rows, in key order: every task row, then every decision row. */
  void apply(SortedMap<TaskKey, long[]> tasks, SortedMap<DecisionKey, long[]> decisions) {
    tasks.forEach(this::applyTask);
    decisions.forEach(this::applyDecision);
  }

  private boolean mySql() {
    if (mySql == null) {
      try {
        String product =
            JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        mySql = product.toLowerCase(Locale.ROOT).matches(".*(mysql|mariadb).*");
      } catch (MetaDataAccessException e) {
        throw new IllegalStateException("Cannot tell which database the rollup is on", e);
      }
    }
    return mySql;
  }

  private record RequestCaps(String id, Set<String> capabilities) {}

  /**
   * A resubmission changed the request's capabilities: its completed tasks and its decisions (this
   * transaction's too, counted above under the previous capabilities) leave the capabilities it no
   * longer names and join those it names now.
   */
  private void moveToNewCapabilities(
      String requestId,
      Set<String> before,
      Map<TaskKey, long[]> tasks,
      Map<DecisionKey, long[]> decisions) {
    var request =
        jdbc.sql(
                "SELECT process_instance_id, capabilities FROM tandem_purchase_request WHERE id = ?")
            .param(requestId)
            .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
            .optional();
    if (request.isEmpty()) {
      return;
    }
    Set<String> now = codes(request.get()[1]);
    Set<String> left = new LinkedHashSet<>(before);
    left.removeAll(now);
    Set<String> joined = new LinkedHashSet<>(now);
    joined.removeAll(before);
    if (left.isEmpty() && joined.isEmpty()) {
      return;
    }
    if (request.get()[0] != null) {
      jdbc.sql(
              TASK_FIGURES.formatted(
                  DurationHistogram.BUCKET_MILLIS, "t.ROOT_PROC_INST_ID_ = :root"))
          .param("root", request.get()[0])
          .query(
              (RowCallbackHandler)
                  rs -> {
                    long[] one = {1, rs.getLong("with_sla"), rs.getLong("late")};
                    int period = rs.getInt("period");
                    String key = rs.getString("task_key");
                    long bucket = rs.getLong("bucket");
                    left.forEach(c -> add(tasks, new TaskKey(c, period, key, bucket), one, -1));
                    joined.forEach(c -> add(tasks, new TaskKey(c, period, key, bucket), one, 1));
                  });
    }
    jdbc.sql(
            """
            SELECT EXTRACT(YEAR FROM decided_at) * 100 + EXTRACT(MONTH FROM decided_at) AS period,
                   stage, decision
              FROM tandem_request_decision WHERE request_id = ?
            """)
        .param(requestId)
        .query(
            (RowCallbackHandler)
                rs -> {
                  long[] one = {1};
                  int period = rs.getInt("period");
                  String stage = rs.getString("stage");
                  String decision = rs.getString("decision");
                  left.forEach(
                      c -> add(decisions, new DecisionKey(c, period, stage, decision), one, -1));
                  joined.forEach(
                      c -> add(decisions, new DecisionKey(c, period, stage, decision), one, 1));
                });
    LOG.info(
        "Request {} now counts for the capabilities {} in /insights instead of {}",
        requestId,
        now,
        before);
  }

  private static <K> void add(Map<K, long[]> deltas, K key, long[] values, int sign) {
    long[] sum = deltas.computeIfAbsent(key, k -> new long[values.length]);
    for (int i = 0; i < values.length; i++) {
      sum[i] += sign * values[i];
    }
  }

  private void applyTask(TaskKey k, long[] d) {
    if (Arrays.stream(d).allMatch(v -> v == 0)) {
      return;
    }
    String update =
        "UPDATE tandem_insights_task_rollup SET task_count = task_count + ?, with_sla = with_sla + ?,"
            + " late = late + ? WHERE capability = ? AND period = ? AND task_key = ? AND bucket = ?";
    if (d[0] >= 0 && mySql()) {
      jdbc.sql(
              "INSERT INTO tandem_insights_task_rollup (capability, period, task_key, bucket,"
                  + " task_count, with_sla, late) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY"
                  + " UPDATE task_count = task_count + ?, with_sla = with_sla + ?, late = late + ?")
          .params(
              k.capability(),
              k.period(),
              k.taskKey(),
              k.bucket(),
              d[0],
              d[1],
              d[2],
              d[0],
              d[1],
              d[2])
          .update();
      return;
    }
    Object[] params = {d[0], d[1], d[2], k.capability(), k.period(), k.taskKey(), k.bucket()};
    if (jdbc.sql(update).params(params).update() > 0) {
      return;
    }
    if (d[0] < 0) {
      LOG.warn("Insights rollup: nothing to take {} from at {}", Arrays.toString(d), k);
      return;
    }
    try {
      jdbc.sql(
              "INSERT INTO tandem_insights_task_rollup (capability, period, task_key, bucket,"
                  + " task_count, with_sla, late) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(k.capability(), k.period(), k.taskKey(), k.bucket(), d[0], d[1], d[2])
          .update();
    } catch (DuplicateKeyException insertedMeanwhile) {
      jdbc.sql(update).params(params).update();
    }
  }

  private void applyDecision(DecisionKey k, long[] d) {
    if (d[0] == 0) {
      return;
    }
    String update =
        "UPDATE tandem_insights_decision_rollup SET decision_count = decision_count + ?"
            + " WHERE capability = ? AND period = ? AND stage = ? AND decision = ?";
    if (d[0] > 0 && mySql()) {
      jdbc.sql(
              "INSERT INTO tandem_insights_decision_rollup (capability, period, stage, decision,"
                  + " decision_count) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY"
                  + " UPDATE decision_count = decision_count + ?")
          .params(k.capability(), k.period(), k.stage(), k.decision(), d[0], d[0])
          .update();
      return;
    }
    Object[] params = {d[0], k.capability(), k.period(), k.stage(), k.decision()};
    if (jdbc.sql(update).params(params).update() > 0) {
      return;
    }
    if (d[0] < 0) {
      LOG.warn("Insights rollup: nothing to take {} from at {}", d[0], k);
      return;
    }
    try {
      jdbc.sql(
              "INSERT INTO tandem_insights_decision_rollup (capability, period, stage, decision,"
                  + " decision_count) VALUES (?, ?, ?, ?, ?)")
          .params(k.capability(), k.period(), k.stage(), k.decision(), d[0])
          .update();
    } catch (DuplicateKeyException insertedMeanwhile) {
      jdbc.sql(update).params(params).update();
    }
  }

  /** The codes of a stored capability list ({@code a,b}); none for null or blank. */
  static Set<String> codes(String capabilities) {
    Set<String> codes = new LinkedHashSet<>();
    if (capabilities != null) {
      for (String code : capabilities.split(",")) {
        if (!code.isBlank()) {
          codes.add(code);
        }
      }
    }
    return codes;
  }
}
