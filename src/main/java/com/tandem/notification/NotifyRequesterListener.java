package com.tandem.notification;

import static com.tandem.process.PurchaseProcess.REQUESTER;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Tells the requester that a question waits for them in Tasklist (task create listener). */
@Component
public class NotifyRequesterListener implements TaskListener {

  private final Notifier notifier;
  private final PublicLinks links;

  public NotifyRequesterListener(Notifier notifier, PublicLinks links) {
    this.notifier = notifier;
    this.links = links;
  }

  @Override
  public void notify(DelegateTask task) {
    String requestId = REQUEST_ID.get(task);
    notifier.notifyUser(
        requestId,
        "question-" + task.getId(),
        REQUESTER.get(task),
        "[%s] Your input is needed: %s".formatted(requestId, task.getName()),
        """
        Hello,

        your martech request %s for %s needs your answer: %s.
        Answer it in Tasklist:
        %s

        The request's status and decisions: %s

        Tandem"""
            .formatted(
                requestId,
                TOOL_NAME.get(task),
                task.getName(),
                links.task(task.getId()),
                links.request(requestId)));
  }
}
