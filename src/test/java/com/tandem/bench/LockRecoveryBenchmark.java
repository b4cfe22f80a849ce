package com.tandem.bench;

import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: measures how long the jobs a node had locked wait after that node is killed with
 * SIGKILL, with Tandem's job executor settings (docs/reliability.md).
 *
 * <p>On a scratch database of the MySQL test server (TANDEM_TEST_MYSQL_*), migrated by Tandem's
 * changelog: N instances of a one-step process are started; node A, a separate JVM (this class's
 * {@link Node}) with the job executor on, locks and starts every step, which hangs there (a step as
 * slow as it gets); A is killed (SIGKILL) once every job is locked; node B, in this JVM with the
 * same settings, was running all along. Printed: how long until B has finished every step, and how
 * much of that was the remaining lock.
 *
 * <pre>
 * TANDEM_TEST_MYSQL_HOST=127.0.0.1 ... mvn -o -q test-compile exec:java \
 *   -Dbench.main=com.tandem.bench.LockRecoveryBenchmark [-Dlock.ms=60000 -Dmax.wait.ms=10000 -Djobs=10]
 * </pre>
 */
public final class LockRecoveryBenchmark {

  static final String PROCESS = "lock-recovery";

  public static void main(String[] args) throws Exception {
    long lockMs = Long.getLong("lock.ms", 60_000);
    long maxWaitMs = Long.getLong("max.wait.ms", 10_000);
    int jobs = Integer.getInteger("jobs", 10);
    MySqlTestServer server = MySqlTestServer.fromEnvironment();
    try (ScratchDatabase database = server.createScratchDatabase("tandem_lock_")) {
      MigratedDatabase.migrate(database.dataSource());
      JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());

      ProcessEngine nodeB = engine("B", database.dataSource(), lockMs, maxWaitMs, 0, false);
      nodeB
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              PROCESS + ".bpmn",
              Bpmn.createExecutableProcess(PROCESS)
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .serviceTask("Task_Step")
                  .camundaAsyncBefore()
                  .camundaExpression("${step.run()}")
                  .endEvent()
                  .done())
          .deploy();
      for (int i = 0; i < jobs; i++) {
        nodeB.getRuntimeService().startProcessInstanceByKey(PROCESS);
      }

      Path log = Files.createTempFile("node-a", ".log");
      Process nodeA =
          new ProcessBuilder(
                  javaCommand(),
                  "-Xmx256m",
                  "-cp",
                  classPath(),
                  Node.class.getName(),
                  database.jdbcUrl(),
                  server.user(),
                  server.password(),
                  String.valueOf(lockMs),
                  String.valueOf(maxWaitMs))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
      while (locked(jdbc) < jobs) {
        if (!nodeA.isAlive() || Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "node A did not lock every job; its log:\n" + Files.readString(log));
        }
        Thread.sleep(50);
      }
      // node B is a survivor: running before the kill, idle (every job is locked by A)
      JobExecutor executorB =
          ((ProcessEngineConfigurationImpl) nodeB.getProcessEngineConfiguration()).getJobExecutor();
      executorB.registerProcessEngine((ProcessEngineImpl) nodeB);
      executorB.start();
      Thread.sleep(3_000);

      Timestamp lockExpiry =
          jdbc.queryForObject("SELECT MAX(LOCK_EXP_TIME_) FROM ACT_RU_JOB", Timestamp.class);
      nodeA.destroyForcibly(); // SIGKILL
      Instant killed = Instant.now();
      nodeA.waitFor();
      while (nodeB.getRuntimeService().createProcessInstanceQuery().count() > 0) {
        Thread.sleep(50);
      }
      Instant recovered = Instant.now();
      executorB.shutdown();
      nodeB.close();

      Duration recovery = Duration.between(killed, recovered);
      Duration lockLeft = Duration.between(killed, lockExpiry.toInstant());
      System.out.printf(
          "lock-time %d ms, max-wait %d ms, %d jobs locked by the killed node:%n"
              + "  all done %.1f s after the kill; the lock had %.1f s left; %.1f s more until"
              + " node B picked them up and ran them%n",
          lockMs,
          maxWaitMs,
          jobs,
          recovery.toMillis() / 1000.0,
          lockLeft.toMillis() / 1000.0,
          (recovery.toMillis() - lockLeft.toMillis()) / 1000.0);
    }
  }

  /** An engine with Tandem's job executor settings; its steps hang for {@code stepMs}. */
  static ProcessEngine engine(
      String name,
      DataSource dataSource,
      long lockMs,
      long maxWaitMs,
      long stepMs,
      boolean executing) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("node-" + name);
    configuration.setDataSource(dataSource);
    configuration.setDatabaseSchemaUpdate("false");
    configuration.setHistory("audit");
    configuration.setEnsureJobDueDateNotNull(true);
    configuration.setJobExecutorAcquireByDueDate(true);
    configuration.setBeans(Map.of("step", new Step(stepMs)));
    DefaultJobExecutor executor = new DefaultJobExecutor();
    executor.setLockOwner("node-" + name);
    executor.setLockTimeInMillis((int) lockMs);
    executor.setMaxWait(maxWaitMs);
    executor.setCorePoolSize(3); // camunda.bpm.job-execution.core-pool-size / max-pool-size
    executor.setMaxPoolSize(10);
    configuration.setJobExecutor(executor);
    configuration.setJobExecutorActivate(executing);
    return configuration.buildProcessEngine();
  }

  /** The step: as long as the node says. */
  public record Step(long millis) {
    public void run() throws InterruptedException {
      if (millis > 0) {
        Thread.sleep(millis);
      }
    }
  }

  /** Node A: executes jobs whose steps hang for an hour, until it is killed. */
  public static final class Node {
    public static void main(String[] args) throws Exception {
      HikariDataSource pool = new HikariDataSource();
      pool.setJdbcUrl(args[0]);
      pool.setUsername(args[1]);
      pool.setPassword(args[2]);
      pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
      pool.setMaximumPoolSize(20);
      engine("A", pool, Long.parseLong(args[3]), Long.parseLong(args[4]), 3_600_000, true);
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  private static int locked(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ = 'node-A'", Integer.class);
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  /** The class path of this code, also under exec:java (which runs in Maven's own JVM). */
  private static String classPath() {
    List<String> entries = new ArrayList<>();
    ClassLoader loader = LockRecoveryBenchmark.class.getClassLoader();
    while (loader != null) {
      if (loader instanceof URLClassLoader urls) {
        Arrays.stream(urls.getURLs()).map(LockRecoveryBenchmark::file).forEach(entries::add);
      }
      loader = loader.getParent();
    }
    if (entries.isEmpty()) {
      return System.getProperty("java.class.path");
    }
    return entries.stream().distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static String file(URL url) {
    try {
      return new File(url.toURI()).getPath();
    } catch (Exception e) {
      return url.getPath();
    }
  }
}
