package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.tandem.testsupport.InMemoryEngine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the engine's history keeps of the task-local presentation copies, and of a called process's
 * copies of its caller's variables: on a bare engine (in-memory H2) with the plug-in, on small
 * models made for the purpose.
 */
class CopiesWithoutHistoryTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    ProcessEngineConfigurationImpl configuration = InMemoryEngine.configuration("copies");
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.getProcessEnginePlugins().add(new CopiesWithoutHistory());
    engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "caller.bpmn",
            Bpmn.createExecutableProcess("Process_Caller")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .callActivity("Call_Called")
                .calledElement("Process_Called")
                .camundaIn("tool", "tool")
                .camundaIn("seats", "seats")
                .camundaIn("cost", "cost")
                .camundaIn("missing", "missing")
                .camundaIn("tool", "vendor")
                .camundaIn("details", "details")
                .endEvent()
                .done())
        .addModelInstance(
            "called.bpmn",
            Bpmn.createExecutableProcess("Process_Called")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Decide")
                .endEvent()
                .done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  private ProcessInstance startCaller() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "Process_Caller",
            Map.of(
                "tool",
                "Eventful",
                "seats",
                5L,
                "cost",
                new BigDecimal("12000.00"),
                "vendor",
                "Eventful Inc.",
                "details",
                Variables.byteArrayValue("SSO: SAML".getBytes(StandardCharsets.UTF_8))));
  }

  private ProcessInstance called(ProcessInstance caller) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(caller.getId())
        .singleResult();
  }

  private Map<String, Object> history(String instanceId) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId)
        .list()
        .stream()
        .collect(
            Collectors.toMap(
                HistoricVariableInstance::getName,
                v -> v.getValue() == null ? "(null)" : v.getValue()));
  }

  @Test
  void shouldRecordWhatACalledProcessWasGivenAsBefore() {
    ProcessInstance caller = startCaller();
    ProcessInstance called = called(caller);

    // a review round's copies are the record of what it was given, even once the caller changes
    engine.getRuntimeService().setVariable(caller.getId(), "tool", "Eventful Pro");

    assertThat(history(called.getId()))
        .containsEntry("tool", "Eventful")
        .containsEntry("seats", 5L)
        .containsEntry("vendor", "Eventful")
        .containsEntry("missing", "(null)")
        .containsKeys("cost", "details");
    assertThat(history(caller.getId())).containsEntry("tool", "Eventful Pro");
  }

  private Task decideTask() {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(called(startCaller()).getId())
        .singleResult();
  }

  private List<HistoricVariableInstance> taskHistory(Task task) {
    return engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .taskIdIn(task.getId())
        .list();
  }

  @Test
  void shouldRecordAPresentationCopyThatIsChangedLater() {
    Task decide = decideTask();
    engine.getTaskService().setVariableLocal(decide.getId(), "listToolName", "Eventful");
    assertThat(taskHistory(decide)).isEmpty();

    engine.getTaskService().setVariableLocal(decide.getId(), "listToolName", "Eventful Pro");

    assertThat(taskHistory(decide))
        .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
        .containsExactly(tuple("listToolName", "Eventful Pro"));
  }

  @Test
  void shouldKeepTheTasksPresentationCopiesOutOfTheHistoryOnly() {
    Task decide = decideTask();

    engine.getTaskService().setVariableLocal(decide.getId(), "listToolName", "Eventful");
    engine.getTaskService().setVariableLocal(decide.getId(), "annualLicenseCostText", "USD 1.00");
    engine.getTaskService().setVariableLocal(decide.getId(), "checklistNote", "SSO checked");

    assertThat(engine.getTaskService().getVariablesLocal(decide.getId()))
        .containsKeys("listToolName", "annualLicenseCostText", "checklistNote");
    assertThat(taskHistory(decide))
        .extracting(HistoricVariableInstance::getName)
        .containsExactly("checklistNote");
  }
}
