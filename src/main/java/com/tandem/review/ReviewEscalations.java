package com.tandem.review;

import com.tandem.notification.Notifier;
import com.tandem.request.TandemGroups;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A review that passed its SLA: its group is reminded, the group's leadership (or the
 * administrators) told, and the task's priority raised so it sorts first in Tasklist. The task
 * itself stays open. Each mail is sent once per task, however often this runs.
 */
@Service
public class ReviewEscalations {

  static final int ESCALATED_PRIORITY = 80;
  private static final Logger LOG = LoggerFactory.getLogger(ReviewEscalations.class);

  private final TaskService taskService;
  private final Notifier notifier;
  private final EscalationProperties properties;

  public ReviewEscalations(
      TaskService taskService, Notifier notifier, EscalationProperties properties) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.properties = properties;
  }

  /** Escalates the open tasks {@code taskKey} of the process instance. */
  public void escalate(
      String requestId, String toolName, String processInstanceId, String taskKey) {
    List<Task> late =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
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
              .formatted(task.getName(), requestId, toolName);
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
