package com.tandem.offboarding;

import static com.tandem.process.OffboardingProcess.API_KEYS_REVOKED;
import static com.tandem.process.OffboardingProcess.DELETION_CONFIRMED_ON;
import static com.tandem.process.OffboardingProcess.DELETION_REFERENCE;
import static com.tandem.process.OffboardingProcess.EXPORT_FORMAT;
import static com.tandem.process.OffboardingProcess.EXPORT_LOCATION;
import static com.tandem.process.OffboardingProcess.EXPORT_RECORD_COUNT;
import static com.tandem.process.OffboardingProcess.EXPORT_VERIFIED_BY;
import static com.tandem.process.OffboardingProcess.INTEGRATIONS_DISCONNECTED;
import static com.tandem.process.OffboardingProcess.NO_DATA_HELD;
import static com.tandem.process.OffboardingProcess.NO_DATA_REASON;
import static com.tandem.process.OffboardingProcess.OFFBOARDING_REASON;
import static com.tandem.process.OffboardingProcess.SSO_REMOVED;
import static com.tandem.process.OffboardingProcess.TOOL_ID;
import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.NEEDED_BY;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.budget.AllocationState;
import com.tandem.budget.BudgetAllocation;
import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.ToolStatus;
import com.tandem.notification.TaskEscalations;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.OffboardingProcess;
import com.tandem.process.OffboardingProcess.Elements;
import com.tandem.process.ProcessScenario;
import com.tandem.process.PurchaseProcess;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * tool-offboarding on the real application (H2, real services, a real SMTP server): started from
 * Tandem's API and from Tasklist's start form, worked by IT operations and privacy / legal, ending
 * with the tool RETIRED and its record readable through GET /api/inventory/tools/{id}; and every
 * refusal, from the API and from the task completions.
 */
class OffboardingProcessTest extends ProcessScenario {

  static final AtomicInteger TOOLS = new AtomicInteger();
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired InventoryService inventory;
  @Autowired BudgetService budget;
  @Autowired Offboardings offboardings;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired FilterService filterService;

  // ---- helpers -----------------------------------------------------------------------------

  /** An ACTIVE tool of its own vendor (so no scenario's inventory check trips over it). */
  long activeTool(String personalData, String status, String... integrations) {
    int n = TOOLS.incrementAndGet();
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO tandem_tool (name, vendor, vendor_key, owner, status, annual_cost, currency,"
                + " sso, personal_data, created_at, updated_at) VALUES (:name, :vendor, :key,"
                + " 'Social Media', :status, 9000.00, 'USD', 'SAML', :pd, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)")
        .param("name", "Postwise " + n)
        .param("vendor", "Postwise Offboarding Test " + n)
        .param("key", "postwise offboarding test " + n)
        .param("status", status)
        .param("pd", personalData)
        .update(keys, "id");
    long id = keys.getKey().longValue();
    for (String integration : integrations) {
      jdbc.sql("INSERT INTO tandem_tool_integration (tool_id, integration) VALUES (:id, :name)")
          .param("id", id)
          .param("name", integration)
          .update();
    }
    return id;
  }

  record Reply(int status, JsonNode json) {}

  Reply http(String method, String path, String user, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header(
                "Authorization",
                "Basic "
                    + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
            .header("Accept", "application/json, application/problem+json");
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(
        response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()));
  }

  Reply retire(long toolId, String user, String reason) throws Exception {
    return http(
        "POST",
        "/api/inventory/tools/" + toolId + "/retire",
        user,
        JSON.writeValueAsString(Map.of("reason", reason)));
  }

  /** Starts the offboarding through the API as the CIO; returns its id. */
  String offboard(long toolId) throws Exception {
    Reply reply = retire(toolId, "cio", "Nobody logged in for 90 days");
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(202);
    runJobs();
    return reply.json().get("id").asText();
  }

  void exportData(String id) {
    complete(
        id,
        Elements.EXPORT_DATA,
        "itops",
        EXPORT_LOCATION.name(),
        "s3://it-archive/postwise/2026-11/",
        EXPORT_FORMAT.name(),
        "CSV",
        EXPORT_RECORD_COUNT.name(),
        48210L,
        EXPORT_VERIFIED_BY.name(),
        "Dana (IT operations)");
  }

