package com.tandem.process;

import static com.tandem.process.PurchaseProcess.TOOL_NAME;

import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * A service step of the process. When the service behind it fails, the step fails with a message an
 * operator understands in Cockpit: which request, what the step was doing and what failed. The step
 * runs as a job: its transaction is rolled back, the job is retried, and after the last retry
 * Cockpit shows an incident whose "Retry" runs the step again; the step's side effects are
 * idempotent, so a retry never does anything twice.
 */
public abstract class RequestStep implements JavaDelegate {

  private final String purpose;

  /**
   * @param purpose what the step does, completing "could not …", e.g. "place the budget holds"
   */
  protected RequestStep(String purpose) {
    this.purpose = purpose;
  }

  @Override
  public final void execute(DelegateExecution execution) {
    try {
      run(execution);
    } catch (ProcessEngineException engineOrBusinessError) {
      throw engineOrBusinessError;
    } catch (RuntimeException serviceFailure) {
      throw new RequestStepFailedException(
          "%s (%s): could not %s. %s Retrying is safe: the step never does anything twice."
              .formatted(
                  CaseIds.find(execution)
                      .or(() -> Optional.ofNullable(execution.getProcessBusinessKey()))
                      .orElse("Case without id"),
                  TOOL_NAME.find(execution).orElse("unknown tool"),
                  purpose,
                  rootCause(serviceFailure)),
          serviceFailure);
    }
  }

  protected abstract void run(DelegateExecution execution);

  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return "The cause: "
        + (message.length() > 600 ? message.substring(0, 600) + "…" : message)
        + (message.endsWith(".") ? "" : ".");
  }

  /** A service step failed; its message is what Cockpit shows on the incident. */
  public static class RequestStepFailedException extends ProcessEngineException {
    public RequestStepFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
