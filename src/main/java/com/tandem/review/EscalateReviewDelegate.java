package com.tandem.review;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;

import com.tandem.notification.Notifier;
import com.tandem.process.RequestStep;
import com.tandem.request.TandemGroups;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A review passed its SLA: reminds its group, escalates to the group's leadership and raises the
 * task's priority so it sorts first in Tasklist. The review task itself stays open. Runs from a
 * non-interrupting timer attached to the review task ({@code attachedTo} input: the task id).
 */
@Component
public class EscalateReviewDelegate extends RequestStep {

  static final int ESCALATED_PRIORITY = 80;
  private static final Logger LOG = LoggerFactory.getLogger(EscalateReviewDelegate.class);

  private final TaskService taskService;
  private final Notifier notifier;
  private final EscalationProperties properties;

  public EscalateReviewDelegate(
      TaskService taskService, Notifier notifier, EscalationProperties properties) {
    super("remind the reviewers and escalate the late review");
    this.taskService = taskService;
    this.notifier = notifier;
    this.properties = properties;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String requestId = REQUEST_ID.get(execution);
    String taskKey = (String) execution.getVariableLocal("reviewTask");
    List<Task> late =
        taskService
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .taskDefinitionKey(taskKey)
            .list();
    for (Task task : late) {
      taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
      String subject = "[%s] Overdue: %s".formatted(requestId, task.getName());
      String body =
          """
          The review "%s" of martech request %s (%s) has passed its SLA and is still open.
          Please decide it in Tasklist.

          Tandem"""
              .formatted(task.getName(), requestId, TOOL_NAME.get(execution));
      for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          notifier.notifyGroup(
              requestId, "reminder-" + task.getId(), link.getGroupId(), subject, body);
          List<String> leaders = properties.leadership().get(link.getGroupId());
          if (leaders == null || leaders.isEmpty()) {
            notifier.notifyGroup(
                requestId,
                "escalation-" + task.getId(),
                TandemGroups.CAMUNDA_ADMIN,
                "Escalation: " + subject,
                body);
          } else {
            leaders.forEach(
                leader ->
                    notifier.notifyUser(
                        requestId,
                        "escalation-" + task.getId(),
                        leader,
                        "Escalation: " + subject,
                        body));
          }
        }
      }
      LOG.warn("Request {}: review {} passed its SLA; reminded and escalated", requestId, taskKey);
    }
  }
}
