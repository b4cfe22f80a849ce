package com.tandem.insights;

import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.PurchaseProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of /api/insights against a history whose every time is known: three requests worked
 * on the real application with Camunda's clock set to chosen moments of March 2020 (a fiscal year
 * nobody else's tests touch), so that their stage medians, 90th percentiles and SLA breaches are
 * exactly those computed by hand below. Counts kept by Tandem's own clock (requests, decisions) are
 * compared as deltas, since tests share one database.
 */
class InsightsApiTest extends ProcessScenario {

  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final LocalDateTime T0 = LocalDateTime.of(2020, 3, 2, 9, 0);
  static final int FY = 2020;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @BeforeEach
  @AfterEach
  void realTimeAgainAndNoToolsLeft() {
    ClockUtil.reset();
    jdbc.sql("UPDATE tandem_tool SET status = 'RETIRED' WHERE request_id IS NOT NULL").update();
  }

  static void at(double hours) {
    LocalDateTime when = T0.plusMinutes(Math.round(hours * 60));
    ClockUtil.setCurrentTime(Date.from(when.atZone(ZoneId.systemDefault()).toInstant()));
  }

  /**
   * Submits at a moment of Camunda's clock. The review tasks' due dates are set by Tandem's clock
   * (the real one, which this test does not move) plus the SLA; they are moved to the same SLA
   * after the submission on Camunda's clock, as if the request had been submitted then.
   */
  String submitAt(double hours, String tool) {
    at(hours);
    Instant realNow = Instant.now();
    String id = submit(intakeWith(TOOL_NAME.name(), tool, VENDOR.name(), tool + " Insights Ltd"));
    for (Task review : taskService.createTaskQuery().processInstanceBusinessKey(id).list()) {
      long slaDays =
          Math.round(Duration.between(realNow, review.getDueDate().toInstant()).toHours() / 24.0);
      assertThat(slaDays).as("SLA of %s in days", review.getTaskDefinitionKey()).isPositive();
      taskService.setDueDate(
          review.getId(),
          Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(slaDays))));
    }
    return id;
  }

  Map<String, Object> intakeWith(Object... keyValues) {
    Map<String, Object> fields = new HashMap<>(intake());
    fields.putAll(vars(keyValues));
    return fields;
  }

  void marketingApprovesAt(double hours, String id) {
    at(hours);
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    negotiateIfWaiting(id);
  }

  void itApprovesAt(double hours, String id) {
    at(hours);
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    negotiateIfWaiting(id);
  }

  /** Once both approved, IT operations negotiates at once (nothing won): onboarding starts then. */
  void negotiateIfWaiting(String id) {
    if (taskService
            .createTaskQuery()
            .processInstanceBusinessKey(id)
            .taskDefinitionKey(PurchaseProcess.Elements.NEGOTIATE_CONTRACT)
            .count()
        > 0) {
      negotiateAsRequested(id);
    }
  }

  void onboardAt(double hours, String id) {
    at(hours);
    complete(
        id,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        SSO_CONFIGURED.name(),
        true,
        DPA_SIGNED.name(),
        true);
  }

  @Test
  void shouldGiveExactlyTheStageTimesOfAKnownHistory() throws Exception {
    JsonNode requestsBefore = get("cmo", "/api/insights/requests").json();
    JsonNode stagesThisYearBefore = get("cmo", "/api/insights/stages").json();

    // Hours from T0. Marketing review: 2, 4, and R3 one hour past its SLA. IT review: 5, 1, 3.
    // Onboarding: 24 and 48 (R3's stays open).
    String r1 = submitAt(0, "Alpha");
    String r2 = submitAt(1, "Bravo");
    String r3 = submitAt(2, "Charlie");
    marketingApprovesAt(2, r1);
    itApprovesAt(2, r2);
    itApprovesAt(5, r3);
    itApprovesAt(5, r1);
    marketingApprovesAt(5, r2);
    onboardAt(29, r1);
    onboardAt(53, r2);
    Date due = task(r3, JointReviewProcess.Elements.REVIEW_MARKETING).getDueDate();
    assertThat(due).as("the marketing review has an SLA").isNotNull();
    double r3MarketingHours =
        Duration.between(
                        T0.plusHours(2).atZone(ZoneId.systemDefault()).toInstant(), due.toInstant())
                    .toMinutes()
                / 60.0
            + 1;
    marketingApprovesAt(2 + r3MarketingHours, r3);

    JsonNode stages = get("cio", "/api/insights/stages?fiscalYear=" + FY).json();
    assertThat(stages.get("from").asText()).isEqualTo("2020-01-01");
    assertThat(stages.get("to").asText()).isEqualTo("2020-12-31");
    JsonNode marketing = stage(stages, "Task_ReviewMarketing");
    assertThat(marketing.get("name").asText()).isEqualTo("Marketing review");
    assertThat(marketing.get("count").asLong()).isEqualTo(3);
    assertThat(marketing.get("medianHours").decimalValue()).isEqualByComparingTo("4.0");
    assertThat(marketing.get("p90Hours").decimalValue())
        .isEqualByComparingTo(String.valueOf(r3MarketingHours));
    assertThat(marketing.get("withSla").asLong()).isEqualTo(3);
    assertThat(marketing.get("slaBreaches").asLong()).isEqualTo(1);
    JsonNode it = stage(stages, "Task_ReviewIt");
    assertThat(it.get("count").asLong()).isEqualTo(3);
    assertThat(it.get("medianHours").decimalValue()).isEqualByComparingTo("3.0");
    assertThat(it.get("p90Hours").decimalValue()).isEqualByComparingTo("5.0");
    assertThat(it.get("slaBreaches").asLong()).isZero();
    JsonNode onboarding = stage(stages, "Task_CompleteOnboarding");
    assertThat(onboarding.get("count").asLong()).isEqualTo(2);
    assertThat(onboarding.get("medianHours").decimalValue()).isEqualByComparingTo("24.0");
    assertThat(onboarding.get("p90Hours").decimalValue()).isEqualByComparingTo("48.0");
    assertThat(stage(stages, "Task_BoardDecision").get("count").asLong()).isZero();
    assertThat(stage(stages, "Task_BoardDecision").get("medianHours").isNull()).isTrue();

    // IT's side: its reviews, the negotiations (done at once: 0 h each) and onboarding together:
    // 0, 0, 0, 1, 3, 5, 24, 48
    JsonNode itSide = side(stages, "IT");
    assertThat(itSide.get("count").asLong()).isEqualTo(8);
    // the median of an even count is the lower middle value (nearest rank), as for every stage
    assertThat(itSide.get("medianHours").decimalValue()).isEqualByComparingTo("1.0");
    assertThat(itSide.get("p90Hours").decimalValue()).isEqualByComparingTo("48.0");
    JsonNode marketingSide = side(stages, "MARKETING");
    assertThat(marketingSide.get("name").asText()).isEqualTo("Marketing");
    assertThat(marketingSide.get("count").asLong()).isEqualTo(3);
    assertThat(marketingSide.get("slaBreaches").asLong()).isEqualTo(1);

    // only requests of the capability: all three are for event-management, none for seo
    JsonNode forSeo = get("board", "/api/insights/stages?fiscalYear=2020&capability=seo").json();
    assertThat(stage(forSeo, "Task_ReviewMarketing").get("count").asLong()).isZero();
    JsonNode forEvents =
        get("board", "/api/insights/stages?fiscalYear=2020&capability=event-management").json();
    assertThat(stage(forEvents, "Task_ReviewMarketing").get("count").asLong()).isEqualTo(3);

    // the decision log (Tandem's clock: this fiscal year) and the requests by status
    JsonNode stagesThisYear = get("cmo", "/api/insights/stages").json();
    assertThat(
            decisions(stagesThisYear, "MARKETING_REVIEW", "APPROVE")
                - decisions(stagesThisYearBefore, "MARKETING_REVIEW", "APPROVE"))
        .isEqualTo(3);
    assertThat(
            decisions(stagesThisYear, "ONBOARDING", "COMPLETED")
                - decisions(stagesThisYearBefore, "ONBOARDING", "COMPLETED"))
        .isEqualTo(2);
    JsonNode requests = get("cmo", "/api/insights/requests").json();
    assertThat(statusCount(requests, "ACTIVE") - statusCount(requestsBefore, "ACTIVE"))
        .isEqualTo(2);
    assertThat(statusCount(requests, "ONBOARDING") - statusCount(requestsBefore, "ONBOARDING"))
        .isEqualTo(1);
    assertThat(requests.get("total").asLong() - requestsBefore.get("total").asLong()).isEqualTo(3);
    assertThat(requests.get("flow")).hasSize(12);
    assertThat(
            sum(requests.get("flow"), "submitted") - sum(requestsBefore.get("flow"), "submitted"))
        .isEqualTo(3);
    assertThat(sum(requests.get("flow"), "decided") - sum(requestsBefore.get("flow"), "decided"))
        .isEqualTo(2);

    // the stack map: both active tools cover event-management, which the demo inventory lacks
    JsonNode events =
        capability(get("admin", "/api/insights/stack-map").json(), "event-management");
    assertThat(events.get("gap").asBoolean()).isFalse();
    assertThat(events.get("overlap").asBoolean()).isTrue();
    assertThat(events.get("tools").findValuesAsText("name")).contains("Alpha", "Bravo");
    assertThat(events.get("totalAnnualCost").decimalValue()).isEqualByComparingTo("24000.00");

    // the list of every request finds finished ones by tool, vendor and status
    JsonNode found = get("cmo", "/api/insights/requests/search?q=bravo%20insights").json();
    assertThat(found.get("items").findValuesAsText("id")).containsExactly(r2);
    assertThat(found.at("/items/0/requesterName").asText())
        .as("the requester by name, as pages show them")
        .isNotBlank()
        .isNotEqualTo(found.at("/items/0/requester").asText());
    JsonNode active =
        get("cmo", "/api/insights/requests/search?q=insights%20ltd&status=ACTIVE").json();
    assertThat(active.get("items").findValuesAsText("id")).containsExactlyInAnyOrder(r1, r2);
    assertThat(active.get("items").get(0).get("finished").asBoolean()).isTrue();
  }

  /**
   * Requests by status count what was submitted in the year; the flow counts each submission in its
   * month and each decision (a final status reached) in its month, whichever year the request was
   * submitted in. Four requests moved to 2015–2017 (years nobody else's tests touch).
   */
  @Test
  void shouldCountSubmissionsAndDecisionsInTheMonthsTheyHappened() throws Exception {
    String a = placed("seo,crm", "2015-11-10T10:00", "REJECTED", "2016-01-05T10:00");
    String b = placed("crm,seo", "2016-02-01T10:00", "ACTIVE", "2016-03-01T10:00");
    String c = placed("event-management", "2016-12-20T10:00", "IN_REVIEW", "2016-12-21T10:00");
    String d = placed("event-management", "2016-05-01T10:00", "WITHDRAWN", "2017-01-02T10:00");
    assertThat(java.util.List.of(a, b, c, d)).doesNotHaveDuplicates();

    JsonNode y2016 = get("cmo", "/api/insights/requests?fiscalYear=2016").json();
    assertThat(y2016.get("total").asLong()).isEqualTo(3);
    assertThat(statusCount(y2016, "ACTIVE")).isEqualTo(1);
    assertThat(statusCount(y2016, "IN_REVIEW")).isEqualTo(1);
    assertThat(statusCount(y2016, "WITHDRAWN")).isEqualTo(1);
    assertThat(statusCount(y2016, "REJECTED")).as("submitted the year before").isZero();
    assertThat(flow(y2016))
        .containsEntry("2016-01", "0/1")
        .containsEntry("2016-02", "1/0")
        .containsEntry("2016-03", "0/1")
        .containsEntry("2016-05", "1/0")
        .containsEntry("2016-12", "1/0")
        .containsEntry("2016-04", "0/0");

    JsonNode y2015 = get("cmo", "/api/insights/requests?fiscalYear=2015").json();
    assertThat(y2015.get("total").asLong()).isEqualTo(1);
    assertThat(statusCount(y2015, "REJECTED")).isEqualTo(1);
    assertThat(flow(y2015)).containsEntry("2015-11", "1/0");
    assertThat(sum(y2015.get("flow"), "decided")).isZero();
    JsonNode y2017 = get("cmo", "/api/insights/requests?fiscalYear=2017").json();
    assertThat(y2017.get("total").asLong()).isZero();
    assertThat(flow(y2017)).containsEntry("2017-01", "0/1");

    JsonNode seo = get("cmo", "/api/insights/requests?fiscalYear=2016&capability=seo").json();
    assertThat(seo.get("total").asLong()).isEqualTo(1);
    assertThat(statusCount(seo, "ACTIVE")).isEqualTo(1);
    assertThat(flow(seo))
        .containsEntry("2016-01", "0/1")
        .containsEntry("2016-02", "1/0")
        .containsEntry("2016-03", "0/1")
        .containsEntry("2016-05", "0/0")
        .containsEntry("2016-12", "0/0");

    // the list of every request pages them newest first
    JsonNode first = get("cmo", "/api/insights/requests/search?q=flowcheck&size=2").json();
    assertThat(first.get("items").findValuesAsText("id")).containsExactly(c, d);
    assertThat(first.get("totalItems").asLong()).isEqualTo(4);
    assertThat(first.get("totalPages").asLong()).isEqualTo(2);
    JsonNode second = get("cmo", "/api/insights/requests/search?q=flowcheck&size=2&page=1").json();
    assertThat(second.get("items").findValuesAsText("id")).containsExactly(b, a);
    JsonNode rejected =
        get("cmo", "/api/insights/requests/search?q=FLOWCHECK%20SEO&status=REJECTED").json();
    assertThat(rejected.get("items").findValuesAsText("id")).containsExactly(a);
  }

  /** A request submitted now, then moved in time and status as if it had lived then. */
  String placed(String capabilities, String created, String status, String updated) {
    String id = submit(intakeWith(TOOL_NAME.name(), "Flowcheck " + capabilities));
    jdbc.sql(
            "UPDATE tandem_purchase_request SET capabilities = ?, created_at = ?, status = ?,"
                + " updated_at = ? WHERE id = ?")
        .params(
            capabilities,
            java.sql.Timestamp.valueOf(LocalDateTime.parse(created)),
            status,
            java.sql.Timestamp.valueOf(LocalDateTime.parse(updated)),
            id)
        .update();
    return id;
  }

  /** The flow per month as "submitted/decided". */
  static Map<String, String> flow(JsonNode requests) {
    Map<String, String> months = new HashMap<>();
    for (JsonNode row : requests.get("flow")) {
      months.put(
          row.get("month").asText(),
          row.get("submitted").asLong() + "/" + row.get("decided").asLong());
    }
    return months;
  }

  @Test
  void shouldShowTheGapAgainWhenNoToolCoversACapability() throws Exception {
    JsonNode map = get("cmo", "/api/insights/stack-map").json();
    JsonNode events = capability(map, "event-management");
    assertThat(events.get("gap").asBoolean()).isTrue();
    assertThat(events.get("tools")).isEmpty();
    JsonNode email = capability(map, "email-marketing");
    assertThat(email.get("gap").asBoolean()).isFalse();
    for (JsonNode c : map.get("capabilities")) {
      assertThat(c.get("gap").asBoolean()).isEqualTo(c.get("tools").isEmpty());
      assertThat(c.get("overlap").asBoolean()).isEqualTo(c.get("tools").size() > 1);
    }
    long overlapping = 0;
    for (JsonNode c : map.get("capabilities")) {
      overlapping += c.get("overlap").asBoolean() ? 1 : 0;
    }
    assertThat(map.get("overlaps").asLong()).isEqualTo(overlapping);
  }

  @Test
  void shouldServeTheBudgetLinesWithTheSavingsFromNegotiation() throws Exception {
    int year = LocalDateTime.now().getYear();
    JsonNode budget = get("board", "/api/insights/budget?fiscalYear=" + year).json();
    JsonNode lines = get("board", "/api/budgets?fiscalYear=" + year).json();
    JsonNode savings = get("board", "/api/savings?fiscalYear=" + year).json();
    assertThat(budget.get("savingsAvailable").asBoolean()).isTrue();
    assertThat(budget.get("lines")).hasSize(lines.size());
    for (JsonNode line : lines) {
      JsonNode mine = null;
      for (JsonNode l : budget.get("lines")) {
        if (l.get("owner").asText().equals(line.get("owner").asText())) {
          mine = l;
        }
      }
      assertThat(mine).isNotNull();
      for (String field : new String[] {"amount", "held", "committed", "available"}) {
        assertThat(mine.get(field).decimalValue())
            .isEqualByComparingTo(line.get(field).decimalValue());
      }
      assertThat(mine.get("savings").decimalValue())
          .isEqualByComparingTo(
              savings.get("byLine").get(line.get("owner").asText()).decimalValue());
    }
    // renewals: the demo contracts put some notice dates within the next 120 days
    JsonNode renewals = get("cio", "/api/insights/renewals").json();
    assertThat(renewals.get("available").asBoolean()).isTrue();
    assertThat(renewals.get("due").size()).isPositive();
    for (JsonNode due : renewals.get("due")) {
      assertThat(due.get("toolName").asText()).isNotBlank();
      assertThat(LocalDate.parse(due.get("noticeDate").asText()))
          .isBeforeOrEqualTo(LocalDate.now().plusDays(120));
      assertThat(due.get("currency").asText()).isEqualTo("USD");
    }
    assertThat(renewals.get("renewedWithoutReview").asLong()).isNotNegative();
  }

  @Test
  void shouldCountAPushedFindingAsOpenAndNew() throws Exception {
    JsonNode before = get("cio", "/api/insights/shadow-it").json();
    Reply pushed =
        send(
            "itops",
            "POST",
            "/api/discoveries",
            """
            {"source":"SSO","vendor":"Zeta Insights Widgets","application":"Zeta Widgets",
             "domain":"zeta-widgets.example","users":4,"seenOn":"%s"}
            """
                .formatted(java.time.LocalDate.now().minusDays(3)));
    assertThat(pushed.status()).isEqualTo(200);
    JsonNode after = get("cio", "/api/insights/shadow-it").json();
    assertThat(after.get("open").asLong() - before.get("open").asLong()).isEqualTo(1);
    assertThat(
            after.get("openByAge").get(0).get("count").asLong()
                - before.get("openByAge").get(0).get("count").asLong())
        .isEqualTo(1);
    assertThat(sum(after.get("foundPerMonth"), "count") - sum(before.get("foundPerMonth"), "count"))
        .isEqualTo(1);
  }

  @Test
  void shouldOpenInsightsToLeadershipBoardAndAdminsOnly() throws Exception {
    for (String path :
        new String[] {
          "/api/insights/stages",
          "/api/insights/budget",
          "/api/insights/stack-map",
          "/api/insights/shadow-it",
          "/api/insights/renewals",
          "/api/insights/requests",
          "/api/insights/requests/search"
        }) {
      for (String user : new String[] {"cmo", "cio", "board", "admin"}) {
        assertThat(get(user, path).status()).as("%s %s", user, path).isEqualTo(200);
      }
      for (String user : new String[] {"requester", "privacy", "itops"}) {
        Reply refused = get(user, path);
        assertThat(refused.status()).as("%s %s", user, path).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).contains("leadership");
      }
      assertThat(send(null, "GET", path, null).status()).as("anonymous %s", path).isEqualTo(401);
      // a user no other check signs in as: Camunda delays the next sign-in of a user after a
      // wrong password, which would turn a later check's good password into a 401
      assertThat(sendAs("nobody", "wrong", path).status()).isEqualTo(401);
    }
    assertThat(get("cmo", "/api/insights/stages?fiscalYear=1999").status()).isEqualTo(400);
    assertThat(get("cmo", "/api/insights/stages?capability=nonsense").status()).isEqualTo(400);
    assertThat(get("cmo", "/api/insights/requests/search?status=LOST").status()).isEqualTo(400);
  }

  @Test
  void shouldServeMetricsToOperatorsOnly() throws Exception {
    String id = submit(intakeWith(TOOL_NAME.name(), "Metrica", VENDOR.name(), "Metrica Insights"));
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");

    assertThat(send(null, "GET", "/actuator/prometheus", null).status()).isEqualTo(401);
    assertThat(get("cmo", "/actuator/prometheus").status()).isEqualTo(403);
    Reply metrics = get("itops", "/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("tandem_requests{status=\"IN_REVIEW\"}")
        .contains("tandem_findings{status=\"DISCOVERED\"}")
        .contains("tandem_incidents ")
        .containsPattern(
            "tandem_stage_duration_seconds_count\\{side=\"IT\",stage=\"Task_ReviewIt\"} [1-9]");
    assertThat(get("admin", "/actuator/prometheus").status()).isEqualTo(200);
    assertThat(send(null, "GET", "/actuator/health", null).status()).isEqualTo(200);
  }

  // ---- helpers -------------------------------------------------------------------------

  record Reply(int status, String body, JsonNode json) {}

  Reply get(String user, String path) throws Exception {
    return send(user, "GET", path, null);
  }

  Reply sendAs(String user, String password, String path) throws Exception {
    return exchange(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basic(user, password))
            .GET()
            .build());
  }

  Reply send(String user, String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (user != null) {
      request.header("Authorization", basic(user, "demo"));
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return exchange(request.build());
  }

  private static Reply exchange(HttpRequest request) throws Exception {
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    JsonNode json = null;
    try {
      json = response.body().isEmpty() ? null : JSON.readTree(response.body());
    } catch (Exception notJson) {
      // the Prometheus text format
    }
    return new Reply(response.statusCode(), response.body(), json);
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode stage(JsonNode stages, String key) {
    for (JsonNode s : stages.get("stages")) {
      if (s.get("stage").asText().equals(key)) {
        return s;
      }
    }
    throw new AssertionError("no stage " + key);
  }

  static JsonNode side(JsonNode stages, String side) {
    for (JsonNode s : stages.get("sides")) {
      if (s.get("side").asText().equals(side)) {
        return s;
      }
    }
    throw new AssertionError("no side " + side);
  }

  static JsonNode capability(JsonNode map, String code) {
    for (JsonNode c : map.get("capabilities")) {
      if (c.get("code").asText().equals(code)) {
        return c;
      }
    }
    throw new AssertionError("no capability " + code);
  }

  static long decisions(JsonNode stages, String stage, String decision) {
    long n = 0;
    for (JsonNode d : stages.get("decisions")) {
      if (d.get("stage").asText().equals(stage) && d.get("decision").asText().equals(decision)) {
        n += d.get("count").asLong();
      }
    }
    return n;
  }

  static long statusCount(JsonNode requests, String status) {
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
