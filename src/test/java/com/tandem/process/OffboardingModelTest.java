package com.tandem.process;

import static com.tandem.process.OffboardingProcess.API_KEYS_REVOKED;
import static com.tandem.process.OffboardingProcess.DELETION_CONFIRMED_ON;
import static com.tandem.process.OffboardingProcess.DELETION_GROUP;
import static com.tandem.process.OffboardingProcess.DELETION_REFERENCE;
import static com.tandem.process.OffboardingProcess.DELETION_REMINDER;
import static com.tandem.process.OffboardingProcess.EXPORT_FORMAT;
import static com.tandem.process.OffboardingProcess.EXPORT_LOCATION;
import static com.tandem.process.OffboardingProcess.EXPORT_RECORD_COUNT;
import static com.tandem.process.OffboardingProcess.EXPORT_VERIFIED_BY;
import static com.tandem.process.OffboardingProcess.INTEGRATIONS_DISCONNECTED;
import static com.tandem.process.OffboardingProcess.NO_DATA_HELD;
import static com.tandem.process.OffboardingProcess.NO_DATA_REASON;
import static com.tandem.process.OffboardingProcess.OFFBOARDING_ID;
import static com.tandem.process.OffboardingProcess.OFFBOARDING_REASON;
import static com.tandem.process.OffboardingProcess.PROCESS_KEY;
import static com.tandem.process.OffboardingProcess.REQUESTED_BY;
import static com.tandem.process.OffboardingProcess.SSO_REMOVED;
import static com.tandem.process.OffboardingProcess.TOOL_ID;
import static com.tandem.process.OffboardingProcess.TOOL_NAME;
import static com.tandem.process.OffboardingProcess.TOOL_RETIRED;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEFAULTS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.tandem.process.OffboardingProcess.Elements;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code tool-offboarding} on a bare in-memory engine, the delegates and listeners
 * mocked: what each step writes is what the gateways, candidate groups and the timer read. The
 * server-side completion checks are tested on the real application (OffboardingProcessTest).
 */
@Deployment(
    resources = {
      "bpmn/tool-offboarding.bpmn",
      "forms/offboarding-start.form",
      "forms/export-data.form",
      "forms/revoke-access.form",
      "forms/confirm-deletion.form",
      "bpmn-test/offboarding-caller.bpmn"
    })
class OffboardingModelTest {

  static final String CASE = "OFF-2026-00007";

  @RegisterExtension static final ProcessEngineExtension ENGINE = ModelMocks.engine();

  /** What registration finds out about the tool; a test changes it before the start. */
  String deletionGroup = "it-operations";

  String deletionReminder = "P30D";
  final List<String> escalated = new ArrayList<>();
  final List<String> retired = new ArrayList<>();

