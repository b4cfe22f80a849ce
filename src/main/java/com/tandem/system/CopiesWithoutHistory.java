package com.tandem.system;

import com.tandem.process.TaskPresentationListener;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * The engine's history keeps each value once: a variable that is only a copy of another is not
 * written to {@code ACT_HI_VARINST} a second time. Two kinds of copies, both made on every request:
 *
 * <ul>
 *   <li>A called process's copies of its caller's variables ({@code camunda:in}, e.g. the intake's
 *       fields handed to the joint review, about 25 a round): a variable created in the root scope
 *       of a called instance with exactly the value its caller has under the same name at that
 *       moment. The caller's own history row has the value. A copy of a value kept as a byte array
 *       (a JSON object, a file) is recorded as before (comparing it would mean reading it).
 *   <li>The task-local copies that {@link TaskPresentationListener} prepares on every task for
 *       Tasklist's columns and the forms ({@link TaskPresentationListener#PRESENTATION_COPIES}: the
 *       case id, tool, requester and money as text). They are derived from the request's variables,
 *       and deleted with the task.
 * </ul>
 *
 * <p>Only the creation of such a variable goes unrecorded. If the called process or the task later
 * changes it, Camunda's history handler finds no row to update and writes one with the new value,
 * so a value that differs from the caller's is in the history as before. Runtime variables are
 * untouched: forms, Tasklist, Cockpit and the REST API see every variable while its scope lives.
 * What a history query no longer returns is the second row of an equal value, under the called
 * instance's id ({@code GET /history/variable-instance?processInstanceId=} of a joint review lists
 * the decisions made in it, not the intake fields it was given).
 *
 * <p>Each skipped row was an insert into a table with eight indexes, on every task and review
 * round: measured in the end-to-end capacity benchmark (docs/benchmark.md), which installs this
 * plug-in in its bare engine too.
 */
@Component
public class CopiesWithoutHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler()));
  }

  /** Hands every event but the creation of a copy to the engine's own handler. */
  static final class Handler implements HistoryEventHandler {

    private final HistoryEventHandler next;

    Handler(HistoryEventHandler next) {
      this.next = Objects.requireNonNull(next, "the engine's history event handler");
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isCopy(event)) {
        next.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      List<HistoryEvent> kept = events.stream().filter(event -> !isCopy(event)).toList();
      if (!kept.isEmpty()) {
        next.handleEvents(kept);
      }
    }
  }

  static boolean isCopy(HistoryEvent event) {
    if (!(event instanceof HistoricVariableUpdateEventEntity created)
        || !created.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)) {
      return false;
    }
    if (created.getTaskId() != null) {
      return TaskPresentationListener.PRESENTATION_COPIES.contains(created.getVariableName());
    }
    return isCallersValue(created);
  }

  /**
   * Whether a variable just created in the root scope of a called instance holds the value its
   * caller has under the same name. Reads only what the engine holds in memory for this command:
   * the instance being started, its caller and the caller's variables (the mapping has just read
   * them); anything not there counts as no copy.
   */
  private static boolean isCallersValue(HistoricVariableUpdateEventEntity created) {
    String instanceId = created.getProcessInstanceId();
    if (instanceId == null
        || !instanceId.equals(created.getExecutionId())
        || instanceId.equals(created.getRootProcessInstanceId())
        || created.getByteValue() != null
        || created.getByteArrayId() != null) {
      return false;
    }
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return false;
    }
    var cache = command.getDbEntityManager();
    ExecutionEntity instance = cache.getCachedEntity(ExecutionEntity.class, instanceId);
    if (instance == null || instance.getSuperExecutionId() == null) {
      return false;
    }
    ExecutionEntity caller =
        cache.getCachedEntity(ExecutionEntity.class, instance.getSuperExecutionId());
    if (caller == null
        || !(caller.getVariableInstance(created.getVariableName())
            instanceof VariableInstanceEntity original)) {
      return false;
    }
    return original.getByteArrayValueId() == null
        && Objects.equals(original.getSerializerName(), created.getSerializerName())
        && Objects.equals(original.getTextValue(), created.getTextValue())
        && Objects.equals(original.getTextValue2(), created.getTextValue2())
        && Objects.equals(original.getLongValue(), created.getLongValue())
        && Objects.equals(original.getDoubleValue(), created.getDoubleValue());
  }
}
