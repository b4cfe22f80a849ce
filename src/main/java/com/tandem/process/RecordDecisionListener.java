package com.tandem.process;

import com.tandem.request.RequestRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Completing a user task records its decision (stage, decision, by, at, comment) in the registry,
 * under the id of its case: a purchase request or a shadow-IT finding ({@link CaseIds}). A missing
 * or unknown decision, or a missing comment where one is required, refuses the completion with a
 * message Tasklist shows, whatever client completed the task. What each task decides is declared by
 * its feature ({@link TaskDecisions}).
 */
@Component
public class RecordDecisionListener implements TaskListener {

  private final RequestRegistry registry;
  private final IdentityService identityService;
  private final Map<String, TaskDecision> byTask;

  public RecordDecisionListener(
      RequestRegistry registry, IdentityService identityService, List<TaskDecisions> features) {
    this.registry = registry;
    this.identityService = identityService;
    this.byTask =
        features.stream()
            .flatMap(feature -> feature.decisions().stream())
            .collect(Collectors.toUnmodifiableMap(TaskDecision::taskKey, Function.identity()));
  }

  /**
   * Refuses a completion that brings a text longer than Camunda keeps of a String variable: stored,
   * it would fail the whole transaction with a database error instead of this message. Forms bound
   * their text fields to the same length.
   */
  private static void refuseOverlongText(DelegateTask task) {
    // typed and not deserialized: only String values are checked, JSON and objects stay as stored
    for (VariableMap variables :
        List.of(task.getVariablesLocalTyped(false), task.getVariablesTyped(false))) {
      for (String name : variables.keySet()) {
        refuseOverlong(name, variables.getValueTyped(name));
      }
    }
  }

  private static void refuseOverlong(String name, TypedValue value) {
    if (value instanceof StringValue text
        && text.getValue() != null
        && text.getValue().length() > BoundedText.MAX_STRING) {
      throw new BadUserRequestException(
          "%s must be at most %d characters (it has %d)."
              .formatted(name, BoundedText.MAX_STRING, text.getValue().length()));
    }
  }

  @Override
  public void notify(DelegateTask task) {
    TaskDecision spec = byTask.get(task.getTaskDefinitionKey());
    if (spec == null) {
      throw new IllegalStateException(
          "No decision is defined for task " + task.getTaskDefinitionKey());
    }
    refuseOverlongText(task);
    Object raw = spec.decision().raw(task);
    if (raw == null || raw.toString().isBlank()) {
      throw new BadUserRequestException(
          "Please choose a decision (" + spec.decision().name() + ") before completing.");
    }
    String decision = raw.toString();
    if (spec.allowed() != null && !spec.allowed().contains(decision)) {
      throw new BadUserRequestException(
          "'%s' is not a valid %s; choose one of %s"
              .formatted(decision, spec.decision().name(), spec.allowed()));
    }
    String comment =
        spec.comment() == null ? null : spec.comment().find(task).map(String::strip).orElse(null);
    if (spec.comment() != null
        && spec.commentRequired(decision)
        && (comment == null || comment.isEmpty())) {
      throw new BadUserRequestException(
          spec.commentMissing() != null
              ? spec.commentMissing()
              : "Please explain your decision in "
                  + spec.comment().name()
                  + ": it is required when the decision is "
                  + decision
                  + ".");
    }
    if (raw instanceof Number amount) {
      var money = new BigDecimal(amount.toString());
      if (money.signum() < 0 || money.stripTrailingZeros().scale() > 2) {
        throw new BadUserRequestException(
            spec.decision().name() + " must be a positive amount with at most two decimals.");
      }
      decision = "PROPOSED " + money.setScale(2).toPlainString();
    }
    TaskDecision.Recorded recorded = spec.recording().record(task, decision, comment);
    String by =
        Optional.ofNullable(identityService.getCurrentAuthentication())
            .map(Authentication::getUserId)
            .orElse(task.getAssignee());
    registry.recordDecision(
        CaseIds.get(task), task.getId(), spec.stage(), recorded.decision(), by, recorded.comment());
  }
}
