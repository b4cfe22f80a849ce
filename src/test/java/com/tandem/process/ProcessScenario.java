package com.tandem.process;

import static com.tandem.process.PurchaseProcess.ANNUAL_LICENSE_COST;
import static com.tandem.process.PurchaseProcess.BUSINESS_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.CAPABILITIES;
import static com.tandem.process.PurchaseProcess.CONTRACT_TERM_MONTHS;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.DATA_EXPORT_SUPPORTED;
import static com.tandem.process.PurchaseProcess.IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.INTEGRATIONS;
import static com.tandem.process.PurchaseProcess.NEEDED_BY;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.SEATS;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.PurchaseProcess.VENDOR_URL;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tandem.notification.MailDispatcher;
import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import com.tandem.request.TandemGroups;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Drives the real application (H2, real services, a real SMTP server) the way people would: a
 * requester starts a request, each demo user works their task, jobs run as the job executor would
 * run them. One Spring context serves every scenario.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ProcessScenario {

  /** One SMTP server for the whole run; each scenario looks only at the mails of its request. */
  protected static final GreenMail SMTP =
      new GreenMail(new ServerSetup(0, null, ServerSetup.PROTOCOL_SMTP).dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  static {
    SMTP.start();
  }

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
  }

  static final Map<String, String> GROUP_OF =
      Map.of(
          "requester",
          TandemGroups.MARKETING,
          "cmo",
          TandemGroups.MARKETING_LEADERSHIP,
          "cio",
          TandemGroups.IT_LEADERSHIP,
          "privacy",
          TandemGroups.PRIVACY_LEGAL,
          "board",
          TandemGroups.BOARD,
          "itops",
          TandemGroups.IT_OPERATIONS);

  @Autowired protected ProcessEngine engine;
  @Autowired protected RuntimeService runtimeService;
  @Autowired protected TaskService taskService;
  @Autowired protected ManagementService managementService;
  @Autowired protected IdentityService identityService;
  @Autowired protected RequestRegistry registry;
  @Autowired protected MailDispatcher mailDispatcher;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  /** A valid intake that overlaps with nothing the demo inventory holds. */
  protected Map<String, Object> intake() {
    Map<String, Object> fields = new HashMap<>();
    fields.put(TOOL_NAME.name(), "Eventful");
    fields.put(VENDOR.name(), "Eventful Inc.");
    fields.put(VENDOR_URL.name(), "https://eventful.example");
    fields.put(CAPABILITIES.name(), "event-management");
    fields.put(BUSINESS_JUSTIFICATION.name(), "Run our webinar programme in-house.");
    fields.put(ANNUAL_LICENSE_COST.name(), "12000.00");
    fields.put(IMPLEMENTATION_COST.name(), "3000.00");
    fields.put(CURRENCY.name(), "USD");
    fields.put(SEATS.name(), 5L);
    fields.put(CONTRACT_TERM_MONTHS.name(), 12L);
    fields.put(NEEDED_BY.name(), LocalDate.now().plusMonths(2).toString());
    fields.put(PERSONAL_DATA.name(), "NONE");
    fields.put(SSO.name(), "SAML");
    fields.put(INTEGRATIONS.name(), "crm");
    fields.put(DATA_EXPORT_SUPPORTED.name(), true);
    return fields;
  }

  /** Starts a request as the demo requester and runs it to its first wait state. */
  protected String submit(Map<String, Object> fields) {
    ProcessInstance instance;
    as("requester");
    try {
      instance =
          runtimeService.startProcessInstanceByKey("martech-purchase", Variables.fromMap(fields));
    } finally {
      identityService.clearAuthentication();
    }
    runJobs();
    return instance.getBusinessKey();
  }

  /**
   * Starts a request and brings it to the joint review: when a tool of an earlier scenario overlaps
   * (the context is shared), the requester says the new tool is still needed.
   */
  protected String submitForReview(Map<String, Object> fields) {
    String requestId = submit(fields);
    if (openTasks(requestId).contains(PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL)) {
      complete(
          requestId,
          PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
          "requester",
          PurchaseProcess.USE_EXISTING_TOOL.name(),
          false,
          PurchaseProcess.NEW_TOOL_JUSTIFICATION.name(),
          "The tool we own does not run webinars for external guests.");
    }
    return requestId;
  }

  protected ProcessInstance instance(String requestId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
        .processInstanceBusinessKey(requestId)
        .singleResult();
  }

  /** Signs in as a demo user with their group, as Tasklist would. */
  protected void as(String user) {
    identityService.setAuthentication(user, List.of(GROUP_OF.get(user)));
  }

  /** The open task of the request (in the request's process or one it called) with this key. */
  protected Task task(String requestId, String taskKey) {
    List<Task> tasks =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(requestId)
            .taskDefinitionKey(taskKey)
            .list();
    assertThat(tasks).as("open %s of %s", taskKey, requestId).hasSize(1);
    return tasks.get(0);
  }

  /** Open task keys of the request. */
  protected Set<String> openTasks(String requestId) {
    return taskService.createTaskQuery().processInstanceBusinessKey(requestId).list().stream()
        .map(Task::getTaskDefinitionKey)
        .collect(Collectors.toSet());
  }

  /**
   * The user claims and completes the task, seeing only what their authorizations allow (a
   * candidate of another group would not find it), then the jobs that follow run.
   */
  protected void complete(String requestId, String taskKey, String user, Object... keyValues) {
    Task task = task(requestId, taskKey);
    as(user);
    try {
      Task visible = taskService.createTaskQuery().taskId(task.getId()).singleResult();
      assertThat(visible).as("%s may see %s", user, taskKey).isNotNull();
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), vars(keyValues));
    } finally {
      identityService.clearAuthentication();
    }
    runJobs();
  }

  /** IT operations records that the vendor agreed to the requested amounts (nothing was won). */
  protected void negotiateAsRequested(String requestId) {
    Task negotiation = task(requestId, PurchaseProcess.Elements.NEGOTIATE_CONTRACT);
    complete(
        requestId,
        PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
        "itops",
        PurchaseProcess.NEGOTIATED_ANNUAL_COST.name(),
        taskService.getVariable(negotiation.getId(), PurchaseProcess.ANNUAL_LICENSE_COST.name()),
        PurchaseProcess.NEGOTIATED_IMPLEMENTATION_COST.name(),
        taskService.getVariable(negotiation.getId(), PurchaseProcess.IMPLEMENTATION_COST.name()));
  }

  protected static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> vars = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      vars.put((String) keyValues[i], keyValues[i + 1]);
    }
    return vars;
  }

  /** Runs every due job (async continuations), as the job executor would, until none is left. */
  protected void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      for (Job job : due) {
        try {
          managementService.executeJob(job.getId());
        } catch (RuntimeException failure) {
          if (failOnJobErrors()) {
            throw failure;
          }
          // as the executor would: the job keeps its failure and waits for its next retry
        }
      }
    }
    throw new AssertionError("Jobs keep coming: a loop in the process?");
  }

  /** Whether a failing job fails the scenario (scenarios of outages expect failures). */
  protected boolean failOnJobErrors() {
    return true;
  }

  /** Runs the request's timer job (in its process or one it called), as if its time had come. */
  protected void fireTimer(String requestId, String activityId) {
    List<Job> timers =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(requestId)
            .list()
            .stream()
            .flatMap(
                instance ->
                    managementService
                        .createJobQuery()
                        .timers()
                        .processInstanceId(instance.getId())
                        .activityId(activityId)
                        .list()
                        .stream())
            .toList();
    assertThat(timers).as("timer %s of %s", activityId, requestId).hasSize(1);
    managementService.executeJob(timers.get(0).getId());
    runJobs();
  }

  protected PurchaseRequest request(String requestId) {
    return registry.get(requestId);
  }

  protected RequestStatus status(String requestId) {
    return registry.get(requestId).status();
  }

  protected List<String> decisions(String requestId) {
    return registry.decisions(requestId).stream()
        .map(d -> d.stage() + ":" + d.decision() + ":" + d.by())
        .toList();
  }

  /**
   * Subjects of the mails sent about the request to one address, once the mail outbox has sent
   * every committed mail (as its dispatcher does a few seconds later in a running Tandem).
   */
  protected List<String> mailsTo(String address, String requestId) {
    mailDispatcher.dispatchDue();
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(m -> recipients(m).contains(address))
        .map(ProcessScenario::subject)
        .filter(subject -> subject.contains(requestId))
        .toList();
  }

  private static String recipients(MimeMessage message) {
    try {
      return Arrays.toString(message.getAllRecipients());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
