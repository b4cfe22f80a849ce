package com.tandem.process;

import static com.tandem.process.PurchaseProcess.REQUESTER;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.TOTAL_FIRST_YEAR_COST;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names every user task after the tool it concerns, e.g. "Marketing review: Eventful
 * (MTR-2026-00042)" or "Assign owner: Hopin (SIT-2026-00003)", so a Tasklist list tells tasks apart
 * without opening them; the diagram keeps the short name.
 *
 * <p>It also copies the values the Tasklist filters show as columns (request, tool, first-year
 * cost, requester) onto the task, as task-local variables named {@code list*}: a reviewer may see
 * the task but not the process instance, and Tasklist shows only variables its user may read, so
 * without the copies every column stays empty. They have names of their own so that a form that
 * edits, say, {@code toolName} (the revise form) still writes the process variable, not the copy.
 *
 * <p>Processes other than the purchase (e.g. {@code tool-offboarding}) have no request id: their
 * case id is the business key ({@code OFF-2026-00001}), shown and copied in its place, so their
 * tasks read "Export data: Hootsuite (OFF-2026-00001)". Such a process sets {@code toolName}.
 */
@Component
public class TaskPresentationListener implements TaskListener {

  /** The task-local copy of the case id (a request's or a finding's), a Tasklist column. */
  public static final String CASE_COLUMN = "listRequestId";

  /** Task-local copies of the process variables that the Tasklist filters show as columns. */
  public static final Map<String, ProcessVariable<?>> COLUMNS =
      Map.of(
          "listToolName",
          TOOL_NAME,
          "listFirstYearCost",
          TOTAL_FIRST_YEAR_COST,
          "listRequester",
          REQUESTER);

  @Override
  public void notify(DelegateTask task) {
    String base = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    String caseId = CaseIds.find(task).orElseGet(() -> task.getExecution().getProcessBusinessKey());
    task.setName("%s: %s (%s)".formatted(base, TOOL_NAME.get(task), caseId));
    task.setVariableLocal(CASE_COLUMN, caseId);
    COLUMNS.forEach((column, variable) -> variable.copyLocal(task, task, column));
  }
}
