package com.tandem.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * A task listener that refuses a completion (a missing reason, an export not recorded) throws a
 * {@link BadUserRequestException} with a sentence for the person; the engine wraps every exception
 * of a task listener in a plain {@link ProcessEngineException} "ENGINE-03051 There was an exception
 * while invoking the TaskListener…", which it logs as an ERROR with its stack trace and which the
 * REST API answers with a 500. This interceptor, inside the command context, hands the refusal on
 * as it was thrown: the engine logs it at DEBUG (as it does every BadUserRequestException) and
 * {@link EngineRestRefusals} answers it with a 400 carrying its sentence. The transaction is rolled
 * back all the same.
 */
@Component
public class RefusalsAsTheyAre extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors =
        configuration.getCustomPostCommandInterceptorsTxRequired() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    interceptors.add(new Unwrap());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * The refusal a listener threw, when {@code failure} is only the engine's wrapping of it: plain
   * {@link ProcessEngineException}s ("ENGINE-03051 … TaskListener", "Exception while invoking
   * TaskListener: …") around a {@link BadUserRequestException}.
   */
  static BadUserRequestException refusal(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; depth < 5 && cause != null; depth++) {
      if (cause.getClass() != ProcessEngineException.class) {
        return null;
      }
      cause = cause.getCause();
      if (cause instanceof BadUserRequestException refusal) {
        return refusal;
      }
    }
    return null;
  }

  static class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException failure) {
        BadUserRequestException refusal = refusal(failure);
        throw refusal != null ? refusal : failure;
      }
    }
  }
}