  final JavaDelegate registerOffboarding =
      delegate(
          execution -> {
            execution.setProcessBusinessKey(CASE);
            OFFBOARDING_ID.set(execution, CASE);
            TOOL_NAME.set(execution, "Hootsuite");
            DELETION_GROUP.set(execution, deletionGroup);
            DELETION_REMINDER.set(execution, deletionReminder);
          });
  final JavaDelegate escalateDeletion =
      delegate(execution -> escalated.add(OFFBOARDING_ID.get(execution)));
  final JavaDelegate retireTool =
      delegate(
          execution -> {
            retired.add(OFFBOARDING_ID.get(execution));
            TOOL_RETIRED.set(execution, true);
          });
  final JavaDelegate notifyOwner = delegate(execution -> {});
  final TaskListener taskPresentation = mock(TaskListener.class);
  final TaskListener taskCompletion = mock(TaskListener.class);
  final ExecutionListener offboardingEnded = mock(ExecutionListener.class);

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    Mocks.register("registerOffboardingDelegate", registerOffboarding);
    Mocks.register("escalateDeletionDelegate", escalateDeletion);
    Mocks.register("retireToolDelegate", retireTool);
    Mocks.register("notifyOwnerDelegate", notifyOwner);
    Mocks.register("taskPresentationListener", taskPresentation);
    Mocks.register("offboardingTaskCompletion", taskCompletion);
    Mocks.register("offboardingEndedListener", offboardingEnded);
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            PROCESS_KEY,
            ProcessVariable.variables()
                .put(TOOL_ID, 12L)
                .put(OFFBOARDING_REASON, "Replaced by Sprout Social")
                .put(REQUESTED_BY, "cio")
                .build());
  }

  void exportData(ProcessInstance offboarding) {
    complete(
        task(Elements.EXPORT_DATA, offboarding),
        withVariables(
            EXPORT_LOCATION.name(),
            "s3://it-archive/hootsuite/",
            EXPORT_FORMAT.name(),
            "CSV",
            EXPORT_RECORD_COUNT.name(),
            48210L,
            EXPORT_VERIFIED_BY.name(),
            "itops"));
  }

  void revokeAccess(ProcessInstance offboarding) {
    complete(
        task(Elements.REVOKE_ACCESS, offboarding),
        withVariables(
            SSO_REMOVED.name(),
            true,
            API_KEYS_REVOKED.name(),
            true,
            INTEGRATIONS_DISCONNECTED.name(),
            "Bynder,Canva Teams"));
  }

  void confirmDeletion(ProcessInstance offboarding) {
    complete(
        task(Elements.CONFIRM_DELETION, offboarding),
        withVariables(
            DELETION_CONFIRMED_ON.name(), "2026-11-20", DELETION_REFERENCE.name(), "HS-DEL-4411"));
  }

  @Test
  void shouldRegisterAndAskItOperationsToExportTheDataFirst() {
    ProcessInstance offboarding = start();

    assertThat(offboarding)
        .hasBusinessKey(CASE)
        .hasPassed(Elements.START_OFFBOARDING_REQUESTED, Elements.REGISTER_OFFBOARDING)
        .isWaitingAtExactly(Elements.EXPORT_DATA);
    assertThat(task(offboarding)).hasCandidateGroup("it-operations");
    assertFormDeployed(task(offboarding));
    Assertions.assertThat(formService().getDeployedStartForm(offboarding.getProcessDefinitionId()))
        .isNotNull();
    verify(taskPresentation).notify(any());
  }

  @Test
  void shouldRetireTheToolOnceTheDataIsExportedAccessRevokedAndDeletionConfirmed()
      throws Exception {
    ProcessInstance offboarding = start();

    exportData(offboarding);
    assertThat(offboarding).isWaitingAtExactly(Elements.REVOKE_ACCESS);
    assertThat(task(offboarding)).hasCandidateGroup("it-operations");
    assertFormDeployed(task(offboarding));

    revokeAccess(offboarding);
    assertThat(offboarding).isWaitingAtExactly(Elements.CONFIRM_DELETION);
    assertThat(task(offboarding)).hasCandidateGroup("it-operations");
    assertFormDeployed(task(offboarding));

    confirmDeletion(offboarding);
    assertThat(offboarding).isWaitingAtExactly(Elements.RETIRE_TOOL);
    runJob(Elements.RETIRE_TOOL);
    assertThat(offboarding).isWaitingAtExactly(Elements.NOTIFY_OWNER);
    runJob(Elements.NOTIFY_OWNER);

    assertThat(offboarding)
        .isEnded()
        .hasPassedInOrder(
            Elements.EXPORT_DATA,
            Elements.REVOKE_ACCESS,
            Elements.CONFIRM_DELETION,
            Elements.RETIRE_TOOL,
            Elements.NOTIFY_OWNER,
            Elements.END_TOOL_RETIRED)
        .hasNotPassed(Elements.ESCALATE_DELETION)
        .variables()
        .containsEntry(TOOL_RETIRED.name(), true);
    Assertions.assertThat(retired).containsExactly(CASE);
    verify(taskCompletion, times(3)).notify(any());
    verify(notifyOwner).execute(any());
    verify(offboardingEnded).notify(any());
    Assertions.assertThat(jobQuery().count()).as("the deletion timer is gone").isZero();
  }

  @Test
  void shouldGoOnToRevokeAccessWhenTheToolHeldNoData() {
    ProcessInstance offboarding = start();

    complete(
        task(Elements.EXPORT_DATA, offboarding),
        withVariables(
            NO_DATA_HELD.name(), true, NO_DATA_REASON.name(), "Only scheduled public posts"));

    assertThat(offboarding)
        .hasPassed(Elements.EXPORT_DATA)
        .isWaitingAtExactly(Elements.REVOKE_ACCESS);
    verify(taskCompletion).notify(any());
  }

  @Test
  void shouldCheckTheRevocationOfEveryIntegrationOnCompletion() {
    ProcessInstance offboarding = start();
    exportData(offboarding);

    revokeAccess(offboarding);

    // the completion listener (OffboardingTaskCompletion) checks each integration; it ran twice
    verify(taskCompletion, times(2)).notify(any());
    assertThat(offboarding)
        .hasPassed(Elements.REVOKE_ACCESS)
        .isWaitingAtExactly(Elements.CONFIRM_DELETION)
        .variables()
        .containsEntry(INTEGRATIONS_DISCONNECTED.name(), "Bynder,Canva Teams");
  }

  @Test
  void shouldAskPrivacyLegalToConfirmDeletionWhenTheToolHeldPersonalData() {
    deletionGroup = "privacy-legal";
    ProcessInstance offboarding = start();
    exportData(offboarding);
    revokeAccess(offboarding);

    Task confirm = task(Elements.CONFIRM_DELETION, offboarding);
    assertThat(confirm).hasCandidateGroup("privacy-legal");
    Assertions.assertThat(
            taskQuery()
                .taskCandidateGroup("it-operations")
                .processInstanceId(offboarding.getId())
                .count())
        .isZero();

    confirmDeletion(offboarding);
    runJob(Elements.RETIRE_TOOL);
    runJob(Elements.NOTIFY_OWNER);
    assertThat(offboarding).isEnded().hasPassed(Elements.END_TOOL_RETIRED);
  }

  @Test
  void shouldRemindAndEscalateAnOverdueDeletionWithoutCancellingTheTask() throws Exception {
    deletionReminder = "P30D";
    ProcessInstance offboarding = start();
    exportData(offboarding);
    revokeAccess(offboarding);

    Job overdue = jobQuery().activityId(Elements.TIMER_DELETION_OVERDUE).singleResult();
    Assertions.assertThat(overdue).isNotNull();
    Assertions.assertThat(overdue.getDuedate()).isCloseTo(ModelMocks.inDays(30), 60_000);
    verify(escalateDeletion, never()).execute(any());

    execute(overdue);
    assertThat(offboarding).isWaitingAt(Elements.CONFIRM_DELETION, Elements.ESCALATE_DELETION);
    runJob(Elements.ESCALATE_DELETION);

    assertThat(offboarding)
        .hasPassed(
            Elements.TIMER_DELETION_OVERDUE,
            Elements.ESCALATE_DELETION,
            Elements.END_DELETION_ESCALATED)
        .isWaitingAtExactly(Elements.CONFIRM_DELETION);
    Assertions.assertThat(escalated).containsExactly(CASE);
    Assertions.assertThat(taskQuery().taskDefinitionKey(Elements.CONFIRM_DELETION).count())
        .isEqualTo(1);

    confirmDeletion(offboarding);
    runJob(Elements.RETIRE_TOOL);
    runJob(Elements.NOTIFY_OWNER);
    assertThat(offboarding).isEnded().hasPassed(Elements.END_TOOL_RETIRED);
  }

  @Test
  void shouldTakeTheReminderDurationFromRegistration() {
    deletionReminder = "P7D";
    ProcessInstance offboarding = start();
    exportData(offboarding);
    revokeAccess(offboarding);

    Assertions.assertThat(
            jobQuery().activityId(Elements.TIMER_DELETION_OVERDUE).singleResult().getDuedate())
        .isCloseTo(ModelMocks.inDays(7), 60_000);
    assertThat(offboarding).isWaitingAtExactly(Elements.CONFIRM_DELETION);
  }

  @Test
  void shouldBeCallableWithTheDocumentedVariablesAndReturnItsIdAndOutcome() throws Exception {
    ProcessInstance caller =
        runtimeService()
            .startProcessInstanceByKey(
                "offboarding-caller",
                "SIT-2026-00003",
                java.util.Map.of(
                    "shadowToolId", 12L, "sunsetReason", "SUNSET", "decidedBy", "cio"));
    ProcessInstance offboarding = BpmnAwareTests.calledProcessInstance(PROCESS_KEY, caller);
    assertThat(offboarding)
        .hasBusinessKey(CASE)
        .isWaitingAtExactly(Elements.EXPORT_DATA)
        .variables()
        .containsEntry(TOOL_ID.name(), 12L)
        .containsEntry(OFFBOARDING_REASON.name(), "SUNSET")
        .containsEntry(REQUESTED_BY.name(), "cio")
        .containsEntry(OffboardingProcess.ORIGIN_CASE_ID.name(), "SIT-2026-00003");

    exportData(offboarding);
    revokeAccess(offboarding);
    confirmDeletion(offboarding);
    runJob(Elements.RETIRE_TOOL);
    runJob(Elements.NOTIFY_OWNER);

    assertThat(caller)
        .isEnded()
        .variables()
        .containsEntry(OFFBOARDING_ID.name(), CASE)
        .containsEntry(TOOL_RETIRED.name(), true);
  }

  private static void runJob(String activityId) {
    Job job = jobQuery().activityId(activityId).singleResult();
    Assertions.assertThat(job).as("job at %s", activityId).isNotNull();
    execute(job);
  }

  private static void assertFormDeployed(Task task) {
    Assertions.assertThat(formService().getDeployedTaskForm(task.getId()))
        .as("form of %s", task.getTaskDefinitionKey())
        .isNotNull();
  }

  private static JavaDelegate delegate(Consumer<DelegateExecution> writes) {
    return mock(
        JavaDelegate.class,
        call -> {
          if (call.getMethod().getName().equals("execute")) {
            writes.accept(call.getArgument(0));
            return null;
          }
          return RETURNS_DEFAULTS.answer(call);
        });
  }
}
