package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskPresentationListener;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request's joint review on the real application: the tasks' presentation copies are there while
 * the review runs (what forms and Tasklist show) and not in the engine's history; the review's
 * inputs and every decision of it are.
 */
class CopiesWithoutHistoryInTandemTest extends ProcessScenario {

  @Autowired HistoryService history;

  private Map<String, Object> historyOf(String instanceId) {
    return history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId)
        .disableCustomObjectDeserialization()
        .list()
        .stream()
        .filter(v -> v.getTaskId() == null)
        .collect(
            Collectors.toMap(
                HistoricVariableInstance::getName,
                v -> v.getTypedValue().getValue() == null ? "(null)" : v.getTypedValue().getValue(),
                (a, b) -> b));
  }

  @Test
  void shouldKeepTheTasksColumnsOutOfTheHistoryAndTheReviewsInputsAndDecisionsIn() {
    String requestId = submitForReview(intake());
    ProcessInstance review =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(JointReviewProcess.PROCESS_KEY)
            .processInstanceBusinessKey(requestId)
            .singleResult();
    Task marketing = task(requestId, JointReviewProcess.Elements.REVIEW_MARKETING);

    // what the reviewer's form and Tasklist's columns read is there
    assertThat(runtimeService.getVariables(review.getId()))
        .containsEntry("toolName", "Eventful")
        .containsEntry("vendor", "Eventful Inc.")
        .containsEntry("requestId", requestId);
    assertThat(taskService.getVariablesLocal(marketing.getId()))
        .containsEntry("listToolName", "Eventful")
        .containsEntry("listRequestId", requestId)
        .containsEntry("annualLicenseCostText", "USD 12,000.00");
    // the request's own values are in the history
    assertThat(historyOf(instance(requestId).getId()))
        .containsEntry("toolName", "Eventful")
        .containsEntry("vendor", "Eventful Inc.");
    // the review round's copies stay the record of what it was given
    assertThat(historyOf(review.getId()))
        .containsEntry("toolName", "Eventful")
        .containsEntry("requestId", requestId);
    assertThat(history.createHistoricVariableInstanceQuery().taskIdIn(marketing.getId()).list())
        .extracting(HistoricVariableInstance::getName)
        .doesNotContainAnyElementsOf(TaskPresentationListener.PRESENTATION_COPIES);

    complete(
        requestId,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        PurchaseProcess.MARKETING_DECISION.name(),
        "APPROVE",
        PurchaseProcess.MARKETING_COMMENT.name(),
        "Fits the plan.");
    complete(
        requestId,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        PurchaseProcess.IT_DECISION.name(),
        "APPROVE",
        PurchaseProcess.IT_COMMENT.name(),
        "SSO checked.",
        "itChecklistSso",
        true);

    assertThat(historyOf(review.getId()))
        .containsEntry("marketingDecision", "APPROVE")
        .containsEntry("marketingComment", "Fits the plan.")
        .containsEntry("itDecision", "APPROVE")
        .containsEntry("itChecklistSso", true)
        .containsEntry("reviewOutcome", "APPROVED");
    assertThat(status(requestId).name()).isEqualTo("NEGOTIATION");
  }
}
