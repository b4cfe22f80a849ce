package com.tandem.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What completing one user task decides, as {@link RecordDecisionListener} checks and records it:
 * the stage it is recorded under, the variable holding the decision and its allowed values, the
 * comment variable and for which decisions a comment is required. Each feature declares the
 * decisions of its own tasks as beans ({@link TaskDecisions}).
 *
 * @param allowed the allowed values; null means any amount (a number), e.g. a proposal
 * @param commentRequiredFor decisions that need a comment; null means a comment is always needed
 * @param commentMissing the message when a required comment is missing; null for the default one
 * @param recording how the checked decision is written to the request's decision log
 */
public record TaskDecision(
    String taskKey,
    String stage,
    ProcessVariable<?> decision,
    Set<String> allowed,
    ProcessVariable<String> comment,
    Set<String> commentRequiredFor,
    String commentMissing,
    Recording recording) {

  /** A decision recorded as it was taken. */
  public TaskDecision(
      String taskKey,
      String stage,
      ProcessVariable<?> decision,
      Set<String> allowed,
      ProcessVariable<String> comment,
      Set<String> commentRequiredFor) {
    this(taskKey, stage, decision, allowed, comment, commentRequiredFor, null, Recording.AS_TAKEN);
  }

  /** The same decision, recorded the way {@code recording} says. */
  public TaskDecision recordedAs(Recording recording) {
    return new TaskDecision(
        taskKey, stage, decision, allowed, comment, commentRequiredFor, commentMissing, recording);
  }

  /** The same decision, with its own message when the required comment is missing. */
  public TaskDecision withCommentMissing(String message) {
    return new TaskDecision(
        taskKey, stage, decision, allowed, comment, commentRequiredFor, message, recording);
  }

  boolean commentRequired(String value) {
    return commentRequiredFor == null || commentRequiredFor.contains(value);
  }

  /** The decision and comment as they go into the decision log. */
  public record Recorded(String decision, String comment) {}

  /**
   * Turns a checked decision into what the decision log shows, and does what the task's feature
   * must do with it in the completing transaction.
   */
  @FunctionalInterface
  public interface Recording {
    Recording AS_TAKEN = (task, decision, comment) -> new Recorded(decision, comment);

    Recorded record(DelegateTask task, String decision, String comment);
  }
}
