package com.tandem.offboarding;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * An offboarding that cannot start: unknown tool, a tool that is not ACTIVE, one already being
 * offboarded, or a start without a reason. Its message is what Tasklist shows the starter; the API
 * answers with the status of its {@link Kind}.
 */
public class OffboardingRefusedException extends BadUserRequestException {

  /** Why the start was refused. */
  public enum Kind {
    UNKNOWN_TOOL,
    NOT_ACTIVE,
    ALREADY_RUNNING,
    BAD_INPUT
  }

  private final Kind kind;

  public OffboardingRefusedException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