  void revokeAccess(String id, Object disconnected) {
    complete(
        id,
        Elements.REVOKE_ACCESS,
        "itops",
        SSO_REMOVED.name(),
        true,
        API_KEYS_REVOKED.name(),
        true,
        INTEGRATIONS_DISCONNECTED.name(),
        disconnected);
  }

  void confirmDeletion(String id, String user) {
    complete(
        id,
        Elements.CONFIRM_DELETION,
        user,
        DELETION_CONFIRMED_ON.name(),
        LocalDate.now().minusDays(1).toString(),
        DELETION_REFERENCE.name(),
        "DEL-4411");
  }

  /**
   * Completes the task as the user and returns the refusal's own sentence: the engine wraps an
   * exception of a task listener in its own (ENGINE-03051 …), the refusal is its cause.
   */
  String refusal(String id, String taskKey, String user, Object... keyValues) {
    Task task = task(id, taskKey);
    as(user);
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      Throwable thrown = catchThrowable(() -> taskService.complete(task.getId(), vars(keyValues)));
      assertThat(thrown).as("completion of %s refused", taskKey).isNotNull();
      Throwable refusal = thrown;
      while (refusal != null && !(refusal instanceof BadUserRequestException)) {
        refusal = refusal.getCause();
      }
      assertThat(refusal).as("a refusal with a message, not a failure").isNotNull();
      assertThat(refusal.getMessage()).doesNotContain("ENGINE-");
      return refusal.getMessage();
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** The tasks a user sees in a Tasklist filter. */
  List<Task> filtered(String user, String filterName) {
    as(user);
    try {
      var filter = filterService.createFilterQuery().filterName(filterName).singleResult();
      return filterService.listPage(filter.getId(), 0, 200);
    } finally {
      identityService.clearAuthentication();
    }
  }

  ToolStatus statusOf(long toolId) {
    return inventory.tool(toolId).orElseThrow().status();
  }

  // ---- the paths ---------------------------------------------------------------------------

  @Test
  void shouldRetireAPurchasedToolFromTheApiReleasingLaterYearsAndMailingItsRequester()
      throws Exception {
    int thisYear = budget.fiscalYearOf(LocalDate.now());
    // A purchase the long way, needed next year: its holds become next year's commitments.
    String request =
        submit(
            withIntake(
                VENDOR.name(),
                "Eventful Offboarding Inc.",
                NEEDED_BY.name(),
                LocalDate.of(thisYear + 1, 3, 1).toString()));
    complete(
        request,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE",
        MARKETING_COMMENT.name(),
        "Fits");
    complete(
        request,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        "APPROVE",
        IT_COMMENT.name(),
        "Fine");
    negotiateAsRequested(request);
    complete(
        request,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        SSO_CONFIGURED.name(),
        true,
        DPA_SIGNED.name(),
        true);
    long toolId = inventory.toolOfRequest(request).orElseThrow().id();
    assertThat(statusOf(toolId)).isEqualTo(ToolStatus.ACTIVE);
    // and a commitment of this year, which the retirement keeps: that money is spent
    budget.placeHolds(request, thisYear, new BigDecimal("500.00"), BigDecimal.ZERO);
    budget.commit(request);
    jdbc.sql(
            "INSERT INTO tandem_tool_integration (tool_id, integration) VALUES (:id, 'Salesforce Sales Cloud')")
        .param("id", toolId)
        .update();

    Reply started = retire(toolId, "cio", "Replaced by the webinar module of HubSpot");
    assertThat(started.status()).isEqualTo(202);
    String id = started.json().get("id").asText();
    assertThat(id).matches("OFF-\\d{4}-\\d{5}");
    assertThat(started.json().get("status").asText()).isEqualTo("RUNNING");
    runJobs();

    Task export = task(id, Elements.EXPORT_DATA);
    assertThat(export.getName()).isEqualTo("Export data: Eventful (" + id + ")");
    assertThat(filtered("itops", "Offboarding")).extracting(Task::getId).contains(export.getId());
    as("itops");
    try {
      assertThat(taskService.getVariablesLocal(export.getId()))
          .as("the filter's columns")
          .containsEntry("listRequestId", id)
          .containsEntry("listToolName", "Eventful");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.getIdentityLinksForTask(export.getId()))
        .anyMatch(link -> "it-operations".equals(link.getGroupId()));
    assertThat(statusOf(toolId)).as("ACTIVE until retired").isEqualTo(ToolStatus.ACTIVE);

    exportData(id);
    assertThat(task(id, Elements.REVOKE_ACCESS).getName())
        .isEqualTo("Revoke access: Eventful (" + id + ")");
    revokeAccess(id, "[\"Salesforce Sales Cloud\"]");
    Task deletion = task(id, Elements.CONFIRM_DELETION);
    assertThat(taskService.getIdentityLinksForTask(deletion.getId()))
        .as("no personal data: IT operations confirms the deletion")
        .anyMatch(link -> "it-operations".equals(link.getGroupId()));
    confirmDeletion(id, "itops");

    assertThat(statusOf(toolId)).isEqualTo(ToolStatus.RETIRED);
    assertThat(openTasks(id)).isEmpty();
    List<BudgetAllocation> allocations = budget.allocations(request);
    assertThat(allocations)
        .filteredOn(a -> a.fiscalYear() > thisYear)
        .isNotEmpty()
        .allMatch(a -> a.state() == AllocationState.RELEASED);
    assertThat(allocations)
        .filteredOn(a -> a.fiscalYear() == thisYear)
        .singleElement()
        .extracting(BudgetAllocation::state)
        .isEqualTo(AllocationState.COMMITTED);
    assertThat(mailsTo("requester@tandem.example", id))
        .as("the requester of the purchase owns the tool")
        .containsExactly("[" + id + "] Eventful is retired");

    Reply tool = http("GET", "/api/inventory/tools/" + toolId, "requester", null);
    assertThat(tool.status()).isEqualTo(200);
    assertThat(tool.json().get("status").asText()).isEqualTo("RETIRED");
    assertThat(tool.json().get("name").asText()).isEqualTo("Eventful");
    assertThat(tool.json().get("requestId").asText()).isEqualTo(request);
    JsonNode record = tool.json().get("offboardings").get(0);
    assertThat(record.get("id").asText()).isEqualTo(id);
    assertThat(record.get("status").asText()).isEqualTo("RETIRED");
    assertThat(record.get("startedBy").asText()).isEqualTo("cio");
    assertThat(record.get("ownerContact").asText()).isEqualTo("requester");
    assertThat(record.get("export").get("location").asText())
        .isEqualTo("s3://it-archive/postwise/2026-11/");
    assertThat(record.get("export").get("format").asText()).isEqualTo("CSV");
    assertThat(record.get("export").get("recordCount").asLong()).isEqualTo(48210L);
    assertThat(record.get("export").get("verifiedBy").asText()).isEqualTo("Dana (IT operations)");
    assertThat(record.get("export").get("recordedBy").asText()).isEqualTo("itops");
    assertThat(record.get("revocation").get("ssoRemoved").asBoolean()).isTrue();
    assertThat(record.get("revocation").get("apiKeysRevoked").asBoolean()).isTrue();
    assertThat(record.get("revocation").get("integrations").toString())
        .isEqualTo("[{\"integration\":\"Salesforce Sales Cloud\",\"disconnected\":true}]");
    assertThat(record.get("deletion").get("confirmedOn").asText())
        .isEqualTo(LocalDate.now().minusDays(1).toString());
    assertThat(record.get("deletion").get("reference").asText()).isEqualTo("DEL-4411");
    assertThat(record.get("finishedAt")).isNotNull();
  }

  Map<String, Object> withIntake(Object... keyValues) {
    Map<String, Object> fields = intake();
    fields.putAll(vars(keyValues));
    return fields;
  }

  @Test
  void shouldOffboardFromTasklistAndLetPrivacyLegalConfirmTheDeletionOfPersonalData() {
    long toolId = activeTool("PERSONAL", "ACTIVE", "Bynder", "Canva Teams");
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(OffboardingProcess.PROCESS_KEY)
            .latestVersion()
            .singleResult()
            .getId();
    as("cio");
    String id;
    try {
      id =
          formService
              .submitStartForm(
                  definition,
                  vars(TOOL_ID.name(), toolId, OFFBOARDING_REASON.name(), "Shadow copy of Sprout"))
              .getBusinessKey();
    } finally {
      identityService.clearAuthentication();
    }
    runJobs();
    assertThat(id).matches("OFF-\\d{4}-\\d{5}");
    assertThat(offboardings.get(id).startedBy()).isEqualTo("cio");

    complete(
        id,
        Elements.EXPORT_DATA,
        "itops",
        NO_DATA_HELD.name(),
        true,
        NO_DATA_REASON.name(),
        "Only public posts were scheduled through it");
    revokeAccess(id, List.of("Bynder", "Canva Teams"));

    Task deletion = task(id, Elements.CONFIRM_DELETION);
    assertThat(taskService.getIdentityLinksForTask(deletion.getId()))
        .anyMatch(link -> "privacy-legal".equals(link.getGroupId()))
        .noneMatch(link -> "it-operations".equals(link.getGroupId()));
    as("itops");
    try {
      assertThat(taskService.createTaskQuery().taskId(deletion.getId()).singleResult())
          .as("IT operations does not see privacy-legal's task")
          .isNull();
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(filtered("privacy", "Data deletion"))
        .extracting(Task::getId)
        .contains(deletion.getId());
    assertThat(filtered("itops", "Offboarding"))
        .extracting(Task::getId)
        .doesNotContain(deletion.getId());
    confirmDeletion(id, "privacy");

    assertThat(statusOf(toolId)).isEqualTo(ToolStatus.RETIRED);
    Offboarding record = offboardings.get(id);
    assertThat(record.status()).isEqualTo(OffboardingStatus.RETIRED);
    assertThat(record.export().noDataHeld()).isTrue();
    assertThat(record.export().noDataReason())
        .isEqualTo("Only public posts were scheduled through it");
    assertThat(record.revocation().integrations())
        .extracting(
            Offboarding.IntegrationCut::integration, Offboarding.IntegrationCut::disconnected)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Bynder", true),
            org.assertj.core.groups.Tuple.tuple("Canva Teams", true));
    assertThat(record.deletion().recordedBy()).isEqualTo("privacy");
    assertThat(mailsTo("cio@tandem.example", id))
        .as("no purchase request: the starter is told")
        .anyMatch(subject -> subject.endsWith("is retired"));
  }

  @Test
  void shouldRefuseAnExportWithoutWhereWhatHowManyAndWhoChecked() throws Exception {
    String id = offboard(activeTool("NONE", "ACTIVE"));

    String message =
        refusal(id, Elements.EXPORT_DATA, "itops", EXPORT_LOCATION.name(), "s3://archive/");
    assertThat(message)
        .contains("exportFormat", "exportRecordCount", "exportVerifiedBy")
        .doesNotContain("exportLocation")
        .doesNotContain("ENGINE-");
    assertThat(refusal(id, Elements.EXPORT_DATA, "itops", NO_DATA_HELD.name(), true))
        .contains("noDataReason");
    assertThat(
            refusal(
                id,
                Elements.EXPORT_DATA,
                "itops",
                EXPORT_LOCATION.name(),
                "s3://archive/",
                EXPORT_FORMAT.name(),
                "CSV",
                EXPORT_RECORD_COUNT.name(),
                -3L,
                EXPORT_VERIFIED_BY.name(),
                "Dana"))
        .contains("exportRecordCount");
    assertThat(openTasks(id)).containsExactly(Elements.EXPORT_DATA);
    assertThat(offboardings.get(id).export()).isNull();
  }

  @Test
  void shouldRefuseToRevokeUntilEveryIntegrationIsDisconnected() throws Exception {
    String id = offboard(activeTool("NONE", "ACTIVE", "Bynder", "Canva Teams"));
    exportData(id);

    String message =
        refusal(
            id,
            Elements.REVOKE_ACCESS,
            "itops",
            SSO_REMOVED.name(),
            true,
            API_KEYS_REVOKED.name(),
            true,
            INTEGRATIONS_DISCONNECTED.name(),
            "[\"Bynder\"]");
    assertThat(message).contains("still connected: Canva Teams").doesNotContain("Bynder,");
    assertThat(
            refusal(
                id,
                Elements.REVOKE_ACCESS,
                "itops",
                SSO_REMOVED.name(),
                false,
                API_KEYS_REVOKED.name(),
                true,
                INTEGRATIONS_DISCONNECTED.name(),
                "Bynder,Canva Teams"))
        .contains("ssoRemoved");
    assertThat(openTasks(id)).containsExactly(Elements.REVOKE_ACCESS);

    revokeAccess(id, "Bynder, Canva Teams");
    assertThat(openTasks(id)).containsExactly(Elements.CONFIRM_DELETION);
  }

  @Test
  void shouldRefuseADeletionConfirmedInTheFutureOrWithoutTheVendorsReference() throws Exception {
    String id = offboard(activeTool("NONE", "ACTIVE"));
    exportData(id);
    revokeAccess(id, "");

    assertThat(
            refusal(
                id,
                Elements.CONFIRM_DELETION,
                "itops",
                DELETION_CONFIRMED_ON.name(),
                LocalDate.now().plusDays(1).toString(),
                DELETION_REFERENCE.name(),
                "DEL-1"))
        .contains("in the future");
    assertThat(
            refusal(
                id,
                Elements.CONFIRM_DELETION,
                "itops",
                DELETION_CONFIRMED_ON.name(),
                LocalDate.now().toString()))
        .contains("deletionReference");
    assertThat(
            refusal(
                id,
                Elements.CONFIRM_DELETION,
                "itops",
                DELETION_CONFIRMED_ON.name(),
                "yesterday",
                DELETION_REFERENCE.name(),
                "DEL-1"))
        .contains("must be a date");
    assertThat(openTasks(id)).containsExactly(Elements.CONFIRM_DELETION);
  }

  @Test
  void shouldRemindAndEscalateToTheCioWhenTheDeletionIsOverdueWithoutCancellingTheTask()
      throws Exception {
    String id = offboard(activeTool("NONE", "ACTIVE"));
    exportData(id);
    revokeAccess(id, "");

    fireTimer(id, Elements.TIMER_DELETION_OVERDUE);

    Task deletion = task(id, Elements.CONFIRM_DELETION);
    assertThat(deletion.getPriority()).isEqualTo(TaskEscalations.ESCALATED_PRIORITY);
    assertThat(mailsTo("itops@tandem.example", id)).anyMatch(s -> s.contains("Overdue"));
    assertThat(mailsTo("cio@tandem.example", id)).anyMatch(s -> s.startsWith("Escalation:"));
    assertThat(offboardings.get(id).deletion().escalatedAt()).isNotNull();

    confirmDeletion(id, "itops");
    assertThat(offboardings.get(id).status()).isEqualTo(OffboardingStatus.RETIRED);
  }

  @Test
  void shouldRefuseRetiringAToolThatIsNotActiveUnknownOrAlreadyBeingOffboarded() throws Exception {
    long retired = activeTool("NONE", "RETIRED");
    long procurement = activeTool("NONE", "PROCUREMENT");
    long active = activeTool("NONE", "ACTIVE");
    long before = offboardingCount();

    assertThat(retire(retired, "cio", "Again").status()).isEqualTo(409);
    assertThat(retire(procurement, "cio", "Not yet bought").status()).isEqualTo(409);
    Reply unknown = retire(987654321L, "cio", "Who?");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("detail").asText()).contains("no tool 987654321");
    assertThat(offboardingCount()).isEqualTo(before);

    String first = offboard(active);
    Reply second = retire(active, "admin", "Twice");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("detail").asText()).contains("already being offboarded", first);
    assertThat(offboardingCount()).isEqualTo(before + 1);

