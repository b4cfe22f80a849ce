package com.tandem.request;

import static com.tandem.request.PurchaseVariables.REQUEST_ID;
import static com.tandem.request.PurchaseVariables.TOOL_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names every user task after the tool it concerns, e.g. "Marketing review: Eventful
 * (MTR-2026-00042)", so a Tasklist list tells tasks apart without opening them; the diagram keeps
 * the short name.
 */
@Component
public class TaskPresentationListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    String base = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    task.setName("%s: %s (%s)".formatted(base, TOOL_NAME.get(task), REQUEST_ID.get(task)));
  }
}
