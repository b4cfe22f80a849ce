package com.tandem.review;

import com.tandem.notification.TaskEscalations;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
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

  private static final Logger LOG = LoggerFactory.getLogger(ReviewEscalations.class);

  private final TaskService taskService;
  private final TaskEscalations escalations;

  public ReviewEscalations(TaskService taskService, TaskEscalations escalations) {
    this.taskService = taskService;
    this.escalations = escalations;
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
      String subject = "[%s] Overdue: %s".formatted(requestId, task.getName());
      String body =
          """
          The review "%s" of martech request %s (%s) has passed its SLA and is still open.
          Please decide it in Tasklist.

          Tandem"""
              .formatted(task.getName(), requestId, toolName);
      escalations.escalate(requestId, task, subject, body);
      LOG.warn("Request {}: review {} passed its SLA; reminded and escalated", requestId, taskKey);
    }
  }
}
