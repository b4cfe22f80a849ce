package com.tandem.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The benchmark's clients wait for the engine instead of polling it: a plug-in, installed alike in
 * both engines, that wakes the client of a request when a transaction that created one of its user
 * tasks, or ended one of its process instances, has committed. A Tasklist user does not ask a
 * hundred times a second; a client that did (a query every 10 ms while a step ran) spent the
 * machine's two cores on asking, and more of them on the side whose steps take longer.
 */
final class WakeOnCommit extends AbstractProcessEnginePlugin {

  private final Map<String, Semaphore> waiting = new ConcurrentHashMap<>();

  /**
   * Waits until something of the request's changed since the last wait, or {@code millis} passed (a
   * safety net: the caller looks again either way).
   */
  void await(String businessKey, long millis) throws InterruptedException {
    Semaphore signal = waiting.computeIfAbsent(businessKey, k -> new Semaphore(0));
    if (signal.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
      signal.drainPermits();
    }
  }

  /** The request is over: forget its signal. */
  void forget(String businessKey) {
    waiting.remove(businessKey);
  }

  private void wakeAfterCommit(String businessKey) {
    if (businessKey == null) {
      return;
    }
    Context.getCommandContext()
        .getTransactionContext()
        .addTransactionListener(
            TransactionState.COMMITTED,
            context -> waiting.computeIfAbsent(businessKey, k -> new Semaphore(0)).release());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new java.util.ArrayList<>());
    }
    TaskListener created = task -> wakeAfterCommit(task.getExecution().getProcessBusinessKey());
    ExecutionListener ended =
        (DelegateExecution execution) -> wakeAfterCommit(execution.getProcessBusinessKey());
    configuration
        .getCustomPostBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition =
                    ((org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior)
                            activity.getActivityBehavior())
                        .getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, created);
              }

              @Override
              public void parseProcess(
                  Element element,
                  org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity process) {
                process.addListener(ExecutionListener.EVENTNAME_END, ended);
              }
            });
  }
}
