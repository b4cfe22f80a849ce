package com.tandem.system;

import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.util.ExceptionUtil;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.spring.SpringTransactionContext;
import org.camunda.bpm.engine.spring.SpringTransactionInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's queries (a Tasklist filter's list and count, a REST {@code GET /task}, any {@code
 * createXxxQuery().list()}) run in auto-commit when no transaction is open, instead of in a
 * transaction of their own.
 *
 * <p>Camunda's Spring integration runs every command in a {@code REQUIRED} transaction, so on MySQL
 * each query was four statements: {@code SET autocommit=0}, the {@code SELECT}, {@code COMMIT},
 * {@code SET autocommit=1}; it is now one. A query reads only, and one {@code SELECT} is consistent
 * by itself. Inside a transaction (a query a delegate makes during a step) it joins that
 * transaction as before and sees its writes. Every other command is untouched.
 *
 * <p>Two pieces, installed after the engine is built:
 *
 * <ul>
 *   <li>the transaction interceptor of the engine's command chain is replaced by one that runs
 *       queries {@code SUPPORTS} (every other command {@code REQUIRED}, as Camunda does);
 *   <li>the transaction context rolls back only a transaction that exists: Camunda's marks "the
 *       current transaction" rollback-only by asking the transaction manager for one, which outside
 *       a transaction would begin a new one that nobody ends (a query that fails would leave a
 *       connection bound to the thread).
 * </ul>
 *
 * <p>Measured in the end-to-end capacity benchmark (docs/benchmark.md).
 */
@Component
public class QueriesWithoutTransaction extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(QueriesWithoutTransaction.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration instanceof SpringProcessEngineConfiguration spring)
        || spring.getTransactionManager() == null) {
      return;
    }
    PlatformTransactionManager transactions = spring.getTransactionManager();
    CommandExecutor node = configuration.getCommandExecutorTxRequired();
    while (node instanceof CommandInterceptor interceptor) {
      if (interceptor.getNext() instanceof SpringTransactionInterceptor camunda
          && !(camunda instanceof QueriesSupportTransactions)) {
        QueriesSupportTransactions replacement =
            new QueriesSupportTransactions(transactions, configuration);
        replacement.setNext(camunda.getNext());
        interceptor.setNext(replacement);
        configuration.setTransactionContextFactory(
            commandContext -> new RollbackOnlyWhatExists(transactions, commandContext));
        LOG.debug("Engine queries run without a transaction of their own");
        return;
      }
      node = interceptor.getNext();
    }
    LOG.warn(
        "Camunda's transaction interceptor was not found in the command chain;"
            + " engine queries keep a transaction of their own");
  }

  /**
   * The commands that only read: a query, and the execution of a saved filter (Tasklist's lists),
   * which reads the filter and runs its query.
   */
  static boolean readsOnly(Command<?> command) {
    return command instanceof AbstractQuery<?, ?> || command instanceof AbstractExecuteFilterCmd;
  }

  /** Queries {@code SUPPORTS} a transaction; every other command {@code REQUIRED}, as before. */
  static final class QueriesSupportTransactions extends SpringTransactionInterceptor {

    QueriesSupportTransactions(
        PlatformTransactionManager transactions, ProcessEngineConfigurationImpl configuration) {
      super(transactions, TransactionDefinition.PROPAGATION_REQUIRED, configuration);
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (!readsOnly(command) || TransactionSynchronizationManager.isActualTransactionActive()) {
        return super.execute(command);
      }
      TransactionTemplate template = new TransactionTemplate(transactionManager);
      template.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
      try {
        return template.execute(status -> next.execute(command));
      } catch (TransactionSystemException e) {
        throw ExceptionUtil.wrapPersistenceException(e);
      }
    }
  }

  /** Marks the transaction rollback-only if there is one; a query outside one has none. */
  static final class RollbackOnlyWhatExists extends SpringTransactionContext {

    RollbackOnlyWhatExists(PlatformTransactionManager transactions, CommandContext commandContext) {
      super(transactions, commandContext);
    }

    @Override
    public void rollback() {
      if (TransactionSynchronizationManager.isActualTransactionActive()) {
        super.rollback();
      }
    }
  }
}
