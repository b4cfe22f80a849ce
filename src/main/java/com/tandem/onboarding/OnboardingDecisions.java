package com.tandem.onboarding;

import static com.tandem.process.PurchaseProcess.CUSTODY_GAP_REASON;
import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.ONBOARDING_COMMENT;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;

import com.tandem.inventory.CustodyGaps;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.process.BoundedText;
import com.tandem.process.CaseIds;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * IT operations' record of the onboarding: SSO configured, data-processing agreement signed. Either
 * left undone needs a reason ({@code custodyGapReason}, or the comment), and is recorded on the
 * tool as an open custody gap (GET /api/inventory/custody-gaps): the tool becomes ACTIVE, with the
 * gap in plain sight, rather than the gap being forgotten.
 */
@Component
class OnboardingDecisions implements TaskDecisions {

  private final InventoryService inventory;
  private final CustodyGaps custodyGaps;

  OnboardingDecisions(InventoryService inventory, CustodyGaps custodyGaps) {
    this.inventory = inventory;
    this.custodyGaps = custodyGaps;
  }

  @Override
  public List<TaskDecision> decisions() {
    return List.of(
        new TaskDecision(
                PurchaseProcess.Elements.COMPLETE_ONBOARDING,
                "ONBOARDING",
                SSO_CONFIGURED,
                Set.of("true", "false"),
                ONBOARDING_COMMENT,
                Set.of())
            .recordedAs(this::record));
  }

  private TaskDecision.Recorded record(DelegateTask task, String ssoConfigured, String comment) {
    boolean sso = Boolean.parseBoolean(ssoConfigured);
    boolean dpa = isTrue(DPA_SIGNED.raw(task));
    List<String> gaps = new ArrayList<>();
    if (!sso) {
      gaps.add(CustodyGaps.SSO);
    }
    if (!dpa) {
      gaps.add(CustodyGaps.DPA);
    }
    String reason = null;
    if (!gaps.isEmpty()) {
      reason =
          text(CUSTODY_GAP_REASON.raw(task))
              .or(() -> Optional.ofNullable(comment).filter(c -> !c.isEmpty()))
              .orElseThrow(
                  () ->
                      new BadUserRequestException(
                          "%s: please say why (custodyGapReason). It is recorded on the tool as an"
                                  .formatted(missing(sso, dpa))
                              + " open custody gap."));
      if (reason.length() > BoundedText.MAX_STRING) {
        throw new BadUserRequestException("custodyGapReason must be at most 4000 characters.");
      }
      String caseId = CaseIds.get(task);
      Tool tool =
          inventory
              .toolOfRequest(caseId)
              .orElseThrow(() -> new IllegalStateException("No tool is registered for " + caseId));
      String by = by(task);
      for (String gap : gaps) {
        custodyGaps.record(tool.id(), gap, caseId, reason, by);
      }
    }
    String text =
        "SSO configured: %s; DPA signed: %s.".formatted(yesNo(sso), yesNo(dpa))
            + (reason == null || reason.equals(comment) ? "" : " Open custody gap: " + reason)
            + (comment == null || comment.isEmpty() ? "" : " " + comment);
    return new TaskDecision.Recorded("COMPLETED", BoundedText.fit(text));
  }

  private static String missing(boolean sso, boolean dpa) {
    if (!sso && !dpa) {
      return "Single sign-on is not configured and no data-processing agreement is signed";
    }
    return CustodyGaps.describe(sso ? CustodyGaps.DPA : CustodyGaps.SSO);
  }

  private static Optional<String> text(Object raw) {
    return Optional.ofNullable(raw)
        .map(Object::toString)
        .map(String::strip)
        .filter(t -> !t.isEmpty());
  }

  private static boolean isTrue(Object raw) {
    return Boolean.TRUE.equals(raw) || "true".equals(String.valueOf(raw));
  }

  private static String by(DelegateTask task) {
    return Optional.ofNullable(
            task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .map(Authentication::getUserId)
        .orElse(task.getAssignee() == null ? "system" : task.getAssignee());
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
