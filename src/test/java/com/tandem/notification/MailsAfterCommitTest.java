package com.tandem.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.ProcessScenario;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The mails of a step leave only after its transaction committed, in the running application (H2,
 * the engine, GreenMail): a step that fails after deciding "Your input is needed" and is retried
 * three times mails nothing; the same step succeeding mails once, and only when the dispatcher
 * runs.
 */
class MailsAfterCommitTest extends ProcessScenario {

  static final String PROCESS = "outbox-test-question";

  @Autowired JdbcClient jdbc;
  String deploymentId;

  /** An async step creating the requester's question; then, optionally, a failure. */
  void deploy(boolean failAfterTheMail) {
    var task =
        Bpmn.createExecutableProcess(PROCESS)
            .camundaHistoryTimeToLive(1)
            .startEvent("StartEvent_Started")
            .userTask("Task_AnswerQuestion")
            .name("Say which team uses it")
            .camundaAsyncBefore()
            .camundaTaskListenerDelegateExpression("create", "${notifyRequesterListener}");
    if (failAfterTheMail) {
      // a later listener of the same step fails (as an insert at flush did in the issue)
      task = task.camundaTaskListenerExpression("create", "${noSuchBean.fail()}");
    }
    BpmnModelInstance model = task.endEvent("EndEvent_Done").done();
    deploymentId =
        repositoryService()
            .createDeployment()
            .addModelInstance(PROCESS + ".bpmn", model)
            .deploy()
            .getId();
  }

  @AfterEach
  void undeploy() {
    if (deploymentId != null) {
      repositoryService().deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void shouldMailNothingWhenTheStepFailsThreeTimesAfterDecidingItsMail() {
    deploy(true);
    String requestId = start();
    String instanceId =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(requestId)
            .singleResult()
            .getId();
    Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();

    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        managementService.executeJob(job.getId());
      } catch (RuntimeException expected) {
        // the executor records the failure and retries
      }
    }

    assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries())
        .as("the step used its three attempts")
        .isZero();
    assertThat(mailsTo("requester@tandem.example", requestId)).isEmpty();
    assertThat(outboxRows(requestId)).isZero();
  }

  @Test
  void shouldMailTheQuestionOnceAfterTheStepCommitted() {
    deploy(false);
    String requestId = start();
    runJobs();
    assertThat(outboxRows(requestId)).as("written with the step").isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM tandem_mail_outbox WHERE request_id = ? AND sent_at IS NULL")
                .param(requestId)
                .query(Long.class)
                .single())
        .as("not sent inside the step")
        .isEqualTo(1);

    assertThat(mailsTo("requester@tandem.example", requestId))
        .containsExactly("[%s] Your input is needed: Say which team uses it".formatted(requestId));
    assertThat(mailsTo("requester@tandem.example", requestId)).hasSize(1);
  }

  String start() {
    String requestId = "MTR-T-" + UUID.randomUUID().toString().substring(0, 8);
    runtimeService
        .createProcessInstanceByKey(PROCESS)
        .businessKey(requestId)
        .setVariable("requestId", requestId)
        .setVariable("requester", "requester")
        .setVariable("toolName", "Eventful")
        .execute();
    return requestId;
  }

  long outboxRows(String requestId) {
    return jdbc.sql("SELECT COUNT(*) FROM tandem_mail_outbox WHERE request_id = ?")
        .param(requestId)
        .query(Long.class)
        .single();
  }

  org.camunda.bpm.engine.RepositoryService repositoryService() {
    return engine.getRepositoryService();
  }
}
