package com.tandem.notification;

import com.tandem.request.TandemGroups;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * A task that is late: its candidate groups are reminded, each group's leadership ({@code
 * tandem.escalation.leadership}, or the administrators) is told, and the task's priority is raised
 * so it sorts first in Tasklist. The task itself stays open. Each mail is sent once per task,
 * however often this runs.
 */
@Service
public class TaskEscalations {

  /** The priority of an escalated task (Camunda's default is 50). */
  public static final int ESCALATED_PRIORITY = 80;

  private final TaskService taskService;
  private final Notifier notifier;
  private final EscalationProperties properties;
  private final PublicLinks links;

  public TaskEscalations(
      TaskService taskService,
      Notifier notifier,
      EscalationProperties properties,
      PublicLinks links) {
    this.taskService = taskService;
    this.notifier = notifier;
    this.properties = properties;
    this.links = links;
  }

  /**
   * Escalates {@code task} of the case {@code caseId} with the mail {@code subject} and {@code
   * body}; the leadership's copy is marked "Escalation:".
   */
  public void escalate(String caseId, Task task, String subject, String text) {
    taskService.setPriority(task.getId(), ESCALATED_PRIORITY);
    String body = text + "\n\nThe task in Tasklist: " + links.task(task.getId());
    for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        String group = link.getGroupId();
        notifier.notifyGroup(caseId, "reminder-" + task.getId(), group, subject, body);
        List<String> leaders = properties.leadership().get(group);
        if (leaders == null || leaders.isEmpty()) {
          notifier.notifyGroup(
              caseId,
              "escalation-" + task.getId(),
              TandemGroups.CAMUNDA_ADMIN,
              "Escalation: " + subject,
              body);
        } else {
          leaders.forEach(
              leader ->
                  notifier.notifyUser(
                      caseId,
                      "escalation-" + task.getId(),
                      leader,
                      "Escalation: " + subject,
                      body));
        }
      }
    }
  }
}
