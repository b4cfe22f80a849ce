package com.tandem.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The id of the case a step or task works on: a purchase request ({@link
 * PurchaseProcess#REQUEST_ID}, {@code MTR-…}), a shadow-IT finding ({@link
 * ShadowItProcess#FINDING_ID}, {@code SIT-…}) or a renewal ({@link #RENEWAL_ID}, {@code REN-…}).
 * The joint review, the joint budget proposal and the board, the task listeners and the decision
 * log serve them all.
 */
public final class CaseIds {

  /**
   * The id of a {@code tool-renewal} case ({@code REN-…}): declared here, where the steps shared
   * with the renewal (the proposal, the board) can read it; {@code renewal.RenewalProcess} names it
   * for its own code.
   */
  public static final ProcessVariable<String> RENEWAL_ID = ProcessVariable.string("renewalId");

  private CaseIds() {}

  /** The case id, or empty outside a case. */
  public static Optional<String> find(VariableScope scope) {
    return PurchaseProcess.REQUEST_ID
        .find(scope)
        .or(() -> ShadowItProcess.FINDING_ID.find(scope))
        .or(() -> RENEWAL_ID.find(scope));
  }

  /** The case id, which must be set. */
  public static String get(VariableScope scope) {
    return find(scope)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "None of '%s', '%s' and '%s' is set"
                        .formatted(
                            PurchaseProcess.REQUEST_ID, ShadowItProcess.FINDING_ID, RENEWAL_ID)));
  }
}
