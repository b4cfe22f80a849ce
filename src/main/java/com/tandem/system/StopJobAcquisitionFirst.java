package com.tandem.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Graceful shutdown, first step: the job executor stops acquiring jobs as soon as the application
 * is asked to stop (SIGTERM), before anything else closes. Without it, the acquisition thread would
 * go on locking jobs that the closing thread pool then rejects, leaving them locked for {@code
 * camunda.bpm.job-execution.lock-time-in-millis} for every other node.
 *
 * <p>The jobs already running finish: the Camunda starter runs them on a Spring {@code
 * ThreadPoolTaskExecutor} ({@code camundaTaskExecutor}), which on context close takes no new task
 * and waits for the running ones, for at most {@code spring.lifecycle.timeout-per-shutdown-phase};
 * then the web server finishes its requests (server.shutdown=graceful), and the engine closes.
 */
@Component
class StopJobAcquisitionFirst implements ApplicationListener<ContextClosedEvent>, Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(StopJobAcquisitionFirst.class);

  private final ObjectProvider<ProcessEngine> engine;
  private final ApplicationContext context;

  StopJobAcquisitionFirst(ObjectProvider<ProcessEngine> engine, ApplicationContext context) {
    this.engine = engine;
    this.context = context;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void onApplicationEvent(ContextClosedEvent event) {
    if (event.getApplicationContext() != context) {
      return; // a child context closing (e.g. a separate management port), not Tandem
    }
    ProcessEngine processEngine = engine.getIfAvailable();
    if (processEngine == null
        || !(processEngine.getProcessEngineConfiguration()
            instanceof ProcessEngineConfigurationImpl configuration)) {
      return;
    }
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor != null && jobExecutor.isActive()) {
      LOG.info("Shutting down: job acquisition stopped; running jobs finish first");
      // stops and joins the acquisition thread; the Spring job executor leaves running jobs alone
      jobExecutor.shutdown();
    }
  }
}
