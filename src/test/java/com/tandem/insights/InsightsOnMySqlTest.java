package com.tandem.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.TandemApplication;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.PurchaseProcess;
import com.tandem.request.TandemGroups;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.OneApplicationContextAtATime;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ScratchDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every /api/insights endpoint on MariaDB/MySQL (the {@code mysql} profile) against a known
 * history, so that a fault of the insights SQL in the MySQL dialect (the rollup's upserts, the
 * fiscal-year ranges, EXTRACT, LIKE, the changeset that fills the rollup) shows: two requests of
 * March 2020 worked with Camunda's clock set, one approved and onboarded, one rejected by IT (whose
 * veto cancels the marketing review), and a shadow-IT finding. Then the rollup is emptied and the
 * application restarted with the changeset that fills it to run again: it must give the same
 * figures from the history alone.
 */
@RequiresMySql
class InsightsOnMySqlTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final LocalDateTime T0 = LocalDateTime.of(2020, 3, 2, 9, 0);

  ScratchDatabase database;
  ConfigurableApplicationContext app;

  @BeforeEach
  void emptyDatabase() {
    database = MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_insights_");
  }

  @AfterEach
  void dropDatabase() {
    ClockUtil.reset();
    if (app != null) {
      app.close();
    }
    database.close();
  }

  ConfigurableApplicationContext start() {
    MySqlTestServer server = MySqlTestServer.fromEnvironment();
    Map<String, Object> settings = new HashMap<>();
    settings.put("TANDEM_DB_URL", database.jdbcUrl());
    settings.put("TANDEM_DB_USER", server.user());
    settings.put("TANDEM_DB_PASSWORD", server.password());
    settings.put("TANDEM_ADMIN_USER", "admin");
    settings.put("TANDEM_ADMIN_PASSWORD", "demo");
    settings.put("tandem.demo-data.enabled", "true");
    settings.put("server.port", "0");
    settings.put("camunda.bpm.job-execution.enabled", "false");
    settings.put("logging.level.liquibase", "warn");
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    OneApplicationContextAtATime.closeCurrent();
    return new SpringApplicationBuilder(TandemApplication.class).profiles("mysql").run(args);
  }

  @Test
  void shouldServeEveryInsightsFigureOnMySql() throws Exception {
    app = start();
    int thisYear = app.getBean(InsightsService.class).currentFiscalYear();
    JsonNode requestsBefore = get("cmo", "/api/insights/requests").json();
    JsonNode shadowBefore = get("cio", "/api/insights/shadow-it").json();

    // hours from T0: Alpha: marketing 2 h, IT 5 h, onboarding 24 h; Bravo: IT rejects after 3 h
    String alpha = submitAt(0, "Alpha");
    String bravo = submitAt(1, "Bravo");
    at(2);
    complete(
        alpha, JointReviewProcess.Elements.REVIEW_MARKETING, "cmo", "marketingDecision", "APPROVE");
    at(4);
    complete(
        bravo,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        "itDecision",
        "REJECT",
        "itComment",
        "No SSO, no deal");
    at(5);
    complete(alpha, JointReviewProcess.Elements.REVIEW_IT, "cio", "itDecision", "APPROVE");
    Task negotiation = task(alpha, PurchaseProcess.Elements.NEGOTIATE_CONTRACT);
    TaskService tasks = app.getBean(TaskService.class);
    complete(
        alpha,
        PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
        "itops",
        "negotiatedAnnualCost",
        tasks.getVariable(negotiation.getId(), "annualLicenseCost"),
        "negotiatedImplementationCost",
        tasks.getVariable(negotiation.getId(), "implementationCost"));
    at(29);
    complete(
        alpha,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        "ssoConfigured",
        true,
        "dpaSigned",
        true);
    ClockUtil.reset();
    assertThat(
            send(
                    "itops",
                    "POST",
                    "/api/discoveries",
                    """
                    {"source":"SSO","vendor":"Zeta MySql Widgets","application":"Zeta Widgets",
                     "domain":"zeta-mysql.example","users":4,"seenOn":"%s"}
                    """
                        .formatted(LocalDate.now().minusDays(3)))
                .status())
        .isEqualTo(200);

    // stages: from the rollup, as the history gives them
    JsonNode stages = get("cio", "/api/insights/stages?fiscalYear=2020").json();
    assertThat(stages.get("from").asText()).isEqualTo("2020-01-01");
    assertStage(stages, "Task_ReviewMarketing", 1, "2.0", "2.0", 1, 0);
    assertStage(stages, "Task_ReviewIt", 2, "3.0", "5.0", 2, 0);
    assertStage(stages, "Task_NegotiateContract", 1, "0.0", "0.0", 0, 0);
    assertStage(stages, "Task_CompleteOnboarding", 1, "24.0", "24.0", 0, 0);
    JsonNode it = side(stages, "IT");
    assertThat(it.get("count").asLong()).isEqualTo(4);
    assertThat(it.get("medianHours").decimalValue()).isEqualByComparingTo("3.0");
    assertThat(it.get("p90Hours").decimalValue()).isEqualByComparingTo("24.0");
    JsonNode events =
        get("board", "/api/insights/stages?fiscalYear=2020&capability=event-management").json();
    assertThat(events.get("stages")).isEqualTo(stages.get("stages"));
    JsonNode seo = get("board", "/api/insights/stages?fiscalYear=2020&capability=seo").json();
    for (JsonNode s : seo.get("stages")) {
      assertThat(s.get("count").asLong()).isZero();
    }
    JsonNode decided =
        get("cmo", "/api/insights/stages?capability=event-management").json().get("decisions");
    assertThat(count(decided, "MARKETING_REVIEW", "APPROVE")).isEqualTo(1);
    assertThat(count(decided, "IT_REVIEW", "REJECT")).isEqualTo(1);
    assertThat(count(decided, "IT_REVIEW", "APPROVE")).isEqualTo(1);
    assertThat(count(decided, "ONBOARDING", "COMPLETED")).isEqualTo(1);
    InsightsService insights = app.getBean(InsightsService.class);
    List<Object> figures = figures(insights, thisYear);
    for (int i = 0; i < figures.size(); i += 2) {
      assertThat(figures.get(i)).isEqualTo(figures.get(i + 1));
    }

    // requests of this fiscal year by status (Tandem's clock) and per month
    JsonNode requests = get("cmo", "/api/insights/requests").json();
    assertThat(requests.get("total").asLong() - requestsBefore.get("total").asLong()).isEqualTo(2);
    assertThat(status(requests, "ACTIVE") - status(requestsBefore, "ACTIVE")).isEqualTo(1);
    assertThat(status(requests, "REJECTED") - status(requestsBefore, "REJECTED")).isEqualTo(1);
    assertThat(
            sum(requests.get("flow"), "submitted") - sum(requestsBefore.get("flow"), "submitted"))
        .isEqualTo(2);
    assertThat(sum(requests.get("flow"), "decided") - sum(requestsBefore.get("flow"), "decided"))
        .isEqualTo(2);
    JsonNode forEvents = get("cmo", "/api/insights/requests?capability=event-management").json();
    assertThat(forEvents.get("total").asLong()).isEqualTo(2);
    assertThat(status(forEvents, "ACTIVE")).isEqualTo(1);
    JsonNode forSeo = get("cmo", "/api/insights/requests?capability=seo").json();
    assertThat(forSeo.get("total").asLong()).isZero();

    // every request, by text and status (LIKE with an escaped pattern, LIMIT/OFFSET)
    JsonNode found =
        get("cmo", "/api/insights/requests/search?q=insights%20mysql&status=ACTIVE").json();
    assertThat(found.get("items").findValuesAsText("id")).containsExactly(alpha);
    assertThat(found.get("totalItems").asLong()).isEqualTo(1);
    JsonNode both = get("cmo", "/api/insights/requests/search?q=mysql%20ltd&size=1").json();
    assertThat(both.get("totalItems").asLong()).isEqualTo(2);
    assertThat(both.get("totalPages").asLong()).isEqualTo(2);
    assertThat(both.get("items").findValuesAsText("id")).containsExactly(bravo);

    // budget lines of this year as /api/budgets has them
    JsonNode budget = get("board", "/api/insights/budget?fiscalYear=" + thisYear).json();
    JsonNode lines = get("board", "/api/budgets?fiscalYear=" + thisYear).json();
    assertThat(budget.get("lines")).hasSize(lines.size());
    assertThat(budget.get("lines").size()).isPositive();

    // stack map: Alpha's tool now covers event-management, which the demo inventory lacked
    JsonNode map = get("cio", "/api/insights/stack-map").json();
    JsonNode eventManagement = null;
    for (JsonNode c : map.get("capabilities")) {
      if (c.get("code").asText().equals("event-management")) {
        eventManagement = c;
      }
    }
    assertThat(eventManagement).isNotNull();
    assertThat(eventManagement.get("gap").asBoolean()).isFalse();
    assertThat(eventManagement.get("tools").findValuesAsText("name")).containsExactly("Alpha");

    // shadow IT: the finding pushed today
    JsonNode shadow = get("cio", "/api/insights/shadow-it").json();
    assertThat(shadow.get("open").asLong() - shadowBefore.get("open").asLong()).isEqualTo(1);
    assertThat(
            shadow.get("openByAge").get(0).get("count").asLong()
                - shadowBefore.get("openByAge").get(0).get("count").asLong())
        .isEqualTo(1);
    assertThat(
            sum(shadow.get("foundPerMonth"), "count")
                - sum(shadowBefore.get("foundPerMonth"), "count"))
        .isEqualTo(1);

    // renewals: the demo contracts
    JsonNode renewals = get("cio", "/api/insights/renewals").json();
    assertThat(renewals.get("available").asBoolean()).isTrue();
    assertThat(renewals.get("renewedWithoutReview").asLong()).isNotNegative();

    // the changeset fills the rollup from the history alone: the same figures
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    jdbc.sql("DELETE FROM tandem_insights_task_rollup").update();
    jdbc.sql("DELETE FROM tandem_insights_decision_rollup").update();
    jdbc.sql("DELETE FROM DATABASECHANGELOG WHERE ID = '018-insights-rollup-fill'").update();
    assertThat(insights.stages(2020, null).stages().get(1).count()).isZero();
    app.close();
    app = start();
    assertThat(figures(app.getBean(InsightsService.class), thisYear)).isEqualTo(figures);
    assertThat(get("cio", "/api/insights/stages?fiscalYear=2020").json()).isEqualTo(stages);
  }

  /** Rollup and history figures of both years, with and without capabilities, in pairs. */
  static List<Object> figures(InsightsService insights, int thisYear) {
    List<Object> pairs = new java.util.ArrayList<>();
    for (int year : new int[] {2020, thisYear}) {
      for (String capability : new String[] {null, "event-management", "seo"}) {
        pairs.add(insights.stages(year, capability));
        pairs.add(insights.stagesFromHistory(year, capability));
      }
    }
    return pairs;
  }

  // ---- driving the application ---------------------------------------------------------

  static void at(double hours) {
    LocalDateTime when = T0.plusMinutes(Math.round(hours * 60));
    ClockUtil.setCurrentTime(Date.from(when.atZone(ZoneId.systemDefault()).toInstant()));
  }

  /** Submits at a moment of Camunda's clock, the reviews due at their SLA from then. */
  String submitAt(double hours, String tool) {
    at(hours);
    java.time.Instant realNow = java.time.Instant.now();
    Map<String, Object> intake = new HashMap<>();
    intake.put("toolName", tool);
    intake.put("vendor", tool + " Insights MySql Ltd");
    intake.put("vendorUrl", "https://" + tool.toLowerCase() + ".example");
    intake.put("capabilities", "event-management");
    intake.put("businessJustification", "Run our webinar programme in-house.");
    intake.put("annualLicenseCost", "12000.00");
    intake.put("implementationCost", "3000.00");
    intake.put("currency", "USD");
    intake.put("seats", 5L);
    intake.put("contractTermMonths", 12L);
    intake.put("neededBy", LocalDate.now().plusMonths(2).toString());
    intake.put("personalData", "NONE");
    intake.put("sso", "SAML");
    intake.put("integrations", "crm");
    intake.put("dataExportSupported", true);
    IdentityService identity = app.getBean(IdentityService.class);
    identity.setAuthentication("requester", List.of(TandemGroups.MARKETING));
    String id;
    try {
      id =
          app.getBean(RuntimeService.class)
              .startProcessInstanceByKey(PurchaseProcess.PROCESS_KEY, Variables.fromMap(intake))
              .getBusinessKey();
    } finally {
      identity.clearAuthentication();
    }
    runJobs();
    TaskService tasks = app.getBean(TaskService.class);
    for (Task review : tasks.createTaskQuery().processInstanceBusinessKey(id).list()) {
      assertThat(review.getDueDate()).as("SLA of %s", review.getTaskDefinitionKey()).isNotNull();
      long slaDays =
          Math.round(Duration.between(realNow, review.getDueDate().toInstant()).toHours() / 24.0);
      tasks.setDueDate(
          review.getId(),
          Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(slaDays))));
    }
    return id;
  }

  static final Map<String, String> GROUP_OF =
      Map.of(
          "cmo", TandemGroups.MARKETING_LEADERSHIP,
          "cio", TandemGroups.IT_LEADERSHIP,
          "itops", TandemGroups.IT_OPERATIONS);

  Task task(String id, String key) {
    List<Task> open =
        app.getBean(TaskService.class)
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .taskDefinitionKey(key)
            .list();
    assertThat(open).as("open %s of %s", key, id).hasSize(1);
    return open.get(0);
  }

  void complete(String id, String key, String user, Object... keyValues) {
    Task task = task(id, key);
    Map<String, Object> variables = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], keyValues[i + 1]);
    }
    IdentityService identity = app.getBean(IdentityService.class);
    TaskService tasks = app.getBean(TaskService.class);
    identity.setAuthentication(user, List.of(GROUP_OF.get(user)));
    try {
      if (task.getAssignee() == null) {
        tasks.claim(task.getId(), user);
      }
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
    runJobs();
  }

  void runJobs() {
    ManagementService management = app.getBean(ManagementService.class);
    for (int round = 0; round < 50; round++) {
      List<Job> due = management.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
    }
    throw new AssertionError("Jobs keep coming");
  }

  // ---- HTTP and JSON -------------------------------------------------------------------

  record Reply(int status, JsonNode json) {}

  Reply get(String user, String path) throws Exception {
    Reply reply = send(user, "GET", path, null);
    assertThat(reply.status()).as("GET %s", path).isEqualTo(200);
    return reply;
  }

  Reply send(String user, String method, String path, String body) throws Exception {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  static void assertStage(
      JsonNode stages, String key, long count, String median, String p90, long sla, long late) {
    JsonNode s = null;
    for (JsonNode candidate : stages.get("stages")) {
      if (candidate.get("stage").asText().equals(key)) {
        s = candidate;
      }
    }
    assertThat(s).as("stage %s", key).isNotNull();
    assertThat(s.get("count").asLong()).as("%s count", key).isEqualTo(count);
    assertThat(s.get("medianHours").decimalValue())
        .as("%s median", key)
        .isEqualByComparingTo(median);
    assertThat(s.get("p90Hours").decimalValue()).as("%s p90", key).isEqualByComparingTo(p90);
    assertThat(s.get("withSla").asLong()).as("%s with SLA", key).isEqualTo(sla);
    assertThat(s.get("slaBreaches").asLong()).as("%s breaches", key).isEqualTo(late);
  }

  static JsonNode side(JsonNode stages, String side) {
    for (JsonNode s : stages.get("sides")) {
      if (s.get("side").asText().equals(side)) {
        return s;
      }
    }
    throw new AssertionError("no side " + side);
  }

  static long count(JsonNode decisions, String stage, String decision) {
    long n = 0;
    for (JsonNode d : decisions) {
      if (d.get("stage").asText().equals(stage) && d.get("decision").asText().equals(decision)) {
        n += d.get("count").asLong();
      }
    }
    return n;
  }

  static long status(JsonNode requests, String status) {
    for (JsonNode s : requests.get("byStatus")) {
      if (s.get("status").asText().equals(status)) {
        return s.get("count").asLong();
      }
    }
    throw new AssertionError("no status " + status);
  }

  static long sum(JsonNode rows, String field) {
    long n = 0;
    for (JsonNode row : rows) {
      n += row.get(field).asLong();
    }
    return n;
  }
}
