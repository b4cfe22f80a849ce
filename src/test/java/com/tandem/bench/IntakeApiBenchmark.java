package com.tandem.bench;

import com.tandem.TandemApplication;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.ScratchDatabase;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: submits valid requests to {@code POST /api/purchase-requests} at a fixed rate over
 * HTTP with HTTP Basic, open-loop (each request is sent at its scheduled time whether or not the
 * earlier ones have answered, and its latency counts from that scheduled time, so a stall is not
 * hidden by coordinated omission), and prints throughput, p50/p95/p99/max latency and errors.
 *
 * <pre>
 * mvn -q test-compile exec:java                                  # H2 (file, as the default run)
 * mvn -q test-compile exec:java -Dbench.db=mysql                 # MariaDB/MySQL at 127.0.0.1:3306, root
 * -Dbench.rate=50 -Dbench.seconds=30 -Dbench.warmup=60 -Dbench.warmupRate=25   # defaults
 * </pre>
 *
 * The application runs in this JVM with its job executor on, so the async steps after each
 * registration (inventory check, routing, the reviews' start) load the database as in production.
 */
public final class IntakeApiBenchmark {

  private IntakeApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    String db = System.getProperty("bench.db", "h2");
    int rate = Integer.getInteger("bench.rate", 50);
    int seconds = Integer.getInteger("bench.seconds", 30);
    int warmup = Integer.getInteger("bench.warmup", 60);
    // The warm-up only has to run every code path often enough for the JIT compiler; at full rate
    // on a cold JVM it would leave a queue behind that the measured phase would inherit.
    int warmupRate = Integer.getInteger("bench.warmupRate", Math.min(rate, 25));

    Map<String, Object> props = new HashMap<>();
    props.put("server.port", "0");
    props.put("tandem.demo-data.enabled", "true");
    props.put("logging.level.root", "WARN");
    props.put("logging.level.com.tandem", "WARN");
    ScratchDatabase scratch = null;
    Path h2Dir = null;
    String[] profiles = {};
    if ("mysql".equals(db)) {
      MySqlTestServer server = MySqlTestServer.fromEnvironment();
      scratch = server.createScratchDatabase("tandem_bench_");
      // The profile's own placeholders (its values override default properties).
      props.put("TANDEM_DB_URL", scratch.jdbcUrl());
      props.put("TANDEM_DB_USER", server.user());
      props.put("TANDEM_DB_PASSWORD", server.password());
      props.put("TANDEM_ADMIN_USER", "admin");
      props.put("TANDEM_ADMIN_PASSWORD", "demo");
      props.put("TANDEM_DEMO_DATA", "true");
      profiles = new String[] {"mysql"};
    } else {
      h2Dir = Files.createTempDirectory("tandem-bench");
      props.put("TANDEM_DATA_DIR", h2Dir.toString());
    }

    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(TandemApplication.class)
            .profiles(profiles)
            .properties(props)
            .run();
    try {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();
      URI uri = URI.create("http://localhost:" + port + "/api/purchase-requests");
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      String auth =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString("requester:demo".getBytes(StandardCharsets.UTF_8));

      Background background = new Background(app);
      report("warm-up", db, warmupRate, warmup, run(client, uri, auth, warmupRate, warmup), false);
      background.awaitIdle("after the warm-up");

      System.out.printf("%nmeasuring : %d req/s for %d s ...%n", rate, seconds);
      System.out.flush();
      long cpuBefore = processCpuNanos();
      Result result = run(client, uri, auth, rate, seconds);
      double cpuMillisPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / result.sent();
      report("measured", db, rate, seconds, result, true);
      writeTimeline(result, rate);
      System.out.printf(
          "cpu       : %.1f ms of this JVM's CPU per request while submitting (server, job executor and client)%n",
          cpuMillisPerRequest);
      double drained = background.awaitIdle("after the last submit");
      System.out.printf(
          "background: every request's async steps done %.1f s after the last submit; %s%n",
          drained, background.outcome());
    } finally {
      app.close();
      if (scratch != null) {
        scratch.close();
      }
    }
    System.exit(0);
  }

  record Result(
      long[] latenciesMicros, Map<String, Integer> errors, double elapsedSeconds, int sent) {}

  static Result run(HttpClient client, URI uri, String auth, int rate, int seconds)
      throws Exception {
    int total = rate * seconds;
    long intervalNanos = 1_000_000_000L / rate;
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
    AtomicInteger ok = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * intervalNanos;
      long wait;
      while ((wait = scheduled - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int n = i;
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", auth)
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", "bench-" + start + "-" + n)
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofString(body(n)))
              .build();
      inFlight.add(
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, failure) -> {
                    latencies[n] = (System.nanoTime() - scheduled) / 1_000;
                    if (failure != null) {
                      errors.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
                    } else if (response.statusCode() != 201) {
                      errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                    } else {
                      ok.incrementAndGet();
                    }
                  }));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
        .exceptionally(t -> null)
        .join();
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(latencies, new TreeMap<>(errors), elapsed, total);
  }

  private static String body(int n) {
    return """
        {"toolName":"Bench tool %d","vendor":"Bench Vendor %d","vendorUrl":"https://bench.example",
         "capabilities":["event-management"],"businessJustification":"Benchmark request %d.",
         "annualLicenseCost":12000.00,"implementationCost":3000.00,"currency":"USD","seats":5,
         "contractTermMonths":12,"neededBy":"%s","personalData":"NONE","sso":"SAML",
         "integrations":["crm"],"dataExportSupported":true}"""
        .formatted(n, n, n, LocalDate.now().plusMonths(3));
  }

  private static void report(
      String phase, String db, int rate, int seconds, Result result, boolean full) {
    long[] sorted = Arrays.stream(result.latenciesMicros()).filter(l -> l >= 0).sorted().toArray();
    int errors = result.errors().values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder out = new StringBuilder();
    out.append("%n== Tandem intake API benchmark: %s ==%n".formatted(phase));
    if (full) {
      out.append(
          "machine   : %d cores, %s %s, Java %s, max heap %d MiB%n"
              .formatted(
                  Runtime.getRuntime().availableProcessors(),
                  System.getProperty("os.name"),
                  System.getProperty("os.arch"),
                  System.getProperty("java.version"),
                  Runtime.getRuntime().maxMemory() / (1024 * 1024)));
      out.append("jvm       : %s%n".formatted(ManagementFactory.getRuntimeMXBean().getVmName()));
    }
    out.append("database  : %s%n".formatted(db));
    out.append(
        "load      : %d req/s for %d s, open loop (%d requests)%n"
            .formatted(rate, seconds, result.sent()));
    out.append(
        "throughput: %.1f req/s completed (%d ok, %d errors)%n"
            .formatted(
                (result.sent() - 0.0) / result.elapsedSeconds(), result.sent() - errors, errors));
    out.append(
        "latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n"
            .formatted(
                pct(sorted, 50),
                pct(sorted, 95),
                pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0));
    if (errors > 0) {
      out.append("errors    : %s%n".formatted(result.errors()));
    }
    System.out.print(out);
    System.out.flush();
  }

  /** Each request's latency by the time it was due, for finding when the slow ones happened. */
  private static void writeTimeline(Result result, int rate) throws java.io.IOException {
    Path file = Path.of("target", "bench-latencies.csv");
    Files.createDirectories(file.getParent());
    StringBuilder csv = new StringBuilder("due_ms,latency_ms\n");
    long[] latencies = result.latenciesMicros();
    for (int i = 0; i < latencies.length; i++) {
      csv.append(i * 1000L / rate).append(',').append(latencies[i] / 1000.0).append('\n');
    }
    Files.writeString(file, csv);
    System.out.printf("timeline  : %s%n", file.toAbsolutePath());
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * What the job executor still has to do after the submits: the inventory check, the routing and
   * the start of the reviews run asynchronously, so "no errors" must cover them too.
   */
  static final class Background {
    private final ManagementService management;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;

    Background(ConfigurableApplicationContext app) {
      this.management = app.getBean(ManagementService.class);
      this.runtime = app.getBean(RuntimeService.class);
      this.jdbc = app.getBean(JdbcTemplate.class);
    }

    /**
     * Waits until no job is due and no async step waits for a retry (the SLA timers are not due);
     * returns the seconds waited, at most ten minutes.
     */
    double awaitIdle(String when) throws InterruptedException {
      long start = System.nanoTime();
      long pending;
      long lastReport = start;
      while ((pending = pendingJobs()) > 0 && System.nanoTime() - start < 600_000_000_000L) {
        if (System.nanoTime() - lastReport > 5_000_000_000L) {
          System.out.printf("            %d jobs still pending %s%n", pending, when);
          lastReport = System.nanoTime();
        }
        Thread.sleep(100);
      }
      return (System.nanoTime() - start) / 1e9;
    }

    private long pendingJobs() {
      return management.createJobQuery().executable().count()
          + management.createJobQuery().messages().withRetriesLeft().count();
    }

    String outcome() {
      Map<String, Integer> byStatus = new TreeMap<>();
      jdbc.query(
          "SELECT status, COUNT(*) AS n FROM tandem_purchase_request GROUP BY status",
          rs -> {
            byStatus.put(rs.getString("status"), rs.getInt("n"));
          });
      return "requests by status %s, incidents %d"
          .formatted(byStatus, runtime.createIncidentQuery().count());
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
