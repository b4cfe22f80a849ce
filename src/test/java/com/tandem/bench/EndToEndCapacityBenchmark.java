package com.tandem.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.TandemApplication;
import com.tandem.intake.PurchaseRequestService;
import com.tandem.intake.PurchaseRequestSubmission;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import com.tandem.system.CopiesWithoutHistory;
import com.tandem.system.EngineTuning;
import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.ScratchDatabase;
import com.tandem.web.ApiCaller;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: the end-to-end capacity of issue 13. Client threads drive requests closed-loop (each
 * submits one, works its tasks as the reviewers and IT operations would, waits until it is ACTIVE,
 * then submits the next) through the whole fast approval path of Tandem on a scratch MariaDB
 * database, and, in the same run, through the same BPMN shape with no-op steps on a bare Camunda
 * engine with the same engine settings on another scratch database. Prints both throughputs and
 * their ratio.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dbench.main=com.tandem.bench.EndToEndCapacityBenchmark
 * # -Dbench.clients=8 -Dbench.warmup=20 -Dbench.seconds=60; MariaDB from TANDEM_TEST_MYSQL_*
 * </pre>
 */
public final class EndToEndCapacityBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private static final Map<String, String> GROUPS =
      Map.of(
          "requester", "marketing",
          "cmo", "marketing-leadership",
          "cio", "it-leadership",
          "privacy", "privacy-legal",
          "itops", "it-operations");

  /** What each person answers, on both sides: the fast approval path. */
  private static final Map<String, Function<Task, Map<String, Object>>> ANSWERS =
      Map.of(
          "Task_ConsiderExistingTool",
          t -> Map.of("useExistingTool", false, "newToolJustification", "Needed for the benchmark"),
          "Task_ReviewMarketing",
          t -> Map.of("marketingDecision", "APPROVE", "marketingComment", "ok"),
          "Task_ReviewIt",
          t -> Map.of("itDecision", "APPROVE", "itComment", "ok"),
          "Task_ReviewPrivacy",
          t -> Map.of("privacyDecision", "APPROVE", "privacyComment", "ok"),
          "Task_NegotiateContract",
          t ->
              Map.of(
                  "negotiatedAnnualCost", 1200.0,
                  "negotiatedImplementationCost", 300.0,
                  "negotiationNote", "List price"),
          "Task_CompleteOnboarding",
          t -> Map.of("ssoConfigured", true, "dpaSigned", true));

  /** Who works each task (signed in as a member of the task's group), on both sides. */
  private static final Map<String, String> USERS =
      Map.of(
          "Task_ConsiderExistingTool", "requester",
          "Task_ReviewMarketing", "cmo",
          "Task_ReviewIt", "cio",
          "Task_ReviewPrivacy", "privacy",
          "Task_NegotiateContract", "itops",
          "Task_CompleteOnboarding", "itops");

  /**
   * The client's polls (task queries, status reads) in the measured window: they grow with how long
   * a flow waits for its asynchronous steps, so statements per flow are compared net of them.
   */
  private static final java.util.concurrent.atomic.LongAdder TASK_POLLS =
      new java.util.concurrent.atomic.LongAdder();

  private static final java.util.concurrent.atomic.LongAdder STATUS_POLLS =
      new java.util.concurrent.atomic.LongAdder();

  /** Tasks completed per task key, to show that both sides ran the same path. */
  private static final Map<String, AtomicInteger> COMPLETED =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * -Dbench.statements=true: count the statements each side sends and their waits ({@link
   * StatementProfile}), printed per flow.
   */
  private static final boolean STATEMENTS = Boolean.getBoolean("bench.statements");

  /**
   * How a client learns that its request has a new task or has ended: by default it waits for the
   * engine to say so ({@link WakeOnCommit}, installed in both engines); -Dbench.client=poll asks
   * every 10 ms instead, as the benchmark's first versions did.
   */
  private static final boolean POLL = "poll".equals(System.getProperty("bench.client", "wait"));

  private static final WakeOnCommit WAKE = new WakeOnCommit();

  private EndToEndCapacityBenchmark() {}

  private static String jdbcUrl(ScratchDatabase database) {
    return database.jdbcUrl()
        + (STATEMENTS ? "&queryInterceptors=" + StatementProfile.class.getName() : "");
  }

  /** One closed-loop client: runs one request from start to its end, returns when it ended. */
  interface Flow {
    void runOne(int client, int n) throws Exception;
  }

  /**
   * One side's result; {@code jvmCpuMsPerFlow} and {@code dbCpuMsPerFlow}: CPU time the benchmark's
   * JVM (clients and engine) and the MariaDB server spent in the measured window, per completed
   * flow (-1 when the server's process cannot be read, e.g. on another host).
   */
  record Figure(
      int completed,
      double seconds,
      double perSecond,
      double msPerFlow,
      double jvmCpuMsPerFlow,
      double dbCpuMsPerFlow) {}

  /** CPU time of this JVM so far, in ms. */
  private static double jvmCpuMillis() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e6;
  }

  /**
   * CPU time (user + system) of the local database server's process so far, in ms, from
   * /proc/PID/stat; -1 when there is none to read.
   */
  private static double databaseCpuMillis() {
    try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
      for (var dir : (Iterable<java.nio.file.Path>) processes::iterator) {
        var comm = dir.resolve("comm");
        if (!dir.getFileName().toString().matches("\\d+") || !java.nio.file.Files.exists(comm)) {
          continue;
        }
        String name = java.nio.file.Files.readString(comm).strip();
        if (name.equals("mariadbd") || name.equals("mysqld")) {
          String stat = java.nio.file.Files.readString(dir.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
          return ticks * 1000.0 / 100; // USER_HZ
        }
      }
    } catch (java.io.IOException | RuntimeException unreadable) {
      return -1;
    }
    return -1;
  }

  public static void main(String[] args) throws Exception {
    int clients = Integer.getInteger("bench.clients", 8);
    int warmup = Integer.getInteger("bench.warmup", 20);
    int seconds = Integer.getInteger("bench.seconds", 60);
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "%nclosed loop, %d clients (%s), %d s warm-up, %d s measured; load average before: %s%n",
            clients,
            POLL ? "polling every 10 ms" : "woken by the engine's commits",
            warmup,
            seconds,
            loadAverage()));

    // -Dbench.sides=tandem (or bare) runs one side only, e.g. under a profiler;
    // -Dbench.tandemFirst=true measures Tandem first (the side measured second runs on a JVM
    // whose compiler has already compiled the engine's code)
    if (Boolean.getBoolean("bench.interleave")) {
      interleaved(clients, warmup, seconds, Integer.getInteger("bench.rounds", 4), report);
      System.out.println("End-to-end capacity:" + report);
      return;
    }
    String sides = System.getProperty("bench.sides", "both");
    boolean tandemFirst = Boolean.getBoolean("bench.tandemFirst");
    Figure bare = null;
    Figure tandem = null;
    for (String side : tandemFirst ? List.of("tandem", "bare") : List.of("bare", "tandem")) {
      if (!sides.equals("both") && !sides.equals(side)) {
        continue;
      }
      if (side.equals("bare")) {
        bare = measureBare(clients, warmup, seconds);
        report.append(describe("bare engine, same models", bare));
      } else {
        tandem = measureTandem(clients, warmup, seconds);
        report.append(describe("Tandem", tandem));
      }
      report.append("  tasks completed: " + new java.util.TreeMap<>(COMPLETED) + "\n");
      COMPLETED.clear();
      if (STATEMENTS) {
        int flows = (side.equals("bare") ? bare : tandem).completed();
        report.append(
            String.format(
                "  client polls per flow: %.1f task queries, %.1f status reads%n",
                TASK_POLLS.sum() / (double) Math.max(1, flows),
                STATUS_POLLS.sum() / (double) Math.max(1, flows)));
        report.append(
            StatementProfile.report(
                (side.equals("bare") ? bare : tandem).completed(),
                Integer.getInteger("bench.statementLines", 40)));
      }
    }
    report.append(
        bare == null || tandem == null
            ? String.format("load average after: %s%n", loadAverage())
            : ratios(bare, tandem));
    System.out.println("End-to-end capacity:" + report);
  }

  private static Figure measureBare(int clients, int warmup, int seconds) throws Exception {
    try (ScratchDatabase database =
            MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_e2e_bare_");
        HikariDataSource pool = pool(database)) {
      MigratedDatabase.migrate(pool);
      ProcessEngine engine = bareEngine(pool);
      try {
        Figure figure = measure(bareFlow(engine), clients, warmup, seconds);
        reportRows(pool);
        return figure;
      } finally {
        engine.close();
      }
    }
  }

  /**
   * -Dbench.interleave=true: both sides up at once, each on its own scratch database, measured in
   * alternating windows of {@code seconds} (ABBA: bare, Tandem, Tandem, bare, …) after each has
   * warmed up, so that what drifts during a run (the JIT, the databases growing, the server's
   * background work) falls on both sides alike instead of on whichever is measured first. Between
   * two windows the clients of one side finish their flows before the other's start; each window
   * starts with 5 s that are not counted, to fill the pipeline again.
   */
  private static void interleaved(
      int clients, int warmup, int seconds, int rounds, StringBuilder report) throws Exception {
    try (ScratchDatabase bareDatabase =
            MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_e2e_bare_");
        HikariDataSource pool = pool(bareDatabase);
        ScratchDatabase tandemDatabase =
            MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_e2e_");
        ConfigurableApplicationContext app = tandem(tandemDatabase)) {
      MigratedDatabase.migrate(pool);
      ProcessEngine engine = bareEngine(pool);
      try {
        Flow bareFlow = bareFlow(engine);
        Flow tandemFlow = tandemFlow(app);
        report.append(
            String.format(
                "interleaved: %d rounds of a %d s window per side, after %d s of warm-up each%n",
                rounds, seconds, warmup));
        measure(bareFlow, clients, warmup, 0);
        measure(tandemFlow, clients, warmup, 0);
        List<Figure> bare = new java.util.ArrayList<>();
        List<Figure> tandem = new java.util.ArrayList<>();
        for (int round = 0; round < rounds; round++) {
          boolean bareFirst = round % 2 == 0;
          for (String side : bareFirst ? List.of("bare", "tandem") : List.of("tandem", "bare")) {
            Figure f = measure(side.equals("bare") ? bareFlow : tandemFlow, clients, 5, seconds);
            (side.equals("bare") ? bare : tandem).add(f);
            report.append(
                describe(
                    String.format(
                        "round %d, %s", round + 1, side.equals("bare") ? "bare" : "Tandem"),
                    f));
          }
        }
        Figure b = total(bare);
        Figure t = total(tandem);
        report.append(describe("bare engine, all windows", b));
        report.append(describe("Tandem, all windows", t));
        report.append(ratios(b, t));
      } finally {
        engine.close();
      }
    }
  }

  /** The line that compares the two sides: throughput, and CPU per flow (JVM + database). */
  private static String ratios(Figure bare, Figure tandem) {
    return String.format(
        "Tandem / bare engine: %.2f; CPU per flow, bare / Tandem: %.2f; load average after: %s%n",
        tandem.perSecond() / bare.perSecond(),
        (bare.jvmCpuMsPerFlow() + Math.max(0, bare.dbCpuMsPerFlow()))
            / (tandem.jvmCpuMsPerFlow() + Math.max(0, tandem.dbCpuMsPerFlow())),
        loadAverage());
  }

  /** The windows of one side as one figure: flows and CPU summed, per-flow means weighted. */
  private static Figure total(List<Figure> windows) {
    int flows = windows.stream().mapToInt(Figure::completed).sum();
    double seconds = windows.stream().mapToDouble(Figure::seconds).sum();
    double busy = windows.stream().mapToDouble(f -> f.msPerFlow() * f.completed()).sum();
    double jvm = windows.stream().mapToDouble(f -> f.jvmCpuMsPerFlow() * f.completed()).sum();
    boolean dbKnown = windows.stream().allMatch(f -> f.dbCpuMsPerFlow() >= 0);
    double db = windows.stream().mapToDouble(f -> f.dbCpuMsPerFlow() * f.completed()).sum();
    int n = Math.max(1, flows);
    return new Figure(flows, seconds, flows / seconds, busy / n, jvm / n, dbKnown ? db / n : -1);
  }

  private static Figure measureTandem(int clients, int warmup, int seconds) throws Exception {
    try (ScratchDatabase database =
            MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_e2e_");
        ConfigurableApplicationContext app = tandem(database)) {
      Figure figure = measure(tandemFlow(app), clients, warmup, seconds);
      reportRows(app.getBean(javax.sql.DataSource.class));
      return figure;
    }
  }

  private static String describe(String name, Figure f) {
    return String.format(
        "%-26s %5d flows in %5.1f s = %6.2f flows/s (%.0f ms per flow per client);"
            + " CPU per flow: %.0f ms this JVM + %s the database server%n",
        name + ":",
        f.completed(),
        f.seconds(),
        f.perSecond(),
        f.msPerFlow(),
        f.jvmCpuMsPerFlow(),
        f.dbCpuMsPerFlow() < 0 ? "(unreadable)" : String.format("%.0f ms", f.dbCpuMsPerFlow()));
  }

  static Figure measure(Flow flow, int clients, int warmupSeconds, int seconds)
      throws InterruptedException {
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger completed = new AtomicInteger();
    AtomicLong busyNanos = new AtomicLong();
    AtomicInteger failures = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(clients);
    for (int c = 0; c < clients; c++) {
      int client = c;
      Thread thread =
          new Thread(
              () -> {
                int n = 0;
                try {
                  while (!stop.get()) {
                    long t = System.nanoTime();
                    try {
                      flow.runOne(client, n++);
                    } catch (Exception e) {
                      if (failures.incrementAndGet() <= 5) {
                        e.printStackTrace();
                      }
                      continue;
                    }
                    if (measuring.get() && !stop.get()) {
                      completed.incrementAndGet();
                      busyNanos.addAndGet(System.nanoTime() - t);
                    }
                  }
                } finally {
                  done.countDown();
                }
              },
              "client-" + c);
      thread.start();
    }
    Thread.sleep(warmupSeconds * 1000L);
    StatementProfile.reset();
    TASK_POLLS.reset();
    STATUS_POLLS.reset();
    measuring.set(true);
    long start = System.nanoTime();
    double jvmCpu = jvmCpuMillis();
    double dbCpu = databaseCpuMillis();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    double elapsed = (System.nanoTime() - start) / 1e9;
    double jvmCpuSpent = jvmCpuMillis() - jvmCpu;
    double dbCpuAfter = databaseCpuMillis();
    double dbCpuSpent = dbCpu < 0 || dbCpuAfter < 0 ? -1 : dbCpuAfter - dbCpu;
    done.await();
    if (failures.get() > 0) {
      System.out.println(failures.get() + " flows failed");
    }
    int n = completed.get();
    int flows = Math.max(1, n);
    return new Figure(
        n,
        elapsed,
        n / elapsed,
        n == 0 ? 0 : busyNanos.get() / 1e6 / n,
        jvmCpuSpent / flows,
        dbCpuSpent < 0 ? -1 : dbCpuSpent / flows);
  }

  // ---- Tandem --------------------------------------------------------------------------

  private static ConfigurableApplicationContext tandem(ScratchDatabase database) {
    var server = MySqlTestServer.fromEnvironment();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("TANDEM_DB_URL", jdbcUrl(database));
    properties.put("TANDEM_DB_USER", server.user());
    properties.put("TANDEM_DB_PASSWORD", server.password());
    properties.put("TANDEM_ADMIN_USER", "bench");
    properties.put("TANDEM_ADMIN_PASSWORD", "bench-admin");
    properties.put("TANDEM_DEMO_DATA", "true");
    properties.put("logging.level.root", "warn");
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(TandemApplication.class)
        .profiles("mysql")
        .initializers(
            context -> context.getBeanFactory().registerSingleton("benchWakeOnCommit", WAKE))
        .run(args);
  }

  private static Flow tandemFlow(ConfigurableApplicationContext app) throws Exception {
    PurchaseRequestService intake = app.getBean(PurchaseRequestService.class);
    RequestRegistry registry = app.getBean(RequestRegistry.class);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    // the budget must carry every request the run submits
    app.getBean(JdbcClient.class).sql("UPDATE tandem_budget_line SET amount = 1000000000").update();
    ApiCaller requester = new ApiCaller("requester", List.of("marketing"));
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    // The fast path: no tool we own and no other open request covers a request. Each client asks
    // for a capability of its own, whose seeded tools are retired before the run, and retires the
    // tool of each of its requests once it is active, before it submits the next (a real inventory
    // does not gain a tool of the same capability every second).
    List<String> capabilities =
        jdbc.sql("SELECT code FROM tandem_capability ORDER BY code").query(String.class).list();
    jdbc.sql(
            "UPDATE tandem_tool t SET status = 'RETIRED' WHERE status = 'ACTIVE' AND EXISTS"
                + " (SELECT 1 FROM tandem_tool_capability c WHERE c.tool_id = t.id"
                + " AND c.capability_code IN (:codes))")
        .param("codes", capabilities.subList(0, Math.min(capabilities.size(), 32)))
        .update();
    return (client, n) -> {
      String capability = capabilities.get(client % Math.min(capabilities.size(), 32));
      PurchaseRequestSubmission body =
          JSON.readValue(submission(client, n, capability), PurchaseRequestSubmission.class);
      String id;
      // as POST /api/purchase-requests does: the signed-in requester starts it
      engine.getIdentityService().setAuthentication("requester", List.of("marketing"));
      try {
        id = intake.submit(requester, body, null).requestId();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      work(
          engine.getTaskService(),
          engine,
          id,
          ANSWERS,
          USERS,
          () -> {
            RequestStatus status = registry.find(id).orElseThrow().status();
            if (status.isFinal() && status != RequestStatus.ACTIVE) {
              throw new IllegalStateException(id + " ended " + status);
            }
            return status == RequestStatus.ACTIVE;
          });
      jdbc.sql("UPDATE tandem_tool SET status = 'RETIRED' WHERE request_id = :id")
          .param("id", id)
          .update();
    };
  }

  private static String submission(int client, int n, String capability) {
    return """
        {"toolName":"Bench %d-%d","vendor":"%s Inc.","vendorUrl":"https://bench.example",
         "capabilities":["%s"],"businessJustification":"Capacity run.",
         "annualLicenseCost":1200.00,"implementationCost":300.00,"currency":"USD","seats":5,
         "contractTermMonths":12,"neededBy":"%s","personalData":"NONE","sso":"SAML",
         "integrations":[],"dataExportSupported":true}"""
        .formatted(client, n, randomName(), capability, LocalDate.now().plusDays(40));
  }

  /**
   * A vendor name of twelve random letters: the requests' vendors are all different (a shared
   * prefix such as "Benchvendor 1a"/"Benchvendor 1b" is one vendor with a typo to Tandem).
   */
  private static String randomName() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    StringBuilder name = new StringBuilder("V");
    for (int i = 0; i < 12; i++) {
      name.append((char) ('a' + random.nextInt(26)));
    }
    return name.toString();
  }

  /** Completes the request's tasks as they appear until {@code ended} says it is over. */
  private static void work(
      TaskService tasks,
      ProcessEngine engine,
      String businessKey,
      Map<String, Function<Task, Map<String, Object>>> answers,
      Map<String, String> users,
      java.util.function.BooleanSupplier ended)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      STATUS_POLLS.increment();
      if (ended.getAsBoolean()) {
        WAKE.forget(businessKey);
        break;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(businessKey + " did not end within 2 minutes");
      }
      TASK_POLLS.increment();
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
      if (open.isEmpty()) {
        if (POLL) {
          Thread.sleep(10);
        } else {
          WAKE.await(businessKey, 250);
        }
        continue;
      }
      for (Task task : open) {
        var answer = answers.get(task.getTaskDefinitionKey());
        if (answer == null) {
          throw new IllegalStateException("No answer for " + task.getTaskDefinitionKey());
        }
        // as the person of the task's group (Tandem checks authorizations and records who
        // decided); the bare engine's tasks are completed unauthenticated
        String user = users.get(task.getTaskDefinitionKey());
        if (user != null) {
          engine.getIdentityService().setAuthentication(user, List.of(GROUPS.get(user)));
        }
        try {
          tasks.complete(task.getId(), answer.apply(task));
          COMPLETED
              .computeIfAbsent(task.getTaskDefinitionKey(), k -> new AtomicInteger())
              .incrementAndGet();
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
          // a parallel completion of the same join: the next round sees what is left
        } finally {
          engine.getIdentityService().clearAuthentication();
        }
      }
    }
  }

  // ---- the bare engine -------------------------------------------------------------------

  /**
   * A bare engine with the engine settings of application.yaml and application-mysql.yaml (history
   * level, authorization, job executor, Connector/J and pool settings, Tandem's engine tunings and
   * its history without copies) on a database migrated by the same changelog, running Tandem's own
   * BPMN models and forms with no-op delegates and listeners.
   */
  private static ProcessEngine bareEngine(HikariDataSource dataSource) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bare");
    config.setDataSource(dataSource);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_AUDIT);
    config.setJobExecutorActivate(true);
    config.setEnsureJobDueDateNotNull(true);
    config.setJobExecutorAcquireByDueDate(true);
    config.setAuthorizationEnabled(true);
    config.setDefaultUserPermissionNameForTask("TASK_WORK");
    config.setJavaSerializationFormatEnabled(false);
    config.setDeserializationTypeValidationEnabled(true);
    config.setQueryMaxResultsLimit(2000);
    config.setEnforceHistoryTimeToLive(true);
    config.setLoggingContextBusinessKey("requestId");
    config.setBeans(new HashMap<>(noOpBeans()));
    config.getProcessEnginePlugins().add(new EngineTuning());
    config.getProcessEnginePlugins().add(new CopiesWithoutHistory());
    config.getProcessEnginePlugins().add(WAKE);
    var executor = new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
    executor.setCorePoolSize(3);
    executor.setMaxPoolSize(10);
    executor.setLockTimeInMillis(60_000);
    executor.setMaxWait(10_000);
    config.setJobExecutor(executor);
    ProcessEngine engine = config.buildProcessEngine();
    var deployment = engine.getRepositoryService().createDeployment().name("bare");
    for (String model :
        List.of("martech-purchase", "martech-joint-review", "martech-board-submission")) {
      deployment.addClasspathResource("bpmn/" + model + ".bpmn");
    }
    for (String form :
        List.of(
            "intake-form",
            "consider-existing-tool",
            "revise-request",
            "review-marketing",
            "review-it",
            "review-privacy",
            "draft-budget-proposal",
            "cosign-budget-proposal",
            "board-decision",
            "negotiate-contract",
            "complete-onboarding")) {
      deployment.addClasspathResource("forms/" + form + ".form");
    }
    deployment.deploy();
    // as TandemAuthorizations: marketing starts purchase requests
    var authorizations = engine.getAuthorizationService();
    var startDefinition = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    startDefinition.setGroupId("marketing");
    startDefinition.setResource(Resources.PROCESS_DEFINITION);
    startDefinition.setResourceId("martech-purchase");
    startDefinition.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
    authorizations.saveAuthorization(startDefinition);
    var startInstance = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    startInstance.setGroupId("marketing");
    startInstance.setResource(Resources.PROCESS_INSTANCE);
    startInstance.setResourceId(Authorization.ANY);
    startInstance.addPermission(Permissions.CREATE);
    authorizations.saveAuthorization(startInstance);
    return engine;
  }

  /**
   * Every delegate, listener and bean the models name, doing nothing but set the variables the
   * gateways of the fast approval path read (what Tandem's steps decide there).
   */
  private static Map<String, Object> noOpBeans() {
    Map<String, Object> beans = new HashMap<>();
    for (String name :
        List.of(
            "registerRequestDelegate",
            "closeRequestDelegate",
            "applyRevisionDelegate",
            "raiseBudgetDelegate",
            "applyNegotiationDelegate",
            "registerToolDelegate",
            "activateToolDelegate",
            "escalateReviewDelegate",
            "notifyVetoedReviewsDelegate",
            "requestEndedListener",
            "taskPresentationListener",
            "notifyRequesterListener",
            "recordDecisionListener",
            "negotiationListener",
            "onboardingBriefingListener",
            "budgetProposalListener",
            "assembleBoardPacketDelegate")) {
      beans.put(name, new NoOp(Map.of()));
    }
    beans.put("checkInventoryDelegate", new NoOp(Map.of("overlapsFound", false)));
    beans.put(
        "routeReviewsDelegate",
        new NoOp(
            Map.of(
                "privacyReviewRequired",
                false,
                "reviewSla",
                "P5D",
                "reviewDueDate",
                new java.util.Date(System.currentTimeMillis() + Duration.ofDays(5).toMillis()))));
    beans.put("concludeJointReviewDelegate", new NoOp(Map.of("reviewOutcome", "APPROVED")));
    beans.put(
        "checkBudgetDelegate", new NoOp(Map.of("budgetSufficient", true, "boardRequired", false)));
    beans.put("placeBudgetHoldsDelegate", new NoOp(Map.of("holdsPlaced", true)));
    beans.put("requestStatus", new NoOpStatus());
    return beans;
  }

  /** A step of the bare engine: sets the given variables, nothing else. */
  public record NoOp(Map<String, Object> variables)
      implements JavaDelegate, ExecutionListener, TaskListener {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariables(variables);
    }

    @Override
    public void notify(DelegateExecution execution) {
      execution.setVariables(variables);
    }

    @Override
    public void notify(DelegateTask task) {}
  }

  /** {@code ${requestStatus.update(execution, 'IN_REVIEW')}} of the models, doing nothing. */
  public static final class NoOpStatus {
    public void update(DelegateExecution execution, String status) {}
  }

  /** A pool with the settings of application-mysql.yaml. */
  private static HikariDataSource pool(ScratchDatabase database) {
    var server = MySqlTestServer.fromEnvironment();
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("bare");
    pool.setJdbcUrl(jdbcUrl(database));
    pool.setUsername(server.user());
    pool.setPassword(server.password());
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    pool.setMaximumPoolSize(20);
    pool.setMinimumIdle(5);
    pool.addDataSourceProperty("cachePrepStmts", "true");
    pool.addDataSourceProperty("prepStmtCacheSize", "500");
    pool.addDataSourceProperty("prepStmtCacheSqlLimit", "16384");
    pool.addDataSourceProperty("useLocalSessionState", "true");
    pool.addDataSourceProperty("useLocalTransactionState", "true");
    pool.addDataSourceProperty("cacheServerConfiguration", "true");
    pool.addDataSourceProperty("rewriteBatchedStatements", "true");
    return pool;
  }

  private static Flow bareFlow(ProcessEngine engine) {
    var runtime = engine.getRuntimeService();
    return (client, n) -> {
      String key = "BARE-" + client + "-" + n;
      String instance;
      // as Tandem's submit: the signed-in requester starts it (and becomes its initiator)
      engine.getIdentityService().setAuthentication("requester", List.of("marketing"));
      try {
        instance =
            runtime
                .startProcessInstanceByKey("martech-purchase", key, Map.of("requestId", key))
                .getId();
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
      work(
          engine.getTaskService(),
          engine,
          key,
          ANSWERS,
          USERS,
          () -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    };
  }

  /**
   * -Dbench.rows=true: what the engine and Tandem wrote per ended request, warm-up included: rows
   * per table, and per variable name the variables created and their revisions (updates + 1).
   */
  private static void reportRows(javax.sql.DataSource dataSource) {
    if (!Boolean.getBoolean("bench.rows")) {
      return;
    }
    JdbcClient jdbc = JdbcClient.create(dataSource);
    long ended =
        jdbc.sql(
                "SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'martech-purchase'"
                    + " AND END_TIME_ IS NOT NULL")
            .query(Long.class)
            .single();
    StringBuilder out = new StringBuilder(String.format("  rows per ended request (%d):%n", ended));
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                    + " AND (table_name LIKE 'ACT\\_HI\\_%' OR table_name LIKE 'ACT\\_GE\\_BYTEARRAY'"
                    + " OR table_name LIKE 'tandem\\_%') ORDER BY table_name")
            .query(String.class)
            .list();
    for (String table : tables) {
      long rows = jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
      if (rows > 0) {
        out.append(String.format("    %-36s %8.2f%n", table, rows / (double) Math.max(1, ended)));
      }
    }
    out.append("  variables per ended request: name, created, revisions\n");
    jdbc.sql(
            "SELECT NAME_, COUNT(*) n, SUM(REV_) r FROM ACT_HI_VARINST GROUP BY NAME_"
                + " ORDER BY SUM(REV_) DESC")
        .query(
            (rs, i) ->
                String.format(
                    "    %-36s %6.2f %6.2f%n",
                    rs.getString(1),
                    rs.getLong(2) / (double) Math.max(1, ended),
                    rs.getLong(3) / (double) Math.max(1, ended)))
        .list()
        .forEach(out::append);
    System.out.print(out);
  }

  private static String loadAverage() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format("%.2f (%d cores)", os.getSystemLoadAverage(), os.getAvailableProcessors());
  }
}
