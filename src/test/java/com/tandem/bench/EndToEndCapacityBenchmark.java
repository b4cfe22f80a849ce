package com.tandem.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.TandemApplication;
import com.tandem.intake.PurchaseRequestService;
import com.tandem.intake.PurchaseRequestSubmission;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.ScratchDatabase;
import com.tandem.web.ApiCaller;
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
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

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

  private EndToEndCapacityBenchmark() {}

  /** One closed-loop client: runs one request from start to its end, returns when it ended. */
  interface Flow {
    void runOne(int client, int n) throws Exception;
  }

  record Figure(int completed, double seconds, double perSecond, double msPerFlow) {}

  public static void main(String[] args) throws Exception {
    int clients = Integer.getInteger("bench.clients", 8);
    int warmup = Integer.getInteger("bench.warmup", 20);
    int seconds = Integer.getInteger("bench.seconds", 60);
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "%nclosed loop, %d clients, %d s warm-up, %d s measured; load average before: %s%n",
            clients, warmup, seconds, loadAverage()));

    Figure bare;
    try (MigratedDatabase database = MigratedDatabase.mysql()) {
      ProcessEngine engine = bareEngine(database);
      try {
        bare = measure(bareFlow(engine), clients, warmup, seconds);
      } finally {
        engine.close();
      }
    }
    report.append(describe("bare engine, same shape", bare));

    Figure tandem;
    try (ScratchDatabase database =
            MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_e2e_");
        ConfigurableApplicationContext app = tandem(database)) {
      tandem = measure(tandemFlow(app), clients, warmup, seconds);
    }
    report.append(describe("Tandem", tandem));
    report.append(
        String.format(
            "Tandem / bare engine: %.2f; load average after: %s%n",
            tandem.perSecond() / bare.perSecond(), loadAverage()));
    System.out.println("End-to-end capacity:" + report);
  }

  private static String describe(String name, Figure f) {
    return String.format(
        "%-26s %5d flows in %5.1f s = %6.2f flows/s (%.0f ms per flow per client)%n",
        name + ":", f.completed(), f.seconds(), f.perSecond(), f.msPerFlow());
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
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    double elapsed = (System.nanoTime() - start) / 1e9;
    done.await();
    if (failures.get() > 0) {
      System.out.println(failures.get() + " flows failed");
    }
    int n = completed.get();
    return new Figure(n, elapsed, n / elapsed, n == 0 ? 0 : busyNanos.get() / 1e6 / n);
  }

  // ---- Tandem --------------------------------------------------------------------------

  private static ConfigurableApplicationContext tandem(ScratchDatabase database) {
    var server = MySqlTestServer.fromEnvironment();
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("TANDEM_DB_URL", database.jdbcUrl());
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
    return new SpringApplicationBuilder(TandemApplication.class).profiles("mysql").run(args);
  }

  private static Flow tandemFlow(ConfigurableApplicationContext app) throws Exception {
    PurchaseRequestService intake = app.getBean(PurchaseRequestService.class);
    RequestRegistry registry = app.getBean(RequestRegistry.class);
    ProcessEngine engine = app.getBean(ProcessEngine.class);
    // the budget must carry every request the run submits
    app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
        .sql("UPDATE tandem_budget_line SET amount = 1000000000")
        .update();
    ApiCaller requester = new ApiCaller("requester", List.of("marketing"));
    Map<String, Function<Task, Map<String, Object>>> answers = new HashMap<>();
    answers.put(
        "Task_ConsiderExistingTool",
        t -> Map.of("useExistingTool", false, "newToolJustification", "Needed for the benchmark"));
    answers.put(
        "Task_ReviewMarketing",
        t -> Map.of("marketingDecision", "APPROVE", "marketingComment", "ok"));
    answers.put("Task_ReviewIt", t -> Map.of("itDecision", "APPROVE", "itComment", "ok"));
    answers.put(
        "Task_ReviewPrivacy", t -> Map.of("privacyDecision", "APPROVE", "privacyComment", "ok"));
    answers.put(
        "Task_NegotiateContract",
        t ->
            Map.of(
                "negotiatedAnnualCost", 1200.0,
                "negotiatedImplementationCost", 300.0,
                "negotiationNote", "List price"));
    answers.put("Task_CompleteOnboarding", t -> Map.of("ssoConfigured", true, "dpaSigned", true));
    Map<String, String> users =
        Map.of(
            "Task_ConsiderExistingTool", "requester",
            "Task_ReviewMarketing", "cmo",
            "Task_ReviewIt", "cio",
            "Task_ReviewPrivacy", "privacy",
            "Task_NegotiateContract", "itops",
            "Task_CompleteOnboarding", "itops");
    return (client, n) -> {
      PurchaseRequestSubmission body =
          JSON.readValue(submission(client, n), PurchaseRequestSubmission.class);
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
          answers,
          users,
          () -> {
            RequestStatus status = registry.find(id).orElseThrow().status();
            if (status.isFinal() && status != RequestStatus.ACTIVE) {
              throw new IllegalStateException(id + " ended " + status);
            }
            return status == RequestStatus.ACTIVE;
          });
    };
  }

  private static String submission(int client, int n) {
    return """
        {"toolName":"Bench %d-%d","vendor":"Benchvendor %s Inc.","vendorUrl":"https://bench.example",
         "capabilities":["event-management"],"businessJustification":"Capacity run.",
         "annualLicenseCost":1200.00,"implementationCost":300.00,"currency":"USD","seats":5,
         "contractTermMonths":12,"neededBy":"%s","personalData":"NONE","sso":"SAML",
         "integrations":[],"dataExportSupported":true}"""
        .formatted(
            client, n, Integer.toString(client * 100_000 + n, 36), LocalDate.now().plusDays(40));
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
    while (!ended.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(businessKey + " did not end within 2 minutes");
      }
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list();
      if (open.isEmpty()) {
        Thread.sleep(10);
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
        } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
          // a parallel completion of the same join: the next round sees what is left
        } finally {
          engine.getIdentityService().clearAuthentication();
        }
      }
    }
  }

  // ---- the bare engine -------------------------------------------------------------------

  /** The same engine settings as application.yaml, on a database migrated the same way. */
  private static ProcessEngine bareEngine(MigratedDatabase database) {
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setProcessEngineName("bare");
    config.setDataSource(database.dataSource());
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setJobExecutorActivate(true);
    config.setEnsureJobDueDateNotNull(true);
    config.setJobExecutorAcquireByDueDate(true);
    config.setAuthorizationEnabled(true);
    var executor = new org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor();
    executor.setCorePoolSize(3);
    executor.setMaxPoolSize(10);
    config.setJobExecutor(executor);
    ProcessEngine engine = config.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance("bare-review.bpmn", reviewShape())
        .addModelInstance("bare-purchase.bpmn", purchaseShape())
        .deploy();
    return engine;
  }

  /**
   * martech-purchase's fast path as a shape: register, async inventory check, routing, the joint
   * review called, async budget, negotiation, onboarding, activation.
   */
  private static BpmnModelInstance purchaseShape() {
    return Bpmn.createExecutableProcess("bare-purchase")
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .serviceTask("register")
        .camundaExpression("${true}")
        .serviceTask("inventory")
        .camundaAsyncBefore()
        .camundaExpression("${true}")
        .businessRuleTask("route")
        .camundaExpression("${true}")
        .callActivity("review")
        .calledElement("bare-review")
        .camundaInBusinessKey("#{execution.processBusinessKey}")
        .serviceTask("budget")
        .camundaAsyncBefore()
        .camundaExpression("${true}")
        .userTask("Task_NegotiateContract")
        .serviceTask("procure")
        .camundaAsyncBefore()
        .camundaExpression("${true}")
        .userTask("Task_CompleteOnboarding")
        .serviceTask("activate")
        .camundaAsyncBefore()
        .camundaExpression("${true}")
        .endEvent()
        .done();
  }

  private static BpmnModelInstance reviewShape() {
    return Bpmn.createExecutableProcess("bare-review")
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .parallelGateway("fork")
        .userTask("Task_ReviewMarketing")
        .parallelGateway("join")
        .endEvent()
        .moveToNode("fork")
        .userTask("Task_ReviewIt")
        .connectTo("join")
        .done();
  }

  private static Flow bareFlow(ProcessEngine engine) {
    Map<String, Function<Task, Map<String, Object>>> answers = new HashMap<>();
    answers.put("Task_ReviewMarketing", t -> Map.of("marketingDecision", "APPROVE"));
    answers.put("Task_ReviewIt", t -> Map.of("itDecision", "APPROVE"));
    answers.put("Task_NegotiateContract", t -> Map.of("negotiatedAnnualCost", 1200.0));
    answers.put("Task_CompleteOnboarding", t -> Map.of("ssoConfigured", true));
    var runtime = engine.getRuntimeService();
    return (client, n) -> {
      String key = "BARE-" + client + "-" + n;
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("toolName", "Bench " + key);
      variables.put("annualLicenseCost", 1200.0);
      String instance = runtime.startProcessInstanceByKey("bare-purchase", key, variables).getId();
      work(
          engine.getTaskService(),
          engine,
          key,
          answers,
          Map.of(),
          () -> runtime.createProcessInstanceQuery().processInstanceId(instance).count() == 0);
    };
  }

  private static String loadAverage() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return String.format("%.2f (%d cores)", os.getSystemLoadAverage(), os.getAvailableProcessors());
  }
}
