package com.tandem.review;

import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.PurchaseProcess;
import com.tandem.request.RequestRegistry;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completing a user task records its decision (stage, decision, by, at, comment) in the registry. A
 * missing or unknown decision, or a missing comment where one is required, refuses the completion
 * with a message Tasklist shows, whatever client completed the task.
 */
@Component
public class RecordDecisionListener implements TaskListener {

  private final RequestRegistry registry;
  private final IdentityService identityService;

  public RecordDecisionListener(RequestRegistry registry, IdentityService identityService) {
    this.registry = registry;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    ReviewDecisionSpec spec = ReviewDecisionSpec.BY_TASK.get(task.getTaskDefinitionKey());
    if (spec == null) {
      throw new IllegalStateException(
          "No decision is defined for task " + task.getTaskDefinitionKey());
    }
    Object raw = spec.decision().find(task).orElse(null);
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
    if (comment != null && comment.length() > 4000) {
      throw new BadUserRequestException(
          spec.comment().name() + " must be at most 4000 characters.");
    }
    if (raw instanceof Number amount) {
      var money = new java.math.BigDecimal(amount.toString());
      if (money.signum() < 0 || money.stripTrailingZeros().scale() > 2) {
        throw new BadUserRequestException(
            spec.decision().name() + " must be a positive amount with at most two decimals.");
      }
      decision = "PROPOSED " + money.setScale(2).toPlainString();
    }
    switch (task.getTaskDefinitionKey()) {
      case PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL -> {
        decision = Boolean.parseBoolean(decision) ? "USE_EXISTING_TOOL" : "NEW_TOOL_NEEDED";
        registry.setNewToolJustification(REQUEST_ID.get(task), comment);
      }
      case PurchaseProcess.Elements.COMPLETE_ONBOARDING -> {
        boolean dpa = Boolean.TRUE.equals(task.getVariable(DPA_SIGNED.name()));
        comment =
            "SSO configured: %s; DPA signed: %s.%s"
                .formatted(
                    yesNo(Boolean.parseBoolean(decision)),
                    yesNo(dpa),
                    comment == null || comment.isEmpty() ? "" : " " + comment);
        decision = "COMPLETED";
      }
      default -> {}
    }
    String by =
        Optional.ofNullable(identityService.getCurrentAuthentication())
            .map(Authentication::getUserId)
            .orElse(task.getAssignee());
    registry.recordDecision(
        REQUEST_ID.get(task), task.getId(), spec.stage(), decision, by, comment);
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
