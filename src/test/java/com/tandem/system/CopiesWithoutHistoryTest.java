package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.testsupport.InMemoryEngine;
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
 * What the engine's history keeps of a called process's copies of its caller's variables, and of
 * the task-local presentation copies: on a bare engine (in-memory H2) with the plug-in, on small
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
                .camundaOut("decision", "decision")
                .userTask("Task_AfterCall")
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
                new java.math.BigDecimal("12000.00"),
                "vendor",
                "Eventful Inc.",
                "details",
                Variables.byteArrayValue(
                    "SSO: SAML".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
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
  void shouldKeepACopiedValueOnceInTheCallersHistory() {
    ProcessInstance caller = startCaller();
    ProcessInstance called = called(caller);

    // the called instance has its copies while it runs (forms and Tasklist read them)
    assertThat(engine.getRuntimeService().getVariables(called.getId()))
        .containsEntry("tool", "Eventful")
        .containsEntry("seats", 5L)
        .containsKey("details");
    // the history has each value once: the caller's rows
    assertThat(history(caller.getId()))
        .containsEntry("tool", "Eventful")
        .containsEntry("seats", 5L)
        .containsKey("cost");
    assertThat(history(called.getId()))
        .doesNotContainKeys("tool", "seats")
        // a value the caller does not have (the copy of a variable it never set)
        .containsEntry("missing", "(null)")
        // the caller's tool under another name, where the caller's vendor differs
        .containsEntry("vendor", "Eventful")
        // values kept as byte arrays (bytes, a serialized object) are recorded as before
        .containsKey("details")
        .containsEntry("cost", new java.math.BigDecimal("12000.00"));
  }

  @Test
  void shouldRecordACopyOnceTheCalledProcessChangesIt() {
    ProcessInstance caller = startCaller();
    ProcessInstance called = called(caller);

    engine.getRuntimeService().setVariable(called.getId(), "tool", "Eventful Pro");
    Task decide =
        engine.getTaskService().createTaskQuery().processInstanceId(called.getId()).singleResult();
    engine.getTaskService().complete(decide.getId(), Map.of("decision", "APPROVE"));

    assertThat(history(called.getId()))
        .containsEntry("tool", "Eventful Pro")
        .containsEntry("decision", "APPROVE")
        .doesNotContainKeys("seats");
    // the caller's own value and the decision handed back are there as before
    assertThat(history(caller.getId()))
        .containsEntry("tool", "Eventful")
        .containsEntry("decision", "APPROVE");
  }

  @Test
  void shouldKeepTheTasksPresentationCopiesOutOfTheHistoryOnly() {
    ProcessInstance caller = startCaller();
    Task decide =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(called(caller).getId())
            .singleResult();

    engine.getTaskService().setVariableLocal(decide.getId(), "listToolName", "Eventful");
    engine.getTaskService().setVariableLocal(decide.getId(), "annualLicenseCostText", "USD 1.00");
    engine.getTaskService().setVariableLocal(decide.getId(), "checklistNote", "SSO checked");

    assertThat(engine.getTaskService().getVariablesLocal(decide.getId()))
        .containsKeys("listToolName", "annualLicenseCostText", "checklistNote");
    assertThat(
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .taskIdIn(decide.getId())
                .list())
        .extracting(HistoricVariableInstance::getName)
        .containsExactly("checklistNote");
  }
}
