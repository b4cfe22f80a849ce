package com.tandem.bench;

import com.tandem.TandemApplication;
import com.tandem.insights.InsightsService;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.ScratchDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: the /api/insights calls on a long history. Starts the whole application on a scratch
 * MariaDB database (the {@code mysql} profile), bulk-loads {@code bench.requests} finished purchase
 * requests (default 100 000, over the fiscal years 2021 to 2025) with the rows the engine and
 * Tandem write for them and that the figures read, then calls every /api/insights endpoint over
 * HTTP as cmo and prints p50, p95 and max per call (docs/benchmark.md, "Insights").
 *
 * <p>What the loader writes, as the engine and Tandem would: per request its {@code
 * tandem_purchase_request} row; the {@code martech-purchase} instance and each called {@code
 * martech-joint-review} in {@code ACT_HI_PROCINST}; every user task in {@code ACT_HI_TASKINST}
 * (create and end time, duration, due date at the 5-day review SLA, {@code completed}, root
 * instance); a {@code tandem_request_decision} row per decision; the tool of an ACTIVE request in
 * {@code tandem_tool} (with its capabilities; retired unless among the newest); shadow-IT findings.
 * It does not write the engine's other history of those requests (activity instances, variables,
 * identity links), which no figure reads.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dbench.main=com.tandem.bench.InsightsBenchmark
 * # -Dbench.requests=100000 -Dbench.calls=200; MariaDB from TANDEM_TEST_MYSQL_HOST/PORT/USER/PASSWORD
 * # -Dbench.database=NAME measures a database loaded before (kept, not dropped)
 * </pre>
 */
public final class InsightsBenchmark {

  static final String[] CAPABILITIES = {
    "email-marketing",
    "marketing-automation",
    "web-analytics",
    "customer-data-platform",
    "social-media-management",
    "seo",
    "content-management",
    "ab-testing",
    "survey",
    "event-management",
    "digital-asset-management",
    "crm",
    "ad-management",
    "attribution",
    "chat",
    "personalization",
    "video-hosting",
    "influencer-marketing"
  };
  static final int FIRST_YEAR = 2021;
  static final int YEARS = 5;

