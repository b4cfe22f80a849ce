package com.tandem.onboarding;

import static com.tandem.process.PurchaseProcess.ONBOARDING_BRIEFING;

import com.tandem.process.BoundedText;
import com.tandem.process.CaseIds;
import com.tandem.request.Decision;
import com.tandem.request.RequestRegistry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * When IT operations get the onboarding, they are told what every reviewer and decider said on the
 * way, conditions included ("DPA with SCCs required", "Not confirmed with the vendor: deletion of
 * our data on exit"): the case's decision log in words, newest last, as the task-local {@code
 * onboardingBriefing}. A Camunda String variable holds at most 4000 characters: long comments are
 * cut and the oldest decisions are summed up as "… and N earlier decisions".
 */
@Component
public class OnboardingBriefingListener implements TaskListener {

  static final int MAX = BoundedText.MAX_STRING;
  private static final int PER_COMMENT = 900;
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private static final Map<String, String> STAGES =
      Map.ofEntries(
          Map.entry("INVENTORY", "Existing tools considered"),
          Map.entry("MARKETING_REVIEW", "Marketing review"),
          Map.entry("IT_REVIEW", "IT review"),
          Map.entry("PRIVACY_REVIEW", "Privacy review"),
          Map.entry("REVISION", "Revision by the requester"),
          Map.entry("BUDGET_PROPOSAL", "Budget proposal"),
          Map.entry("BUDGET_COSIGN", "Co-signature of the proposal"),
          Map.entry("BOARD", "Board"),
          Map.entry("NEGOTIATION", "Negotiation"),
          Map.entry("OWNER_ASSIGNMENT", "Owner assigned"),
          Map.entry("SHADOW_IT_DECISION", "IT leadership's decision on the tool in use"));

  private static final Map<String, String> DECISIONS =
      Map.of(
          "APPROVE", "approved",
          "REJECT", "rejected",
          "REQUEST_CHANGES", "asked for changes",
          "RESUBMIT", "resubmitted",
          "ADOPT", "adopted",
          "ASSIGN", "assigned");

  private final RequestRegistry registry;

  public OnboardingBriefingListener(RequestRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void notify(DelegateTask task) {
    ONBOARDING_BRIEFING.setLocal(task, briefing(registry.decisions(CaseIds.get(task))));
  }

  static String briefing(List<Decision> decisions) {
    if (decisions.isEmpty()) {
      return "No decision with a comment was recorded.";
    }
    List<String> lines = new ArrayList<>();
    for (Decision decision : decisions) {
      lines.add(line(decision));
    }
    int dropped = 0;
    while (length(lines, dropped) > MAX && lines.size() > 1) {
      lines.remove(0);
      dropped++;
    }
    String text = String.join("\n", lines);
    if (dropped > 0) {
      text =
          "… and %d earlier decision%s (all in the decision log).\n%s"
              .formatted(dropped, dropped == 1 ? "" : "s", text);
    }
    return BoundedText.fit(text);
  }

  private static int length(List<String> lines, int dropped) {
    return String.join("\n", lines).length() + (dropped > 0 ? 60 : 0);
  }

  private static String line(Decision decision) {
    String stage = STAGES.getOrDefault(decision.stage(), decision.stage());
    String what =
        DECISIONS.getOrDefault(
            decision.decision(), decision.decision().toLowerCase(Locale.ROOT).replace('_', ' '));
    String comment = decision.comment();
    String said =
        comment == null || comment.isBlank() ? "" : ": " + BoundedText.cut(comment, PER_COMMENT);
    return "• %s — %s by %s on %s%s"
        .formatted(
            stage,
            what,
            decision.by(),
            DAY.format(decision.at().atZone(ZoneId.systemDefault())),
            said);
  }
}
