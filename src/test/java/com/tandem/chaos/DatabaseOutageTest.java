package com.tandem.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.testsupport.DatabaseProxy;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ScratchDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database goes away under load and comes back (issue 13): one Tandem node as production runs
 * it ({@link TandemNode}: its own JVM, the {@code mysql} profile) reaches its scratch MariaDB/MySQL
 * database through a {@link DatabaseProxy}, which the test cuts for {@code -Doutage.seconds}
 * (default 20; the 30 s was run and recorded in docs/reliability.md) while four clients
 * submit requests with Idempotency-Keys, retrying a refused submit with the same key.
 *
 * <p>Checked on the database and on what the clients and probes saw: 503 problem+json with
 * Retry-After while it is away (Camunda's REST API: 503 in its own error shape), never a 500;
 * readiness DOWN and liveness UP meanwhile, both UP after; every acknowledged request exactly once
 * and none that was not acknowledged; the flows carry on by themselves to their waiting state; no
 * incident, no job out of retries; the outage logged once as it starts and once as it ends, no
 * stack traces.
 */
@RequiresMySql
@Tag("chaos")
class DatabaseOutageTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "outageadmin";
  private static final String ADMIN_PASSWORD = "outage-admin-pw";
  private static final int CLIENTS = 4;
  private static final Set<String> WAITING = Set.of("AWAITING_REQUESTER", "IN_REVIEW");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  /** Every answer a client or probe got, with when (seconds since the cut; negative before). */
  record Seen(
      double at,
      double took,
      String what,
      int status,
      String contentType,
      String retryAfter,
      String body) {}

  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private volatile Instant cutAt;

  @Test
  void databaseAwayAnswers503LosesNothingAndResumesByItself() throws Exception {
    Duration outage = Duration.ofSeconds(Integer.getInteger("outage.seconds", 20));
    MySqlTestServer server = MySqlTestServer.fromEnvironment();
    try (ScratchDatabase database = server.createScratchDatabase("tandem_outage_");
        DatabaseProxy proxy = DatabaseProxy.to(server)) {
      JdbcClient db = JdbcClient.create(database.dataSource()); // straight to the server
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("TANDEM_DB_URL", proxy.jdbcUrl(server, database.name()));
      settings.put("TANDEM_DB_USER", server.user());
      settings.put("TANDEM_DB_PASSWORD", server.password());
      settings.put("TANDEM_DB_POOL_SIZE", "10");
      settings.put("TANDEM_ADMIN_USER", ADMIN);
      settings.put("TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD);
      settings.put("TANDEM_DEMO_DATA", "true");
      settings.put("logging.level.liquibase", "warn");
      TandemNode node = new TandemNode("A", settings, Path.of("target", "outage", run));
      node.start();
      try {
        node.awaitReady(Duration.ofMinutes(4));
        check(node, proxy, db, outage);
      } finally {
        node.stop(Duration.ofSeconds(40));
      }
    }
  }

  private void check(TandemNode node, DatabaseProxy proxy, JdbcClient db, Duration outage)
      throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    Map<String, Instant> ackedAt = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      running.add(
          clients.submit(
              () -> {
                for (int i = 0; !stop.get(); i++) {
                  String key = "outage-" + run + "-" + client + "-" + i;
                  String id = submitUntilAcknowledged(node, key, client * 1000 + i);
                  acknowledged.put(key, id);
                  ackedAt.put(key, Instant.now());
                }
                return null;
              }));
    }
    List<Seen> probes = Collections.synchronizedList(new ArrayList<>());
    running.add(
        clients.submit(
            () -> {
              while (!stop.get()) {
                probes.add(get(node, "/actuator/health/readiness", "readiness", null));
                probes.add(get(node, "/actuator/health/liveness", "liveness", null));
                pause(1000);
              }
              return null;
            }));

    awaitCount(acknowledged, 8, Duration.ofMinutes(2));
    pause(1500);
    int logBefore = node.output().length();
    int acknowledgedBeforeCut = acknowledged.size();
    Map<String, String> beforeCut = Map.copyOf(acknowledged);
    cutAt = Instant.now();
    proxy.cut();
    pause(outage.toMillis() / 2);
    Seen engineRest =
        get(
            node,
            "/engine-rest/task?maxResults=5",
            "engine-rest task list",
            basic(ADMIN, ADMIN_PASSWORD));
    Seen apiList = get(node, "/api/purchase-requests", "api list", basic("requester", "demo"));
    pause(Math.max(0, outage.toMillis() - since(cutAt).toMillis()));
    proxy.restore();
    Instant restoredAt = Instant.now();
    Map<String, Long> atRestore = statuses(db, acknowledged.values());
    double restoredSecond = seconds(cutAt, restoredAt);

    // each client gets through again, then the load stops
    awaitTrue(
        () -> ackedAt.values().stream().filter(t -> t.isAfter(restoredAt)).count() >= CLIENTS,
        Duration.ofMinutes(2));
    stop.set(true);
    for (Future<?> f : running) {
      f.get();
    }
    clients.shutdown();

    Instant quietAt = awaitQuiet(db, acknowledged.values(), Duration.ofMinutes(3));
    String log = node.output().substring(logBefore);

    // ---- what was seen ------------------------------------------------------------------------
    List<Seen> during = seen.stream().filter(s -> s.at() >= 0 && s.at() < restoredSecond).toList();
    List<Seen> refused = during.stream().filter(s -> s.status() == 503).toList();
    Seen first503 =
        refused.stream().filter(s -> s.what().equals("submit")).findFirst().orElse(null);
    double readinessDownAt =
        probes.stream()
            .filter(s -> s.what().equals("readiness") && s.at() >= 0 && s.status() == 503)
            .mapToDouble(Seen::at)
            .min()
            .orElse(Double.NaN);
    double readinessUpAgainAt =
        probes.stream()
            .filter(
                s -> s.what().equals("readiness") && s.at() > restoredSecond && s.status() == 200)
            .mapToDouble(Seen::at)
            .min()
            .orElse(Double.NaN);
    long logLines = log.lines().count();
    System.out.printf(
        "[outage] cut %d s; first submit answered 503 %.1f s after the cut; %d answers 503 during"
            + " the cut (slowest %.1f s); readiness DOWN %.1f s after the cut, UP again %.1f s"
            + " after the restore; flows quiet %.1f s after the restore; %d requests acknowledged"
            + " (%d before the cut); %d log lines from the cut until quiet%n",
        outage.toSeconds(),
        first503 == null ? Double.NaN : first503.at(),
        refused.size(),
        refused.stream().mapToDouble(Seen::took).max().orElse(Double.NaN),
        readinessDownAt,
        readinessUpAgainAt - restoredSecond,
        seconds(restoredAt, quietAt),
        acknowledged.size(),
        acknowledgedBeforeCut,
        logLines);
    System.out.println(
        "[outage] statuses of the acknowledged requests at the restore: "
            + atRestore
            + "; jobs with a retry used up: "
            + db.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ < 3")
                .query(Long.class)
                .single()
            + "; log lines by level and logger from the cut on:");
    log.lines()
        .filter(l -> l.matches("^\\d{4}-\\d\\d-\\d\\dT.*"))
        .map(l -> l.replaceAll("^\\S+\\s+(\\w+) .*?\\] (\\S+)\\s*: (.{0,80}).*", "$1 $2 $3"))
        .filter(l -> !l.startsWith("INFO"))
        .forEach(l -> System.out.println("[outage]   " + l));

    // ---- the answers ----------------------------------------------------------------------------
    assertThat(seen)
        .as("no answer 500 or other server error but 503")
        .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isNotIn(500, 502, 504));
    assertThat(refused).as("answers 503 while the database was away").isNotEmpty();
    assertThat(
            refused.stream().filter(s -> s.what().equals("submit") || s.what().startsWith("api")))
        .allSatisfy(
            s -> {
              assertThat(s.contentType()).as(s.toString()).startsWith("application/problem+json");
              assertThat(s.retryAfter()).as(s.toString()).isEqualTo("10");
              JsonNode problem = JSON.readTree(s.body());
              assertThat(problem.get("status").asInt()).isEqualTo(503);
              assertThat(problem.get("detail").asText())
                  .contains("cannot reach its database")
                  .doesNotContain("ENGINE-", "Exception", "jdbc");
            });
    assertThat(apiList.status()).as(apiList.toString()).isEqualTo(503);
    assertThat(engineRest.status()).as(engineRest.toString()).isEqualTo(503);
    assertThat(engineRest.contentType()).startsWith("application/json");
    assertThat(JSON.readTree(engineRest.body()).get("message").asText())
        .contains("cannot reach its database");
    assertThat(engineRest.retryAfter()).isEqualTo("10");

    // ---- the probes -----------------------------------------------------------------------------
    assertThat(probes.stream().filter(s -> s.what().equals("liveness")))
        .as("liveness UP throughout")
        .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isEqualTo(200));
    assertThat(readinessDownAt).as("readiness DOWN during the cut").isLessThan(restoredSecond);
    assertThat(readinessUpAgainAt).as("readiness UP again after the restore").isNotNaN();
    assertThat(get(node, "/actuator/health/readiness", "readiness", null).status()).isEqualTo(200);

    // ---- nothing lost, nothing twice ----------------------------------------------------------
    assertThat(acknowledged).containsAllEntriesOf(beforeCut);
    Map<String, Long> perKey = new HashMap<>();
    db.sql(
            "SELECT idem_key, COUNT(*) FROM tandem_idempotency_key WHERE idem_key LIKE :p GROUP BY idem_key")
        .param("p", "outage-" + run + "-%")
        .query(
            rs -> {
              perKey.put(rs.getString(1), rs.getLong(2));
            });
    assertThat(perKey)
        .as("one request per Idempotency-Key")
        .containsOnlyKeys(acknowledged.keySet());
    assertThat(perKey.values()).containsOnly(1L);
    long rows =
        db.sql("SELECT COUNT(*) FROM tandem_purchase_request WHERE tool_name LIKE 'Outage Tool %'")
            .query(Long.class)
            .single();
    assertThat(rows).as("no request that was not acknowledged").isEqualTo(acknowledged.size());

    // ---- the flows carried on
    // ---------------------------------------------------------------------
    Map<String, Long> statuses = statuses(db, acknowledged.values());
    assertThat(statuses.keySet())
        .as("every request past its steps: %s", statuses)
        .isSubsetOf(WAITING);
    assertThat(db.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single())
        .as("incidents")
        .isZero();
    assertThat(
            db.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0").query(Long.class).single())
        .as("jobs without retries")
        .isZero();

    // ---- the log ------------------------------------------------------------------------------
    assertThat(log).as("the outage's start, once").containsOnlyOnce("is not reachable (since");
    assertThat(log).as("its end, once").containsOnlyOnce("answers again, after");
    assertThat(log.lines().filter(l -> l.startsWith("\tat ") || l.contains(" ERROR ")))
        .as("no stack trace, no ERROR")
        .isEmpty();
  }

  // ---- the clients
  // --------------------------------------------------------------------------------

  /** Submits until Tandem acknowledges, with the same key each time (a client's retry). */
  private String submitUntilAcknowledged(TandemNode node, String key, int n) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (Instant.now().isBefore(deadline)) {
      Seen reply = send(node, key, n);
      if (reply.status() == 201 || reply.status() == 200) {
        return JSON.readTree(reply.body()).get("id").asText();
      }
      pause(reply.status() == 503 ? 1000 : 200);
    }
    throw new IllegalStateException("Submit " + key + " never acknowledged");
  }

  private Seen send(TandemNode node, String key, int n) throws InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/purchase-requests"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", basic("requester", "demo"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body(n)))
            .build();
    return exchange(request, "submit");
  }

  private Seen get(TandemNode node, String path, String what, String authorization)
      throws InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return exchange(request.build(), what);
  }

  private Seen exchange(HttpRequest request, String what) throws InterruptedException {
    Seen reply;
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      reply =
          new Seen(
              at(),
              (System.nanoTime() - start) / 1e9,
              what,
              response.statusCode(),
              response.headers().firstValue("Content-Type").orElse(""),
              response.headers().firstValue("Retry-After").orElse(null),
              response.body());
    } catch (IOException e) {
      reply = new Seen(at(), (System.nanoTime() - start) / 1e9, what, -1, "", null, e.toString());
    }
    if (!what.equals("readiness") && !what.equals("liveness")) {
      seen.add(reply);
    }
    return reply;
  }

  private double at() {
    Instant cut = cutAt;
    return cut == null ? -1 : seconds(cut, Instant.now());
  }

  private static String body(int n) {
    var body = JSON.createObjectNode();
    body.put("toolName", "Outage Tool " + n);
    body.put("vendor", "Outvendor" + Integer.toString(n, 26) + "x Inc.");
    body.put("vendorUrl", "https://outage" + n + ".example");
    body.putArray("capabilities").add("event-management");
    body.put("businessJustification", "Outage run request " + n + ".");
    body.put("annualLicenseCost", ClusterChaos.LICENCE);
    body.put("implementationCost", ClusterChaos.IMPLEMENTATION);
    body.put("currency", "USD");
    body.put("seats", 3);
    body.put("contractTermMonths", 12);
    body.put("neededBy", LocalDate.now().plusDays(30).toString());
    body.put("personalData", "NONE");
    body.put("sso", "SAML");
    body.putArray("integrations");
    body.put("dataExportSupported", true);
    return body.toString();
  }

  // ---- waiting
  // -------------------------------------------------------------------------------------

  /** Until every request is past its steps and no job is due; returns when. */
  private static Instant awaitQuiet(
      JdbcClient db, java.util.Collection<String> ids, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Map<String, Long> statuses = statuses(db, ids);
      long due =
          db.sql(
                  "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND HANDLER_TYPE_ <> 'timer-start-event'"
                      + " AND HANDLER_TYPE_ <> 'timer-intermediate-transition' AND (DUEDATE_ IS NULL OR DUEDATE_ <= CURRENT_TIMESTAMP)")
              .query(Long.class)
              .single();
      if (due == 0 && WAITING.containsAll(statuses.keySet())) {
        return Instant.now();
      }
      pause(250);
    }
    throw new AssertionError("not quiet within " + timeout + ": " + statuses(db, ids));
  }

  private static Map<String, Long> statuses(JdbcClient db, java.util.Collection<String> ids) {
    Map<String, Long> counts = new HashMap<>();
    db.sql(
            "SELECT status, COUNT(*) FROM tandem_purchase_request WHERE id IN (:ids) GROUP BY status")
        .param("ids", List.copyOf(ids))
        .query(
            rs -> {
              counts.put(rs.getString(1), rs.getLong(2));
            });
    return counts;
  }

  private static void awaitCount(Map<?, ?> map, int count, Duration timeout) {
    awaitTrue(() -> map.size() >= count, timeout);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("not within " + timeout);
      }
      pause(200);
    }
  }

  private static Duration since(Instant t) {
    return Duration.between(t, Instant.now());
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  private static void pause(long millis) {
    TandemNode.pause(millis);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
