package com.tandem.system;

import com.tandem.web.DatabaseUnreachable;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A step that failed because the database could not be reached does not use up a retry.
 *
 * <p>Camunda gives a job 3 retries (or its {@code failedJobRetryTimeCycle}'s) and turns the last
 * failure into an incident that someone must resolve in Cockpit. A failure because the database is
 * away says nothing about the step: it never got to do anything, and done again once the database
 * answers it behaves as it would have. Counting it would let a restart of the database, or a few
 * seconds of it flapping, turn ordinary steps into incidents.
 *
 * <p>What happens to a job during an outage:
 *
 * <ul>
 *   <li>While the database is away, nothing about a failed job can be written: the engine's attempt
 *       to record the failure (this command) fails too, and the job stays as it was, locked by its
 *       node until its lock runs out ({@code camunda.bpm.job-execution.lock-time-in-millis}, 60 s
 *       after it was acquired). Then any node runs it again, retries untouched. No job is acquired
 *       while the database is away.
 *   <li>When the failure can be recorded (the database came back in between, or it flaps, or every
 *       pooled connection was busy for the pool's whole connection timeout), this command records
 *       it without counting it: the job keeps its retries and runs again after {@code
 *       tandem.database-outage.job-retry-delay} (10 s), as a retry time cycle would schedule it.
 *       Its exception is not stored either, so that Camunda's retry time cycles, which recognise a
 *       job's first failure by the absence of one, count a later real failure as they should.
 *   <li>Every other failure is handled by Camunda's own command, unchanged.
 * </ul>
 */
@Component
class DatabaseOutageJobRetries extends AbstractProcessEnginePlugin {

  private final Duration retryDelay;

  DatabaseOutageJobRetries(
      @Value("${tandem.database-outage.job-retry-delay:PT10S}") Duration retryDelay) {
    this.retryDelay = retryDelay;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setFailedJobCommandFactory(new Factory(retryDelay));
  }

  /** Makes the command Camunda runs, in a transaction of its own, after a job failed. */
  record Factory(Duration retryDelay) implements FailedJobCommandFactory {
    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      return new RetryCmd(jobId, exception, retryDelay);
    }
  }

  static final class RetryCmd extends DefaultJobRetryCmd {

    private final Duration retryDelay;

    RetryCmd(String jobId, Throwable exception, Duration retryDelay) {
      super(jobId, exception);
      this.retryDelay = retryDelay;
    }

    @Override
    public Object execute(CommandContext commandContext) {
      if (exception == null || !DatabaseUnreachable.orNoConnectionIsCauseOf(exception)) {
        return super.execute(commandContext);
      }
      JobEntity job = getJob();
      if (job != null) {
        // still locked by this node, until then: no node acquires it earlier (as a retry time
        // cycle delays a job); the retries stay as they are
        job.setLockExpirationTime(
            new Date(ClockUtil.getCurrentTime().getTime() + retryDelay.toMillis()));
      }
      return null;
    }
  }
}
