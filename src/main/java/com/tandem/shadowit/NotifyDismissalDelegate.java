package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.OWNER_COMMENT;
import static com.tandem.process.ShadowItProcess.USAGE_SUMMARY;

import com.tandem.notification.Notifier;
import com.tandem.process.RequestStep;
import com.tandem.request.TandemGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Tells IT operations that marketing does not own a tool found in use: it is theirs to follow up
 * (another department's tool, a personal sign-up, a false sighting). Once per finding.
 */
@Component
public class NotifyDismissalDelegate extends RequestStep {

  private final Notifier notifier;

  public NotifyDismissalDelegate(Notifier notifier) {
    super("tell IT operations that the finding was dismissed");
    this.notifier = notifier;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String findingId = FINDING_ID.get(execution);
    String tool = TOOL_NAME.get(execution);
    notifier.notifyGroup(
        findingId,
        "finding-dismissed",
        TandemGroups.IT_OPERATIONS,
        "[%s] Not a marketing tool: %s".formatted(findingId, tool),
        """
        The CMO's office says %s (%s), found in use as shadow IT, is not a marketing tool.

        Their reason: %s

        %s

        The finding is dismissed in Tandem; it is IT operations' to follow up."""
            .formatted(
                tool,
                VENDOR.get(execution),
                OWNER_COMMENT.get(execution),
                USAGE_SUMMARY.find(execution).orElse("")));
  }
}