    // the same refusals reach Tasklist's start form as a message
    as("cio");
    try {
      assertThatThrownBy(
              () ->
                  runtimeService.startProcessInstanceByKey(
                      OffboardingProcess.PROCESS_KEY,
                      vars(TOOL_ID.name(), retired, OFFBOARDING_REASON.name(), "Again")))
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("only an ACTIVE tool is offboarded");
      assertThatThrownBy(
              () ->
                  runtimeService.startProcessInstanceByKey(
                      OffboardingProcess.PROCESS_KEY,
                      vars(TOOL_ID.name(), active, OFFBOARDING_REASON.name(), "Twice")))
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("already being offboarded");
      assertThatThrownBy(
              () ->
                  runtimeService.startProcessInstanceByKey(
                      OffboardingProcess.PROCESS_KEY, vars(TOOL_ID.name(), retired)))
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("offboardingReason");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(offboardingCount()).isEqualTo(before + 1);
  }

  @Test
  void shouldLetOnlyItLeadershipAndAdminsRetireAndRefuseABadBody() throws Exception {
    long tool = activeTool("NONE", "ACTIVE");
    long before = offboardingCount();

    for (String user : List.of("requester", "cmo", "itops", "privacy", "board")) {
      assertThat(retire(tool, user, "Not my call").status()).as(user).isEqualTo(403);
    }
    String path = "/api/inventory/tools/" + tool + "/retire";
    assertThat(http("POST", path, "cio", "{}").status()).isEqualTo(400);
    assertThat(http("POST", path, "cio", "{\"reason\":\"  \"}").status()).isEqualTo(400);
    assertThat(http("POST", path, "cio", "{\"reason\":\"x\",\"force\":true}").status())
        .isEqualTo(400);
    assertThat(http("POST", path, "cio", "{\"reason\":42}").status()).isEqualTo(400);
    assertThat(http("POST", path, "cio", "not json").status()).isEqualTo(400);
    Reply tooLong = retire(tool, "cio", "x".repeat(4001));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    assertThat(
            http("POST", "/api/inventory/tools/abc/retire", "cio", "{\"reason\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(offboardingCount()).isEqualTo(before);
    assertThat(statusOf(tool)).isEqualTo(ToolStatus.ACTIVE);

    Reply byAdmin = retire(tool, "admin", "Consolidating social tools");
    assertThat(byAdmin.status()).isEqualTo(202);
    runJobs();
  }

  @Test
  void shouldShowACatalogToolWithItsIntegrationsToEverySignedInUser() throws Exception {
    long hootsuite =
        inventory.tools(java.util.Optional.empty()).stream()
            .filter(t -> t.name().equals("Hootsuite"))
            .findFirst()
            .orElseThrow()
            .id();
    Reply reply = http("GET", "/api/inventory/tools/" + hootsuite, "requester", null);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("vendor").asText()).isEqualTo("Hootsuite Inc.");
    assertThat(reply.json().get("integrations").toString()).contains("Bynder", "Canva Teams");
    assertThat(reply.json().get("offboardings").isArray()).isTrue();
    assertThat(http("GET", "/api/inventory/tools/987654321", "requester", null).status())
        .isEqualTo(404);
    assertThat(http("GET", "/api/inventory/tools/hootsuite", "requester", null).status())
        .isEqualTo(400);
  }

  @Test
  void shouldLetTheToolBeOffboardedAgainWhenAnOperatorCancelsTheOffboarding() throws Exception {
    long tool = activeTool("NONE", "ACTIVE");
    String first = offboard(tool);

    runtimeService.deleteProcessInstance(
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(first)
            .singleResult()
            .getId(),
        "started by mistake");

    assertThat(offboardings.get(first).status()).isEqualTo(OffboardingStatus.CANCELLED);
    assertThat(statusOf(tool)).isEqualTo(ToolStatus.ACTIVE);
    String second = offboard(tool);
    assertThat(second).isNotEqualTo(first);
  }

  long offboardingCount() {
    return jdbc.sql("SELECT COUNT(*) FROM tandem_offboarding").query(Long.class).single();
  }
}
