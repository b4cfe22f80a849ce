package com.tandem.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tandem.testsupport.DatabaseProxy;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.ScratchDatabase;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cluster under chaos (issue 13): two Tandem nodes in the {@code mysql} profile on one scratch
 * database of the MariaDB/MySQL test server and one GreenMail SMTP server; requests submitted from
 * 8 threads with Idempotency-Keys and driven along the fast approval path over both nodes; one node
 * killed with {@code kill -9} at a random point of each phase (submit, reviews, negotiation and
 * onboarding) and restarted at once. A client whose call fails retries it, with the same key, on
 * the other node, as a load balancer's client would.
 *
 * <p>{@link #run()} returns what the database and the mail server hold afterwards; the checks are
 * made on that, not on what the client believes.
 */
final class ClusterChaos {

  static final BigDecimal LICENCE = new BigDecimal("120.00");
  static final BigDecimal IMPLEMENTATION = new BigDecimal("30.00");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ADMIN = "chaosadmin";
  private static final String ADMIN_PASSWORD = "chaos-admin-pw";
  private static final Set<String> REVIEW_TASKS =
      Set.of(
          "Task_ConsiderExistingTool",
          "Task_ReviewMarketing",
          "Task_ReviewIt",
          "Task_ReviewPrivacy");
  private static final Set<String> LATE_TASKS =
      Set.of("Task_NegotiateContract", "Task_CompleteOnboarding");

  final int requests;
  final long seed;
  final Duration timeout;
  final Duration outage;
  private final Random random;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<String> log = new ArrayList<>();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  private final AtomicInteger unavailable = new AtomicInteger();
  private int redelivered;
  private DatabaseProxy proxy;
  private TandemNode a;
  private TandemNode b;
  private JdbcClient db;

  ClusterChaos(int requests, long seed, Duration timeout, Duration outage) {
    this.requests = requests;
    this.seed = seed;
    this.timeout = timeout;
    this.outage = outage;
    this.random = new Random(seed);
  }

  /** What the run left behind, read from the database and the mail server. */
  record Outcome(
      int requests,
      Map<String, String> acknowledged,
      Map<String, Long> requestsPerKey,
      Map<String, Long> statuses,
      long requestRows,
      Map<String, Long> allocationsPerRequest,
      long committedAllocations,
      BigDecimal committedLicence,
      BigDecimal committedImplementation,
      Map<String, Long> toolsPerRequest,
      Map<String, Long> activeMailsPerRequest,
      List<String> duplicateMails,
      int redeliveredMails,
      long incidents,
      long jobsWithoutRetries,
      List<String> log,
      Map<String, Duration> phases,
      List<String> recoveries) {

    String describe() {
      StringBuilder text = new StringBuilder();
      text.append(String.format("%d requests, statuses %s%n", requests, statuses));
      phases.forEach(
          (phase, d) ->
              text.append(String.format("  %-12s %5.1f s%n", phase, d.toMillis() / 1000.0)));
      recoveries.forEach(r -> text.append("  ").append(r).append('\n'));
      text.append(
          String.format(
              "  incidents %d, jobs with no retries left %d%n", incidents, jobsWithoutRetries));
      text.append(
          String.format(
              "  duplicate mails: %s; the same mail delivered again after a kill: %d%n",
              duplicateMails, redeliveredMails));
      return text.toString();
    }
  }

  Outcome run() throws Exception {
    MySqlTestServer server = MySqlTestServer.fromEnvironment();
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (ScratchDatabase database = server.createScratchDatabase("tandem_chaos_");
        DatabaseProxy through = DatabaseProxy.to(server)) {
      proxy = through;
      db = JdbcClient.create(database.dataSource()); // the checks go to the server directly
      Map<String, String> settings = new LinkedHashMap<>();
      // both nodes reach the database through the proxy, which the outage phase cuts
      settings.put("TANDEM_DB_URL", proxy.jdbcUrl(server, database.name()));
      settings.put("TANDEM_DB_USER", server.user());
      settings.put("TANDEM_DB_PASSWORD", server.password());
      settings.put("TANDEM_DB_POOL_SIZE", "10");
      settings.put("TANDEM_ADMIN_USER", ADMIN);
      settings.put("TANDEM_ADMIN_PASSWORD", ADMIN_PASSWORD);
      settings.put("TANDEM_DEMO_DATA", "true");
      settings.put("spring.mail.host", "127.0.0.1");
      settings.put("spring.mail.port", Integer.toString(smtp.getSmtp().getPort()));
      settings.put("logging.level.liquibase", "warn");
      for (String extra : System.getProperty("chaos.node.args", "").split(",")) {
        if (extra.contains("=")) {
          settings.put(
              extra.substring(0, extra.indexOf('=')), extra.substring(extra.indexOf('=') + 1));
        }
      }
      Path logs = Path.of("target", "chaos", run);
      a = new TandemNode("A", settings, logs);
      b = new TandemNode("B", settings, logs);
      note("seed %d, logs in %s", seed, logs.toAbsolutePath());
      Map<String, Duration> phases = new LinkedHashMap<>();
      List<String> recoveries = new ArrayList<>();
      try {
        Instant t = Instant.now();
        a.start();
        a.awaitReady(Duration.ofMinutes(4)); // first start: Liquibase creates every table
        b.start();
        b.awaitReady(Duration.ofMinutes(3));
        phases.put("start-up", Duration.between(t, Instant.now()));

        t = Instant.now();
        Map<String, String> acknowledged = submitAll(recoveries);
        phases.put("submit", Duration.between(t, Instant.now()));

        t = Instant.now();
        drive(
            "reviews",
            acknowledged.values(),
            REVIEW_TASKS,
            Set.of("SUBMITTED", "AWAITING_REQUESTER", "IN_REVIEW"),
            b,
            recoveries);
        phases.put("reviews", Duration.between(t, Instant.now()));

        t = Instant.now();
        Thread outagePhase = outage.isZero() ? null : databaseOutage(recoveries);
        drive(
            "onboarding",
            acknowledged.values(),
            LATE_TASKS,
            Set.of("BUDGET_PROPOSAL", "BOARD_REVIEW", "NEGOTIATION", "ONBOARDING", "IN_REVIEW"),
            random.nextBoolean() ? a : b,
            recoveries);
        if (outagePhase != null) {
          outagePhase.join();
        }
        phases.put("onboarding", Duration.between(t, Instant.now()));

        t = Instant.now();
        awaitQuiet(acknowledged.values());
        phases.put("settle", Duration.between(t, Instant.now()));
        smtp.waitForIncomingEmail(1000, Integer.MAX_VALUE);
        return outcome(acknowledged, smtp.getReceivedMessages(), phases, recoveries);
      } finally {
        int exitA = a.stop(Duration.ofSeconds(40));
        int exitB = b.stop(Duration.ofSeconds(40));
        note("nodes stopped with SIGTERM: A exit %d, B exit %d", exitA, exitB);
      }
    } finally {
      smtp.stop();
    }
  }

  // ---- submit ----------------------------------------------------------------------------

  private Map<String, String> submitAll(List<String> recoveries) throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    int killAt = requests / 3 + random.nextInt(Math.max(1, requests / 3));
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  String key = "chaos-" + run + "-" + n;
                  String id = submit(key, body(n), n % 2 == 0 ? a : b);
                  acknowledged.put(key, id);
                  if (done.incrementAndGet() == killAt) {
                    killAndRestart(a, "submit", recoveries);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    note("%d requests acknowledged", acknowledged.size());
    return acknowledged;
  }

  private String submit(String key, String body, TandemNode preferred) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    TandemNode node = preferred;
    while (Instant.now().isBefore(deadline)) {
      node = live(node);
      try {
        HttpResponse<String> reply =
            http.send(
                HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/purchase-requests"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", basic("requester", "demo"))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 201 || reply.statusCode() == 200) {
          return JSON.readTree(reply.body()).get("id").asText();
        }
        if (reply.statusCode() == 503) {
          unavailable.incrementAndGet();
          TandemNode.pause(1000); // the database away: Retry-After, the same key on either node
          continue;
        }
        note(
            "submit %s on %s answered %d: %s",
            key, node.name, reply.statusCode(), abbreviate(reply.body()));
      } catch (IOException e) {
        // the node died under the call: the client retries with the same key elsewhere
      }
      node = other(node);
      TandemNode.pause(200);
    }
    throw new IllegalStateException("Submit " + key + " never acknowledged");
  }

  private static String body(int n) {
    ObjectNode body = JSON.createObjectNode();
    body.put("toolName", "Chaos Tool " + n);
    body.put("vendor", "Chaosvendor" + Integer.toString(n, 26) + "x Inc.");
    body.put("vendorUrl", "https://chaos" + n + ".example");
    body.putArray("capabilities").add("event-management");
    body.put("businessJustification", "Chaos run request " + n + ".");
    body.put("annualLicenseCost", LICENCE);
    body.put("implementationCost", IMPLEMENTATION);
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

  // ---- tasks -----------------------------------------------------------------------------

  /**
   * Completes the tasks named {@code keys} of the run's requests, over both nodes, until no request
   * is in one of {@code waiting} any more; kills {@code victim} after a random number of
   * completions and restarts it.
   */
  private void drive(
      String phase,
      Collection<String> ids,
      Set<String> keys,
      Set<String> waiting,
      TandemNode victim,
      List<String> recoveries) {
    Instant deadline = Instant.now().plus(timeout);
    int expected = ids.size() * 2;
    int killAt = expected / 4 + random.nextInt(Math.max(1, expected / 2));
    int completed = 0;
    boolean killed = false;
    TandemNode node = a;
    while (true) {
      Map<String, Long> statuses = statuses(ids);
      long left = waiting.stream().mapToLong(s -> statuses.getOrDefault(s, 0L)).sum();
      if (left == 0 || statuses.getOrDefault("ACTIVE", 0L) == ids.size()) {
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "Requests still waiting after " + timeout + ": " + statuses + "; log: " + log);
      }
      node = live(other(node));
      List<JsonNode> tasks = openTasks(node, ids);
      boolean any = false;
      for (JsonNode task : tasks) {
        String key = task.get("taskDefinitionKey").asText();
        if (!keys.contains(key)) {
          continue;
        }
        any = true;
        complete(task.get("id").asText(), key, node);
        completed++;
        if (!killed && completed >= killAt) {
          killed = true;
          killAndRestart(victim, phase, recoveries);
        }
        node = live(other(node));
      }
      if (!any) {
        TandemNode.pause(300);
      }
    }
    if (!killed) {
      killAndRestart(victim, phase, recoveries);
    }
  }

  private List<JsonNode> openTasks(TandemNode node, Collection<String> ids) {
    List<JsonNode> tasks = new ArrayList<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += 40) {
      String keys = String.join(",", all.subList(from, Math.min(all.size(), from + 40)));
      try {
        HttpResponse<String> reply =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            node.baseUrl()
                                + "/engine-rest/task?maxResults=500&processInstanceBusinessKeyIn="
                                + keys))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() == 200) {
          JSON.readTree(reply.body()).forEach(tasks::add);
        } else if (reply.statusCode() == 503) {
          unavailable.incrementAndGet();
          return tasks;
        }
      } catch (IOException e) {
        return tasks; // the node went away; the caller asks the other one next round
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return tasks;
  }

  private void complete(String taskId, String key, TandemNode preferred) {
    ObjectNode variables = JSON.createObjectNode();
    switch (key) {
      case "Task_ConsiderExistingTool" -> {
        put(variables, "useExistingTool", false, "Boolean");
        put(variables, "newToolJustification", "Chaos run: we need our own.", "String");
      }
      case "Task_ReviewMarketing" -> {
        put(variables, "marketingDecision", "APPROVE", "String");
        put(variables, "marketingComment", "Fits the plan", "String");
      }
      case "Task_ReviewIt" -> {
        put(variables, "itDecision", "APPROVE", "String");
        put(variables, "itComment", "SSO and export fine", "String");
      }
      case "Task_ReviewPrivacy" -> {
        put(variables, "privacyDecision", "APPROVE", "String");
        put(variables, "privacyComment", "No personal data", "String");
      }
      case "Task_NegotiateContract" -> {
        put(variables, "negotiatedAnnualCost", LICENCE.doubleValue(), "Double");
        put(variables, "negotiatedImplementationCost", IMPLEMENTATION.doubleValue(), "Double");
        put(variables, "negotiationNote", "List price; nothing won", "String");
      }
      case "Task_CompleteOnboarding" -> {
        put(variables, "ssoConfigured", true, "Boolean");
        put(variables, "dpaSigned", true, "Boolean");
      }
      default -> throw new IllegalStateException("The chaos client does not know task " + key);
    }
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    TandemNode node = preferred;
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      node = live(node);
      try {
        HttpResponse<String> reply =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(node.baseUrl() + "/engine-rest/task/" + taskId + "/complete"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", basic(ADMIN, ADMIN_PASSWORD))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        int status = reply.statusCode();
        if (status == 204 || status == 404) {
          return; // done, or done by the first attempt that died before it could answer
        }
        if (status == 500 && reply.body().contains("Cannot find task")) {
          return;
        }
        if (status == 503) {
          unavailable.incrementAndGet();
          TandemNode.pause(1000);
          continue;
        }
        note(
            "complete %s (%s) on %s answered %d: %s",
            taskId, key, node.name, status, abbreviate(reply.body()));
        if (status < 500) {
          return; // e.g. a concurrent completion won: the next round sees what is left
        }
      } catch (IOException e) {
        // node died under the call
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      node = other(node);
      TandemNode.pause(200);
    }
    throw new IllegalStateException("Task " + taskId + " could not be completed");
  }

  private static void put(ObjectNode variables, String name, Object value, String type) {
    ObjectNode v = variables.putObject(name);
    v.set("value", JSON.valueToTree(value));
    v.put("type", type);
  }

  // ---- kills -----------------------------------------------------------------------------

  private void killAndRestart(TandemNode node, String phase, List<String> recoveries) {
    List<String> locked =
        db.sql("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL")
            .query(String.class)
            .list();
    Instant killed = Instant.now();
    node.kill();
    note(
        "killed node %s in phase %s holding up to %d locked jobs", node.name, phase, locked.size());
    Thread restart =
        new Thread(
            () -> {
              // a node restarted while the database is away (the outage phase) cannot start: it
              // exits at once, and is started again, as a container platform would
              for (node.start(); ; node.start()) {
                try {
                  node.awaitReady(Duration.ofMinutes(3));
                  break;
                } catch (IllegalStateException e) {
                  if (node.alive() || Instant.now().isAfter(killed.plus(timeout))) {
                    throw e;
                  }
                  note("node %s exited while starting; starting it again", node.name);
                  TandemNode.pause(2000);
                }
              }
              note(
                  "node %s back after %d s",
                  node.name, Duration.between(killed, Instant.now()).toSeconds());
            },
            "restart-" + node.name);
    restart.setDaemon(true);
    restart.start();
    Thread watch =
        new Thread(
            () -> {
              // the jobs locked at the kill: how long until each ran (row gone) or was re-locked
              Instant deadline = killed.plus(timeout);
              while (Instant.now().isBefore(deadline)) {
                long stuck =
                    locked.isEmpty()
                        ? 0
                        : db.sql(
                                "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND ID_ IN (:ids)"
                                    + " AND LOCK_EXP_TIME_ IS NOT NULL AND CREATE_TIME_ <= :killed")
                            .param("ids", locked)
                            .param("killed", java.sql.Timestamp.from(killed))
                            .query(Long.class)
                            .single();
                if (stuck == 0) {
                  recoveries.add(
                      String.format(
                          "kill in %s: the %d jobs locked at the kill ran or were taken over within %.1f s",
                          phase,
                          locked.size(),
                          Duration.between(killed, Instant.now()).toMillis() / 1000.0));
                  return;
                }
                TandemNode.pause(500);
              }
              recoveries.add("kill in " + phase + ": jobs still locked after " + timeout);
            },
            "watch-" + phase);
    watch.setDaemon(true);
    watch.start();
  }

  // ---- the database away ------------------------------------------------------------------

  /**
   * Cuts both nodes off the database a few seconds into the phase, for {@link #outage}, then gives
   * it back, and notes how long until both nodes are ready again and until the jobs that were
   * locked at the cut have run.
   */
  private Thread databaseOutage(List<String> recoveries) {
    long delay = 2000 + random.nextInt(4000);
    Thread phase =
        new Thread(
            () -> {
              TandemNode.pause(delay);
              List<String> locked =
                  db.sql("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL")
                      .query(String.class)
                      .list();
              int before = unavailable.get();
              proxy.cut();
              note("database cut off both nodes for %d s", outage.toSeconds());
              TandemNode.pause(outage.toMillis());
              proxy.restore();
              Instant restored = Instant.now();
              int refused = unavailable.get() - before;
              note("database back; %d answers 503 meanwhile", refused);
              double ready = awaitReadiness(restored);
              double jobs = awaitJobsDone(locked, restored);
              recoveries.add(
                  String.format(
                      "database away %d s: %d answers 503 meanwhile; both nodes ready %.1f s after"
                          + " it was back; the %d jobs locked at the cut done %.1f s after",
                      outage.toSeconds(), refused, ready, locked.size(), jobs));
            },
            "database-outage");
    phase.setDaemon(true);
    phase.start();
    return phase;
  }

  private double awaitReadiness(Instant since) {
    Instant deadline = since.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (readinessUp(a) && readinessUp(b)) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
      }
      TandemNode.pause(250);
    }
    return Double.NaN;
  }

  private boolean readinessUp(TandemNode node) {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(node.baseUrl() + "/actuator/health/readiness"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Seconds from {@code since} until none of {@code jobs} is left (run, or its request moved on).
   */
  private double awaitJobsDone(List<String> jobs, Instant since) {
    Instant deadline = since.plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      long left =
          jobs.isEmpty()
              ? 0
              : db.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE ID_ IN (:ids)")
                  .param("ids", jobs)
                  .query(Long.class)
                  .single();
      if (left == 0) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
      }
      TandemNode.pause(500);
    }
    return Double.NaN;
  }

  private TandemNode other(TandemNode node) {
    return node == a ? b : a;
  }

  /** {@code node} if it answers, else the other one; waits while neither does. */
  private TandemNode live(TandemNode node) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (node.ready()) {
        return node;
      }
      if (other(node).ready()) {
        return other(node);
      }
      TandemNode.pause(200);
    }
    throw new IllegalStateException("No node ready");
  }

  // ---- the end ---------------------------------------------------------------------------

  /** Waits until every request is final, no job of the engine is due and every mail went out. */
  private void awaitQuiet(Collection<String> ids) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      Map<String, Long> statuses = statuses(ids);
      long finals =
          statuses.entrySet().stream()
              .filter(
                  e -> Set.of("ACTIVE", "REJECTED", "WITHDRAWN", "REDIRECTED").contains(e.getKey()))
              .mapToLong(Map.Entry::getValue)
              .sum();
      long due =
          db.sql(
                  "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND (DUEDATE_ IS NULL OR DUEDATE_ <= CURRENT_TIMESTAMP)"
                      + " AND HANDLER_TYPE_ <> 'timer-start-event'")
              .query(Long.class)
              .single();
      long unsent =
          db.sql("SELECT COUNT(*) FROM tandem_mail_outbox WHERE sent_at IS NULL")
              .query(Long.class)
              .single();
      if (finals == ids.size() && due == 0 && unsent == 0 && a.ready() && b.ready()) {
        return;
      }
      TandemNode.pause(500);
    }
    note("not quiet within %s: %s", timeout, statuses(ids));
  }

  private Map<String, Long> statuses(Collection<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
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

  private Outcome outcome(
      Map<String, String> acknowledged,
      MimeMessage[] mails,
      Map<String, Duration> phases,
      List<String> recoveries)
      throws MessagingException {
    List<String> ids = List.copyOf(acknowledged.values());
    Map<String, Long> perKey = new HashMap<>();
    db.sql(
            "SELECT idem_key, COUNT(*) FROM tandem_idempotency_key WHERE idem_key LIKE :p GROUP BY idem_key")
        .param("p", "chaos-" + run + "-%")
        .query(
            rs -> {
              perKey.put(rs.getString(1), rs.getLong(2));
            });
    long rows =
        db.sql("SELECT COUNT(*) FROM tandem_purchase_request WHERE tool_name LIKE 'Chaos Tool %'")
            .query(Long.class)
            .single();
    Map<String, Long> allocations = new HashMap<>();
    db.sql(
            "SELECT request_id, COUNT(*) FROM tandem_budget_allocation WHERE request_id IN (:ids) GROUP BY request_id")
        .param("ids", ids)
        .query(
            rs -> {
              allocations.put(rs.getString(1), rs.getLong(2));
            });
    long committed =
        db.sql(
                "SELECT COUNT(*) FROM tandem_budget_allocation WHERE request_id IN (:ids) AND state = 'COMMITTED'")
            .param("ids", ids)
            .query(Long.class)
            .single();
    BigDecimal licence = committedOn("MARKETING", ids);
    BigDecimal implementation = committedOn("IT", ids);
    Map<String, Long> tools = new HashMap<>();
    db.sql(
            "SELECT request_id, COUNT(*) FROM tandem_tool WHERE request_id IN (:ids) GROUP BY request_id")
        .param("ids", ids)
        .query(
            rs -> {
              tools.put(rs.getString(1), rs.getLong(2));
            });
    // A mail is one outbox row, named by its Message-ID: a node killed between handing a mail to
    // the SMTP server and recording it as sent makes the next node send the same message again
    // (same Message-ID, which mail clients show once). Counted apart; distinct mails must be one.
    Map<String, Long> activeMails = new HashMap<>();
    Map<String, java.util.Set<String>> bySubjectAndRecipient = new HashMap<>();
    redelivered = 0;
    java.util.Set<String> seenIds = new java.util.HashSet<>();
    for (MimeMessage mail : mails) {
      String subject = mail.getSubject() == null ? "" : mail.getSubject();
      String to = java.util.Arrays.toString(mail.getAllRecipients());
      String messageId = String.valueOf(mail.getMessageID());
      if (!seenIds.add(messageId)) {
        redelivered++;
        continue;
      }
      bySubjectAndRecipient
          .computeIfAbsent(to + " " + subject, k -> new java.util.HashSet<>())
          .add(messageId);
      for (String id : ids) {
        if (subject.contains("[" + id + "]") && subject.contains("ready to use")) {
          activeMails.merge(id, 1L, Long::sum);
        }
      }
    }
    List<String> duplicates =
        bySubjectAndRecipient.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .filter(e -> ids.stream().anyMatch(id -> e.getKey().contains("[" + id + "]")))
            .map(e -> e.getValue().size() + "× " + e.getKey())
            .sorted()
            .collect(Collectors.toList());
    long incidents = db.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single();
    long noRetries =
        db.sql("SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ = 0").query(Long.class).single();
    return new Outcome(
        requests,
        Map.copyOf(acknowledged),
        perKey,
        statuses(ids),
        rows,
        allocations,
        committed,
        licence,
        implementation,
        tools,
        activeMails,
        duplicates,
        redelivered,
        incidents,
        noRetries,
        List.copyOf(log),
        phases,
        List.copyOf(recoveries));
  }

  private BigDecimal committedOn(String owner, List<String> ids) {
    BigDecimal sum =
        db.sql(
                "SELECT SUM(a.amount) FROM tandem_budget_allocation a JOIN tandem_budget_line l ON l.id = a.line_id"
                    + " WHERE l.owner = :owner AND a.state = 'COMMITTED' AND a.request_id IN (:ids)")
            .param("owner", owner)
            .param("ids", ids)
            .query(BigDecimal.class)
            .single();
    return sum == null ? BigDecimal.ZERO : sum;
  }

  // ---- small things ----------------------------------------------------------------------

  private synchronized void note(String format, Object... args) {
    String line = String.format("%6.1f s  ", uptime()) + String.format(format, args);
    log.add(line);
    System.out.println("[chaos] " + line);
  }

  private static double uptime() {
    return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
