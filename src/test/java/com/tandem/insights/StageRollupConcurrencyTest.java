package com.tandem.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.insights.StageRollup.DecisionKey;
import com.tandem.insights.StageRollup.TaskKey;
import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.RequiresMySql;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasks completed at the same moment count into the same rollup rows, rows none of them has seen
 * yet included (a new month, a new duration bucket): each completion commits with its count, and
 * none fails. Before the fix the completions that met a row created by another one deadlocked on
 * MariaDB and the reviewer's completion failed.
 */
class StageRollupConcurrencyTest {

  static final int COMPLETIONS = 8;
  static final int ROUNDS = 6;

  /** On the MySQL-protocol server (MariaDB here), where InnoDB's locks deadlocked. */
  @Nested
  @RequiresMySql
  class OnMySql {
    @Test
    void shouldCountEveryConcurrentCompletionIntoRowsNobodyHasCreatedYet() throws Exception {
      try (MigratedDatabase database = MigratedDatabase.mysql()) {
        completeTogether(database);
      }
    }
  }

  /** On H2, the default database. */
  @Nested
  class OnH2 {
    @Test
    void shouldCountEveryConcurrentCompletionIntoRowsNobodyHasCreatedYet() throws Exception {
      try (MigratedDatabase database = MigratedDatabase.h2()) {
        completeTogether(database);
      }
    }
  }

  static void completeTogether(MigratedDatabase database) throws Exception {
    JdbcClient jdbc = JdbcClient.create(database.dataSource());
    StageRollup rollup = new StageRollup(jdbc, database.dataSource());
    TransactionTemplate transactions =
        new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
    ExecutorService threads = Executors.newFixedThreadPool(COMPLETIONS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        int period = 203001 + round;
        Supplier<SortedMap<TaskKey, long[]>> tasks =
            () -> {
              SortedMap<TaskKey, long[]> t = new TreeMap<>();
              t.put(
                  new TaskKey(StageRollup.EVERY, period, "Task_ReviewIt", 3), new long[] {1, 1, 0});
              t.put(new TaskKey("crm", period, "Task_ReviewIt", 3), new long[] {1, 1, 0});
              t.put(new TaskKey("email", period, "Task_ReviewIt", 3), new long[] {1, 1, 1});
              return t;
            };
        Supplier<SortedMap<DecisionKey, long[]>> decisions =
            () -> {
              SortedMap<DecisionKey, long[]> d = new TreeMap<>();
              d.put(
                  new DecisionKey(StageRollup.EVERY, period, "IT_REVIEW", "APPROVE"),
                  new long[] {1});
              d.put(new DecisionKey("crm", period, "IT_REVIEW", "APPROVE"), new long[] {1});
              return d;
            };
        CyclicBarrier together = new CyclicBarrier(COMPLETIONS);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < COMPLETIONS; c++) {
          done.add(
              threads.submit(
                  () ->
                      transactions.executeWithoutResult(
                          tx -> {
                            await(together);
                            rollup.apply(tasks.get(), decisions.get());
                            // the rest of a completing transaction: the locks are held a while
                            sleep(30);
                          })));
        }
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS); // throws what the completion threw
        }
        assertThat(
                jdbc.sql(
                        "SELECT capability, task_count, with_sla, late FROM"
                            + " tandem_insights_task_rollup WHERE period = ? ORDER BY capability")
                    .param(period)
                    .query(
                        (rs, i) ->
                            rs.getString(1)
                                + " "
                                + rs.getLong(2)
                                + "/"
                                + rs.getLong(3)
                                + "/"
                                + rs.getLong(4))
                    .list())
            .containsExactly("* 8/8/0", "crm 8/8/0", "email 8/8/8");
        assertThat(
                jdbc.sql(
                        "SELECT capability, decision_count FROM tandem_insights_decision_rollup"
                            + " WHERE period = ? ORDER BY capability")
                    .param(period)
                    .query((rs, i) -> rs.getString(1) + " " + rs.getLong(2))
                    .list())
            .containsExactly("* 8", "crm 8");
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