  private InsightsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int requests = Integer.getInteger("bench.requests", 100_000);
    int calls = Integer.getInteger("bench.calls", 200);
    MySqlTestServer server = MySqlTestServer.fromEnvironment();
    Map<String, Object> props = new HashMap<>();
    props.put("server.port", "0");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.com.tandem", "WARN");
    String existing = System.getProperty("bench.database");
    boolean keep = Boolean.getBoolean("bench.keep");
    ScratchDatabase created =
        existing == null ? server.createScratchDatabase("tandem_insights_bench_") : null;
    if (created != null && keep) {
      System.out.println(
          "database  : " + created.name() + " (kept: -Dbench.database=" + created.name() + ")");
    }
    try (ScratchDatabase scratch = keep ? null : created) {
      props.put("TANDEM_DB_URL", existing == null ? created.jdbcUrl() : server.jdbcUrl(existing));
      props.put("TANDEM_DB_USER", server.user());
      props.put("TANDEM_DB_PASSWORD", server.password());
      props.put("TANDEM_ADMIN_USER", "admin");
      props.put("TANDEM_ADMIN_PASSWORD", "demo");
      props.put("TANDEM_DEMO_DATA", "true");
      ConfigurableApplicationContext app = start(props);
      try {
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        long started = System.nanoTime();
        Loaded loaded =
            existing == null
                ? new Loader(jdbc, new Random(42)).load(requests)
                : new Loaded(
                    count(jdbc, "tandem_purchase_request"),
                    count(jdbc, "ACT_HI_PROCINST"),
                    count(jdbc, "ACT_HI_TASKINST"),
                    count(jdbc, "tandem_request_decision"),
                    count(jdbc, "tandem_tool"),
                    0,
                    count(jdbc, "tandem_discovery_finding"));
        System.out.printf(
            "loaded    : %,d requests, %,d process instances, %,d tasks, %,d decisions, %,d tools"
                + " (%,d active), %,d findings in %.1f s%n",
            loaded.requests,
            loaded.instances,
            loaded.tasks,
            loaded.decisions,
            loaded.tools,
            loaded.activeTools,
            loaded.findings,
            (System.nanoTime() - started) / 1e9);
        if (existing == null) {
          // The loader wrote the history behind the application's back, as an installation that
          // upgrades has it: the rollup is filled as it is there, by changeset 018 at the next
          // start. Emptied and the changeset forgotten, the restart runs it again.
          jdbc.update("DELETE FROM tandem_insights_task_rollup");
          jdbc.update("DELETE FROM tandem_insights_decision_rollup");
          jdbc.update("DELETE FROM DATABASECHANGELOG WHERE ID = '018-insights-rollup-fill'");
          app.close();
          long restart = System.nanoTime();
          app = start(props);
          jdbc = app.getBean(JdbcTemplate.class);
          System.out.printf(
              "restarted : changeset 018 filled the rollup, start with it %.1f s%n",
              (System.nanoTime() - restart) / 1e9);
        }
        System.out.printf(
            "rollup    : %,d task rows, %,d decision rows%n",
            count(jdbc, "tandem_insights_task_rollup"),
            count(jdbc, "tandem_insights_decision_rollup"));
        jdbc.execute(
            "ANALYZE TABLE ACT_HI_TASKINST, ACT_HI_PROCINST, tandem_purchase_request,"
                + " tandem_request_decision, tandem_tool, tandem_tool_capability,"
                + " tandem_discovery_finding, tandem_insights_task_rollup,"
                + " tandem_insights_decision_rollup");
        System.out.println("load avg  : " + loadAverage());
        compare(app.getBean(InsightsService.class), calls);
        System.out.println("load avg  : " + loadAverage());
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        measure(port, calls);
        System.out.println("load avg  : " + loadAverage());
      } finally {
        app.close();
      }
    }
    System.exit(0);
  }

  static ConfigurableApplicationContext start(Map<String, Object> props) {
    return new SpringApplicationBuilder(TandemApplication.class)
        .profiles("mysql")
        .properties(props)
        .run();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * The baseline in the same run: the stage figures aggregated from the task history and the
   * decision log ({@link InsightsService#stagesFromHistory}, what {@code stages} read before the
   * rollup) beside the rollup's, called in-process, the fiscal year rotating; first checks that
   * both give the same figures for every loaded year, with and without a capability.
   */
  static void compare(InsightsService insights, int calls) {
    for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
      for (String capability : new String[] {null, "crm"}) {
        if (!insights
            .stages(year, capability)
            .equals(insights.stagesFromHistory(year, capability))) {
          throw new IllegalStateException(
              "The rollup and the history disagree for " + year + " " + capability);
        }
      }
    }
    System.out.println("same      : rollup = history for every loaded year, all and crm");
    System.out.printf("%-60s %8s %8s %8s%n", "in-process (no HTTP)", "p50 ms", "p95 ms", "max ms");
    for (String capability : new String[] {null, "crm"}) {
      String suffix = capability == null ? "" : " capability=" + capability;
      time(
          "history aggregate (before)" + suffix,
          calls,
          y -> insights.stagesFromHistory(y, capability));
      time("rollup (now)" + suffix, calls, y -> insights.stages(y, capability));
    }
  }

  static void time(String label, int calls, java.util.function.IntConsumer call) {
    for (int i = 0; i < 20; i++) {
      call.accept(FIRST_YEAR + i % YEARS);
    }
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      call.accept(FIRST_YEAR + i % YEARS);
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%-60s %8.1f %8.1f %8.1f%n",
        label,
        nanos[calls / 2] / 1e6,
        nanos[(int) Math.ceil(calls * 0.95) - 1] / 1e6,
        nanos[calls - 1] / 1e6);
  }

  static long count(JdbcTemplate jdbc, String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
  }

  static void measure(int port, int calls) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String auth =
        "Basic " + Base64.getEncoder().encodeToString("cmo:demo".getBytes(StandardCharsets.UTF_8));
    String[] paths = {
      "/api/insights/stages?fiscalYear=%d",
      "/api/insights/stages?fiscalYear=%d&capability=crm",
      "/api/insights/requests?fiscalYear=%d",
      "/api/insights/requests?fiscalYear=%d&capability=crm",
      "/api/insights/budget?fiscalYear=%d",
      "/api/insights/stack-map",
      "/api/insights/shadow-it?fiscalYear=%d",
      "/api/insights/renewals?fiscalYear=%d",
      "/api/insights/requests/search?q=%d",
      "/api/insights/requests/search?q=vendor%%20%d&status=ACTIVE",
    };
    System.out.printf("%-60s %8s %8s %8s %10s%n", "call", "p50 ms", "p95 ms", "max ms", "bytes");
    for (String path : paths) {
      // warm-up: the JIT and the database's buffer pool
      for (int i = 0; i < 20; i++) {
        call(client, auth, port, path.formatted(FIRST_YEAR + i % YEARS));
      }
      long[] nanos = new long[calls];
      int bytes = 0;
      for (int i = 0; i < calls; i++) {
        String url = path.formatted(FIRST_YEAR + i % YEARS);
        long t0 = System.nanoTime();
        bytes = call(client, auth, port, url);
        nanos[i] = System.nanoTime() - t0;
      }
      Arrays.sort(nanos);
      System.out.printf(
          "%-60s %8.1f %8.1f %8.1f %10d%n",
          path.replace("%d", "Y"),
          nanos[calls / 2] / 1e6,
          nanos[(int) Math.ceil(calls * 0.95) - 1] / 1e6,
          nanos[calls - 1] / 1e6,
          bytes);
    }
  }

  static int call(HttpClient client, String auth, int port, String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body().length();
  }

  record Loaded(
      long requests,
      long instances,
      long tasks,
      long decisions,
      long tools,
      long activeTools,
      long findings) {}

  /** Writes finished requests and their history in batches of 1 000 rows. */
  static final class Loader {
    private final JdbcTemplate jdbc;
    private final Random random;
    private final String purchaseDefinition;
    private final String reviewDefinition;
    private final String boardDefinition;
    private final List<Object[]> requestRows = new ArrayList<>();
    private final List<Object[]> instanceRows = new ArrayList<>();
    private final List<Object[]> taskRows = new ArrayList<>();
    private final List<Object[]> decisionRows = new ArrayList<>();
    private final List<Object[]> toolRows = new ArrayList<>();
    private final List<Object[]> capabilityRows = new ArrayList<>();
    private long requests, instances, tasks, decisions, tools, activeTools, findings;

    Loader(JdbcTemplate jdbc, Random random) {
      this.jdbc = jdbc;
      this.random = random;
      this.purchaseDefinition = definition("martech-purchase");
      this.reviewDefinition = definition("martech-joint-review");
      this.boardDefinition = definition("martech-board-submission");
    }

    private String definition(String key) {
      return jdbc.queryForObject(
          "SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = ? ORDER BY VERSION_ DESC LIMIT 1",
          String.class,
          key);
    }

    Loaded load(int count) {
      int perYear = count / YEARS;
      for (int i = 0; i < count; i++) {
        int year = FIRST_YEAR + i / perYear;
        if (year >= FIRST_YEAR + YEARS) {
          year = FIRST_YEAR + YEARS - 1;
        }
        request(year, i % perYear + 1);
        if (requestRows.size() >= 1000) {
          flush();
        }
      }
      flush();
      for (int f = 0; f < 2000; f++) {
        finding(f);
      }
      return new Loaded(requests, instances, tasks, decisions, tools, activeTools, findings);
    }

    /** Log-normal hours around a median, as waiting times are. */
    private double hours(double median) {
      return Math.max(0.1, median * Math.exp(random.nextGaussian() * 0.9));
    }

    private void request(int year, int number) {
      String id = "MTR-%d-%05d".formatted(year, number);
      String root = UUID.randomUUID().toString();
      LocalDateTime start =
          LocalDateTime.of(year, 1, 1, 8, 0).plusMinutes(random.nextInt(360 * 24 * 60));
      int roll = random.nextInt(100);
      String outcome =
          roll < 55 ? "ACTIVE" : roll < 75 ? "REJECTED" : roll < 87 ? "WITHDRAWN" : "REDIRECTED";
      String cap1 = CAPABILITIES[random.nextInt(CAPABILITIES.length)];
      String cap2 = CAPABILITIES[random.nextInt(CAPABILITIES.length)];
      String capabilities = cap1.equals(cap2) ? cap1 : cap1 + "," + cap2;
      LocalDateTime t = start;
      if ("REDIRECTED".equals(outcome)) {
        t =
            task(
                root,
                root,
                purchaseDefinition,
                "martech-purchase",
                "Task_ConsiderExistingTool",
                "Consider an existing tool",
                t,
                hours(24),
                null);
        decision(id, "INVENTORY", "USE_EXISTING", "requester", t);
      } else {
        int rounds = random.nextInt(100) < 15 ? 2 : 1;
        boolean privacy = random.nextInt(100) < 40;
        for (int round = 1; round <= rounds; round++) {
          String review = UUID.randomUUID().toString();
          LocalDateTime reviewStart = t;
          LocalDateTime m =
              task(
                  review,
                  root,
                  reviewDefinition,
                  "martech-joint-review",
                  "Task_ReviewMarketing",
                  "Marketing review",
                  t,
                  hours(20),
                  t.plusDays(5));
          LocalDateTime it =
              task(
                  review,
                  root,
                  reviewDefinition,
                  "martech-joint-review",
                  "Task_ReviewIt",
                  "IT review",
                  t,
                  hours(40),
                  t.plusDays(5));
          LocalDateTime end = m.isAfter(it) ? m : it;
          decision(id, "MARKETING_REVIEW", "APPROVE", "cmo", m);
          decision(
              id,
              "IT_REVIEW",
              round < rounds
                  ? "REQUEST_CHANGES"
                  : "REJECTED".equals(outcome) ? "REJECT" : "APPROVE",
              "cio",
              it);
          if (privacy) {
            LocalDateTime p =
                task(
                    review,
                    root,
                    reviewDefinition,
                    "martech-joint-review",
                    "Task_ReviewPrivacy",
                    "Privacy review",
                    t,
                    hours(30),
                    t.plusDays(5));
            decision(id, "PRIVACY_REVIEW", "APPROVE", "privacy", p);
            end = end.isAfter(p) ? end : p;
          }
          instance(review, id, reviewDefinition, "martech-joint-review", reviewStart, end, root);
          t = end;
          if (round < rounds) {
            t =
                task(
                    root,
                    root,
                    purchaseDefinition,
                    "martech-purchase",
                    "Task_ReviseRequest",
                    "Revise the request",
                    t,
                    hours(30),
                    null);
            decision(
                id,
                "REVISION",
                "WITHDRAWN".equals(outcome) ? "WITHDRAW" : "RESUBMIT",
                "requester",
                t);
            if ("WITHDRAWN".equals(outcome)) {
              break;
            }
          }
        }
        if ("ACTIVE".equals(outcome)) {
          if (random.nextInt(100) < 20) {
            t =
                task(
                    root,
                    root,
                    purchaseDefinition,
                    "martech-purchase",
                    "Task_DraftBudgetProposal",
                    "Draft the budget proposal",
                    t,
                    hours(30),
                    null);
            decision(id, "BUDGET_PROPOSAL", "DRAFTED", "cmo", t);
            t =
                task(
                    root,
                    root,
                    purchaseDefinition,
                    "martech-purchase",
                    "Task_CosignBudgetProposal",
                    "Co-sign the budget proposal",
                    t,
                    hours(30),
                    null);
            decision(id, "COSIGN", "APPROVE", "cio", t);
            String board = UUID.randomUUID().toString();
            LocalDateTime boardStart = t;
            t =
                task(
                    board,
                    root,
                    boardDefinition,
                    "martech-board-submission",
                    "Task_BoardDecision",
                    "Board decision",
                    t,
                    hours(240),
                    null);
            decision(id, "BOARD", "APPROVE", "board", t);
            instance(board, id, boardDefinition, "martech-board-submission", boardStart, t, root);
          }
          t =
              task(
                  root,
                  root,
                  purchaseDefinition,
                  "martech-purchase",
                  "Task_CompleteOnboarding",
                  "Onboarding",
                  t,
                  hours(72),
                  null);
          decision(id, "ONBOARDING", "COMPLETED", "itops", t);
          tool(id, cap1, cap2, t);
        }
      }
      instance(root, id, purchaseDefinition, "martech-purchase", start, t, null);
      requestRows.add(
          new Object[] {
            id,
            root,
            "requester",
            outcome,
            "Tool " + number + " of " + year,
            "Vendor " + year + " " + (number % 3000),
            "A reason for the tool.",
            BigDecimal.valueOf(1000 + random.nextInt(50_000)),
            BigDecimal.valueOf(random.nextInt(20_000)),
            ts(start.plusDays(60)).toLocalDateTime().toLocalDate(),
            capabilities,
            ts(start),
            ts(t)
          });
      requests++;
    }

    private LocalDateTime task(
        String instance,
        String root,
        String definition,
        String key,
        String taskKey,
        String name,
        LocalDateTime start,
        double hours,
        LocalDateTime due) {
      long millis = Math.round(hours * 3_600_000);
      LocalDateTime end = start.plusNanos(millis * 1_000_000);
      taskRows.add(
          new Object[] {
            UUID.randomUUID().toString(),
            taskKey,
            key,
            definition,
            root,
            instance,
            instance,
            taskKey + ":" + UUID.randomUUID(),
            name,
            ts(start),
            ts(end),
            millis,
            "completed",
            50,
            due == null ? null : ts(due)
          });
      tasks++;
      return end;
    }

    private void instance(
        String id,
        String businessKey,
        String definition,
        String key,
        LocalDateTime start,
        LocalDateTime end,
        String superInstance) {
      instanceRows.add(
          new Object[] {
            id,
            id,
            businessKey,
            key,
            definition,
            ts(start),
            ts(end),
            Duration.between(start, end).toMillis(),
            superInstance,
            superInstance == null ? id : superInstance
          });
      instances++;
    }

    private void decision(String id, String stage, String decision, String by, LocalDateTime at) {
      decisionRows.add(
          new Object[] {id, stage, decision, by, ts(at), UUID.randomUUID().toString()});
      decisions++;
    }

    private void tool(String requestId, String cap1, String cap2, LocalDateTime at) {
      // most tools bought over five years have been retired or replaced since; one in twenty is
      // ours
      boolean active = random.nextInt(20) == 0;
      String vendor = "Vendor of " + requestId;
      long toolId = 1_000_000 + tools;
      toolRows.add(
          new Object[] {
            toolId,
            "Tool of " + requestId,
            vendor,
            vendor.toLowerCase(),
            active ? "ACTIVE" : "RETIRED",
            BigDecimal.valueOf(1000 + random.nextInt(50_000)),
            requestId,
            ts(at),
            ts(at)
          });
      capabilityRows.add(new Object[] {toolId, cap1});
      if (!cap1.equals(cap2)) {
        capabilityRows.add(new Object[] {toolId, cap2});
      }
      tools++;
      activeTools += active ? 1 : 0;
    }

    private void finding(int n) {
      int year = FIRST_YEAR + n % YEARS;
      LocalDateTime at = LocalDateTime.of(year, 1, 1, 9, 0).plusDays(random.nextInt(360));
      String[] statuses = {
        "ADOPTED", "REPLACED", "RETIRED", "DISMISSED", "IN_REVIEW", "DISCOVERED"
      };
      String status = statuses[random.nextInt(statuses.length)];
      jdbc.update(
          "INSERT INTO tandem_discovery_finding (id, vendor, vendor_key, first_word_key, status,"
              + " first_seen, last_seen, found_in, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, 'EXPENSE', ?, ?)",
          "SIT-%d-%05d".formatted(year, 90000 + n),
          "Shadow vendor " + n,
          "bench shadow vendor " + n,
          "bench",
          status,
          ts(at).toLocalDateTime().toLocalDate(),
          ts(at).toLocalDateTime().toLocalDate(),
          ts(at),
          ts(at));
      findings++;
    }

    private void flush() {
      jdbc.batchUpdate(
          "INSERT INTO tandem_purchase_request (id, process_instance_id, requester, status, tool_name,"
              + " vendor, business_justification, annual_license_cost, implementation_cost, currency,"
              + " seats, contract_term_months, needed_by, personal_data, sso, data_export_supported,"
              + " capabilities, integrations, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'USD', 5, 12, ?, 'NONE', 'SAML', TRUE, ?, '', ?, ?)",
          requestRows);
      jdbc.batchUpdate(
          "INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
              + " START_TIME_, END_TIME_, DURATION_, SUPER_PROCESS_INSTANCE_ID_, ROOT_PROC_INST_ID_, STATE_)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED')",
          instanceRows);
      jdbc.batchUpdate(
          "INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
              + " ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, START_TIME_,"
              + " END_TIME_, DURATION_, DELETE_REASON_, PRIORITY_, DUE_DATE_, TASK_STATE_)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Completed')",
          taskRows);
      jdbc.batchUpdate(
          "INSERT INTO tandem_request_decision (request_id, stage, decision, decided_by, decided_at,"
              + " task_id) VALUES (?, ?, ?, ?, ?, ?)",
          decisionRows);
      jdbc.batchUpdate(
          "INSERT INTO tandem_tool (id, name, vendor, vendor_key, owner, status, annual_cost, currency,"
              + " sso, personal_data, request_id, created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, 'Marketing', ?, ?, 'USD', 'SAML', 'NONE', ?, ?, ?)",
          toolRows);
      jdbc.batchUpdate(
          "INSERT INTO tandem_tool_capability (tool_id, capability_code) VALUES (?, ?)",
          capabilityRows);
      toolRows.clear();
      capabilityRows.clear();
      requestRows.clear();
      instanceRows.clear();
      taskRows.clear();
      decisionRows.clear();
    }

    private static Timestamp ts(LocalDateTime t) {
      return Timestamp.valueOf(t);
    }
  }
}
