package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.process.ProcessScenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterListCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's queries run in auto-commit outside a transaction, join one when there is one, leave
 * nothing bound to the thread when they fail, and every other command still runs in a transaction
 * of its own (on the real application).
 */
class QueriesWithoutTransactionTest extends ProcessScenario {

  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired TransactionTemplate transactions;

  private String taskId;

  @AfterEach
  void removeTask() {
    if (taskId != null) {
      taskService.deleteTask(taskId, true);
    }
  }

  /** A query that notes whether it ran in a transaction, and fails when asked to. */
  static final class Probe extends AbstractQuery<Probe, Object> {
    final AtomicReference<Boolean> inTransaction = new AtomicReference<>();
    final boolean fail;

    Probe(CommandExecutor executor, boolean fail) {
      super(executor);
      this.fail = fail;
    }

    @Override
    public long executeCount(CommandContext commandContext) {
      inTransaction.set(TransactionSynchronizationManager.isActualTransactionActive());
      // a real read through the engine's session: the connection is used, not only bound
      commandContext.getTaskManager().findTaskById("no such task");
      if (fail) {
        throw new IllegalStateException("the query failed");
      }
      return 0;
    }

    @Override
    public List<Object> executeList(
        CommandContext commandContext, org.camunda.bpm.engine.impl.Page page) {
      executeCount(commandContext);
      return List.of();
    }
  }

  private Probe probe(boolean fail) {
    return new Probe(configuration.getCommandExecutorTxRequired(), fail);
  }

  @Test
  void shouldRunAQueryOutsideATransactionInAutoCommit() {
    Probe probe = probe(false);
    assertThat(probe.count()).isZero();
    assertThat(probe.inTransaction.get()).isFalse();
    assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
  }

  @Test
  void shouldJoinTheTransactionItRunsInAndSeeItsWrites() {
    Probe probe = probe(false);
    long seen =
        transactions.execute(
            status -> {
              Task task = taskService.newTask();
              task.setName("Seen only by this transaction");
              taskService.saveTask(task);
              taskId = task.getId();
              probe.count();
              long count = taskService.createTaskQuery().taskId(task.getId()).count();
              status.setRollbackOnly();
              return count;
            });
    assertThat(probe.inTransaction.get()).isTrue();
    assertThat(seen).isEqualTo(1);
    // rolled back with the transaction it joined
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    taskId = null;
  }

  @Test
  void shouldLeaveNothingBoundToTheThreadWhenAQueryFails() throws Exception {
    assertThatThrownBy(() -> probe(true).count()).hasMessageContaining("the query failed");
    assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();

    // the next command on this thread writes in a transaction of its own, and it commits
    Task task = taskService.newTask();
    task.setName("Written after a failed query");
    taskService.saveTask(task);
    taskId = task.getId();
    long seenElsewhere =
        CompletableFuture.supplyAsync(
                () -> taskService.createTaskQuery().taskId(task.getId()).count())
            .get(30, TimeUnit.SECONDS);
    assertThat(seenElsewhere).isEqualTo(1);
  }

  @Test
  void shouldTreatQueriesAndTasklistFiltersAsReadsAndNothingElse() {
    assertThat(QueriesWithoutTransaction.readsOnly((TaskQueryImpl) taskService.createTaskQuery()))
        .isTrue();
    assertThat(QueriesWithoutTransaction.readsOnly(new ExecuteFilterListCmd("a-filter"))).isTrue();
    assertThat(QueriesWithoutTransaction.readsOnly(new ExecuteFilterCountCmd("a-filter"))).isTrue();
    assertThat(QueriesWithoutTransaction.readsOnly(new CompleteTaskCmd("a-task", Map.of())))
        .isFalse();
    assertThat(QueriesWithoutTransaction.readsOnly(new SaveFilterCmd(null))).isFalse();
  }

  @Test
  void shouldRunEveryOtherCommandInATransactionOfItsOwn() {
    Boolean inTransaction =
        configuration
            .getCommandExecutorTxRequired()
            .execute(context -> TransactionSynchronizationManager.isActualTransactionActive());
    assertThat(inTransaction).isTrue();
  }
}
