package com.tandem.onboarding;

import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.ONBOARDING_COMMENT;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;

import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** IT operations' record of the onboarding: SSO configured, data-processing agreement signed. */
@Component
class OnboardingDecisions implements TaskDecisions {

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
            .recordedAs(
                (task, ssoConfigured, comment) ->
                    new TaskDecision.Recorded(
                        "COMPLETED",
                        "SSO configured: %s; DPA signed: %s.%s"
                            .formatted(
                                yesNo(Boolean.parseBoolean(ssoConfigured)),
                                yesNo(Boolean.TRUE.equals(DPA_SIGNED.raw(task))),
                                comment == null || comment.isEmpty() ? "" : " " + comment))));
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }
}
