package com.tandem.system;

import com.tandem.process.TaskPresentationListener;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The engine's history does not record the task-local copies that {@link TaskPresentationListener}
 * prepares on every task for Tasklist's columns and the forms ({@link
 * TaskPresentationListener#PRESENTATION_COPIES}: the case id, the tool, the requester by name,
 * money as text). Each repeats, under another name or formatted, a value the task's process
 * instance holds when the task is created (that variable's history is written as always, and the
 * task's name in {@code ACT_HI_TASKINST} carries the tool and the case id too), and is deleted with
 * the task. The four tasks of a request wrote about 24 such rows into {@code ACT_HI_VARINST}, a
 * table with eight indexes.
 *
 * <p>Only their creation goes unrecorded: if a task's copy is changed later, Camunda's history
 * handler finds no row to update and writes one with the new value. Runtime variables are untouched
 * (Tasklist and the forms read the copies while the task is open).
 *
 * <p>A called process's copies of its caller's variables ({@code camunda:in}, e.g. the intake's
 * fields handed to each joint review round) are recorded as before, although most equal the
 * caller's: at the {@code audit} level the caller's row holds only the latest value, and a review
 * round's copies are the record of what that round was given once a revision changed the request.
 *
 * <p>Measured in the end-to-end capacity benchmark (docs/benchmark.md), which installs this plug-in
 * in its bare engine too (where no task has such copies).
 */
@Component
public class CopiesWithoutHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Handler(configuration.getHistoryEventHandler()));
  }

  /** Hands every event but the creation of a presentation copy to the engine's own handler. */
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
    return event instanceof HistoricVariableUpdateEventEntity created
        && created.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)
        && created.getTaskId() != null
        && TaskPresentationListener.PRESENTATION_COPIES.contains(created.getVariableName());
  }
}
