package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.testsupport.InMemoryEngine;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A step that failed because the database could not be reached keeps its retries and runs again a
 * little later; every other failure uses up retries and ends as an incident, as in Camunda. A real
 * engine (in-memory H2) with Tandem's plug-in; the failures are those a lost database raises.
 */
class DatabaseOutageJobRetriesTest {

  private static final Date NOW = new Date(1_800_000_000_000L);

  private static final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private static ProcessEngine engine;
  private String instance;

  @BeforeAll
  static void engine() {
    ProcessEngineConfigurationImpl configuration = InMemoryEngine.configuration("outage-retries");
    JavaDelegate step =
        execution -> {
          RuntimeException next = failure.get();
          if (next != null) {
            throw next;
          }
        };
    configuration.setBeans(Map.of("step", step));
    configuration
        .getProcessEnginePlugins()
        .add(new DatabaseOutageJobRetries(Duration.ofSeconds(10)));
    engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "step.bpmn",
            Bpmn.createExecutableProcess("Process_Step")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_Step")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${step}")
                .endEvent()
                .done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @BeforeEach
  void clock() {
    ClockUtil.setCurrentTime(NOW);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
    failure.set(null);
  }

  private void start() {
    instance = engine.getRuntimeService().startProcessInstanceByKey("Process_Step").getId();
  }

  @Test
  void shouldKeepRetriesWhileTheDatabaseCannotBeReached() {
    failure.set(
        new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5001ms",
                "08S01",
                new SQLRecoverableException("Communications link failure", "08S01"))));
    start();

    for (int attempt = 0; attempt < 5; attempt++) {
      String jobId = job().getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
          .isInstanceOf(CannotCreateTransactionException.class);
      JobEntity job = (JobEntity) job();
      assertThat(job.getRetries()).as("retries after failure %d", attempt + 1).isEqualTo(3);
      assertThat(job.getLockExpirationTime())
          .as("runs again 10 s later")
          .isEqualTo(new Date(NOW.getTime() + 10_000));
      assertThat(job.getExceptionMessage()).isNull();
    }
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count())
        .isZero();

    failure.set(null); // the database is back
    engine.getManagementService().executeJob(job().getId());
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .count())
        .as("the step ran and the process ended")
        .isZero();
  }

  @Test
  void shouldKeepRetriesWhenEveryPooledConnectionStayedBusy() {
    failure.set(
        new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms")));
    start();

    String jobId = job().getId();
    assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId));

    assertThat(job().getRetries()).isEqualTo(3);
  }

  @Test
  void shouldUseUpRetriesAndRaiseAnIncidentForAnyOtherFailure() {
    failure.set(new IllegalStateException("Connection refused: cmdb.example:443"));
    start();

    for (int retriesLeft = 2; retriesLeft >= 0; retriesLeft--) {
      String jobId = job().getId();
      assertThatThrownBy(() -> engine.getManagementService().executeJob(jobId))
          .hasMessageContaining("cmdb.example");
      assertThat(job().getRetries()).isEqualTo(retriesLeft);
    }
    assertThat(job().getExceptionMessage()).contains("cmdb.example");
    assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).count())
        .isEqualTo(1);
  }

  private Job job() {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(instance)
        .singleResult();
  }
}
