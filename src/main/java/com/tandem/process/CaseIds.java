package com.tandem.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The id of the case a step or task works on: a purchase request ({@link
 * PurchaseProcess#REQUEST_ID}, {@code MTR-…}) or a shadow-IT finding ({@link
 * ShadowItProcess#FINDING_ID}, {@code SIT-…}). The joint review, the task listeners and the
 * decision log serve both.
 */
public final class CaseIds {

  private CaseIds() {}

  /** The case id, or empty outside a case. */
  public static Optional<String> find(VariableScope scope) {
    return PurchaseProcess.REQUEST_ID.find(scope).or(() -> ShadowItProcess.FINDING_ID.find(scope));
  }

  /** The case id, which must be set. */
  public static String get(VariableScope scope) {
    return find(scope)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Neither '%s' nor '%s' is set"
                        .formatted(PurchaseProcess.REQUEST_ID, ShadowItProcess.FINDING_ID)));
  }
}
