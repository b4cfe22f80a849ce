package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.board.BoardPacketPdf;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.BoundedText;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.PurchaseProcess;
import com.tandem.request.RecordedOverlap;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import com.tandem.request.TandemGroups;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 13: every text a person can type at its maximum length, and 200 tools we own overlapping
 * with the request, each with a 200-character name. The request goes from intake to the board and
 * on to onboarding without an incident, whatever the database; a text one character too long is
 * refused with a message, never stored.
 */
final class LongTextsScenario {

  static final int MAX = BoundedText.MAX_STRING;
  private final ConfigurableApplicationContext app;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final IdentityService identity;
  private final RequestRegistry registry;

  LongTextsScenario(ConfigurableApplicationContext app) {
    this.app = app;
    this.runtime = app.getBean(RuntimeService.class);
    this.tasks = app.getBean(TaskService.class);
    this.management = app.getBean(ManagementService.class);
    this.identity = app.getBean(IdentityService.class);
    this.registry = app.getBean(RequestRegistry.class);
  }

  /** Text of exactly {@code length} characters, with accents and a currency sign. */
  static String text(String start, int length) {
    StringBuilder text = new StringBuilder(start).append(' ');
    while (text.length() < length) {
      text.append("données clients à l'étranger, 1 200 € ");
    }
    return text.substring(0, length);
  }

