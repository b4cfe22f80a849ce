package com.tandem.board;

import com.tandem.process.ProcessVariable;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The latest values of a request's process variables, from the engine's history: they are there
 * while the request runs and after it ended, in the request's process and in those it called (the
 * joint review keeps the IT checklist, the purchase process the proposal).
 */
@Component
class RequestHistory {

  /** A request's instances: itself, its review rounds, its board cycles. */
  private static final int MAX_INSTANCES = 500;

  private static final int MAX_VALUES = 5000;
  private final HistoryService history;

  RequestHistory(HistoryService history) {
    this.history = history;
  }

  /** The variables' latest values, by name; a variable never set is absent. */
  Map<String, Object> latest(String requestId, List<ProcessVariable<?>> variables) {
    List<String> instances =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(requestId)
            .listPage(0, MAX_INSTANCES)
            .stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    Map<String, Object> values = new HashMap<>();
    if (instances.isEmpty()) {
      return values;
    }
    history
        .createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new))
        .variableNameIn(variables.stream().map(ProcessVariable::name).toArray(String[]::new))
        .disableCustomObjectDeserialization()
        .listPage(0, MAX_VALUES)
        .stream()
        .filter(v -> v.getValue() != null)
        .sorted(Comparator.comparing(HistoricVariableInstance::getCreateTime))
        .forEach(v -> values.put(v.getName(), v.getValue()));
    return values;
  }

  static <T> Optional<T> read(Map<String, Object> values, ProcessVariable<T> variable) {
    return variable.from(values);
  }
}