  void run() {
    String vendor = text("Long Vendor Name Corporation", 200);
    String run = UUID.randomUUID().toString().substring(0, 6);
    InventoryService inventory = app.getBean(InventoryService.class);
    for (int i = 0; i < 200; i++) {
      boolean sameVendor = i % 2 == 1;
      inventory.registerInUse(
          "LT" + run + i,
          new NewTool(
              text("Owned tool %03d %s".formatted(i, run), 200),
              sameVendor ? vendor : text("Other vendor %03d".formatted(i), 200),
              sameVendor ? List.of("survey") : List.of("event-management"),
              "cmo",
              new BigDecimal("1000.00"),
              "USD",
              LocalDate.now().plusYears(1),
              "SAML",
              "NONE"));
    }

    Map<String, Object> intake = new HashMap<>();
    intake.put("toolName", text("Eventful " + run, 200));
    intake.put("vendor", vendor);
    intake.put("vendorUrl", "https://eventful.example/" + "a".repeat(400));
    intake.put("capabilities", "event-management");
    intake.put("businessJustification", text("Why we need it:", MAX));
    intake.put("annualLicenseCost", "150000.00");
    intake.put("implementationCost", "30000.00");
    intake.put("currency", "USD");
    intake.put("seats", 50L);
    intake.put("contractTermMonths", 36L);
    intake.put("neededBy", LocalDate.now().plusMonths(2).toString());
    intake.put("personalData", "PERSONAL");
    intake.put("sso", "SAML");
    intake.put("integrations", "crm");
    intake.put("dataExportSupported", true);
    as("requester", TandemGroups.MARKETING);
    String id;
    try {
      id =
          runtime
              .startProcessInstanceByKey(PurchaseProcess.PROCESS_KEY, Variables.fromMap(intake))
              .getBusinessKey();
    } finally {
      identity.clearAuthentication();
    }
    runJobs();

    List<RecordedOverlap> owned =
        registry.overlaps(id).stream().filter(o -> !o.concernsOpenRequest()).toList();
    assertThat(owned).as("every overlapping tool is recorded on the request").hasSize(200);
    String summary = (String) runtime.getVariable(processOf(id), "overlapSummary");
    assertThat(summary).hasSizeLessThanOrEqualTo(MAX).contains("more (the request lists them all)");
    assertThat(summary.lines().filter(line -> line.startsWith("• ")).count())
        .as("the summary names as many tools as fit")
        .isGreaterThan(5);

    Task consider = task(id, PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL);
    assertThatThrownBy(
            () ->
                complete(
                    consider,
                    "requester",
                    TandemGroups.MARKETING,
                    Map.of(
                        "useExistingTool",
                        false,
                        "newToolJustification",
                        text("Too long", MAX + 1))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("newToolJustification must be at most 4000 characters");
    complete(
        consider,
        "requester",
        TandemGroups.MARKETING,
        Map.of("useExistingTool", false, "newToolJustification", text("None fits:", MAX)));
    assertThat(registry.get(id).status()).isEqualTo(RequestStatus.IN_REVIEW);

    complete(
        task(id, JointReviewProcess.Elements.REVIEW_MARKETING),
        "cmo",
        TandemGroups.MARKETING_LEADERSHIP,
        Map.of("marketingDecision", "APPROVE", "marketingComment", text("Marketing:", MAX)));
    complete(
        task(id, JointReviewProcess.Elements.REVIEW_IT),
        "cio",
        TandemGroups.IT_LEADERSHIP,
        Map.of("itDecision", "APPROVE", "itComment", text("IT:", MAX)));
    complete(
        task(id, JointReviewProcess.Elements.REVIEW_PRIVACY),
        "privacy",
        TandemGroups.PRIVACY_LEGAL,
        Map.of("privacyDecision", "APPROVE", "privacyComment", text("Privacy:", MAX)));
    assertThat(registry.get(id).status()).isEqualTo(RequestStatus.BUDGET_PROPOSAL);
    String reviews = (String) runtime.getVariable(processOf(id), "reviewSummary");
    assertThat(reviews)
        .hasSizeLessThanOrEqualTo(MAX)
        .contains("• Marketing review: APPROVE", "• IT review: APPROVE", "• Privacy review");

    complete(
        task(id, PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL),
        "cmo",
        TandemGroups.MARKETING_LEADERSHIP,
        Map.of(
            "proposalAmount",
            180000.0,
            "proposalMarketingAmount",
            150000.0,
            "proposalItAmount",
            30000.0,
            "proposalJustification",
            text("For the board:", MAX)));
    complete(
        task(id, PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL),
        "cio",
        TandemGroups.IT_LEADERSHIP,
        Map.of("cosignDecision", "APPROVE", "cosignComment", text("Co-signed:", MAX)));

    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    assertThat(registry.get(id).status()).isEqualTo(RequestStatus.BOARD_REVIEW);
    assertThat((String) tasks.getVariable(board.getId(), "boardPacket"))
        .hasSizeLessThanOrEqualTo(MAX);
    assertThat(tasks.getVariable(board.getId(), "boardPacketView").toString())
        .as("the packet's sections keep every overlap and every comment whole")
        .hasSizeGreaterThan(200 * 200 + 7 * MAX)
        .contains(text("Privacy:", MAX));
    byte[] pdf = app.getBean(BoardPacketPdf.class).forRequest(id);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    try {
      assertThat(new com.lowagie.text.pdf.PdfReader(pdf).getNumberOfPages())
          .as("200 tools and seven long texts take pages")
          .isGreaterThan(10);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThatThrownBy(
            () ->
                complete(
                    board,
                    "board",
                    TandemGroups.BOARD,
                    Map.of("boardDecision", "APPROVE", "boardComment", text("Long", MAX + 1))))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("boardComment must be at most 4000 characters");
    complete(
        board,
        "board",
        TandemGroups.BOARD,
        Map.of("boardDecision", "APPROVE", "boardComment", text("Approved:", MAX)));

    assertThat(registry.get(id).status())
        .as("the request went on after the board, to the negotiation")
        .isEqualTo(RequestStatus.NEGOTIATION);
    assertThat(tasks.createTaskQuery().processInstanceBusinessKey(id).list()).isNotEmpty();
    assertThat(management.createJobQuery().withException().list()).as("no failing job").isEmpty();
    assertThat(runtime.createIncidentQuery().list()).as("no incident").isEmpty();
    assertThat(registry.decisions(id))
        .as("the decision log keeps every comment whole")
        .anySatisfy(d -> assertThat(d.comment()).hasSize(MAX).startsWith("Privacy:"));
    assertThat(app.getBean(HistoryService.class).createHistoricIncidentQuery().count()).isZero();
  }

  private String processOf(String id) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
        .processInstanceBusinessKey(id)
        .singleResult()
        .getId();
  }

  private Task task(String id, String key) {
    List<Task> open =
        tasks.createTaskQuery().processInstanceBusinessKey(id).taskDefinitionKey(key).list();
    assertThat(open).as("open %s of %s", key, id).hasSize(1);
    return open.get(0);
  }

  private void as(String user, String group) {
    identity.setAuthentication(user, List.of(group));
  }

  private void complete(Task task, String user, String group, Map<String, Object> variables) {
    as(user, group);
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

  /** Runs every due job as the job executor would; a failure fails the scenario. */
  private void runJobs() {
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
}
