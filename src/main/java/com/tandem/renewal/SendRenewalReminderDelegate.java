package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.CONTRACT_END;
import static com.tandem.renewal.RenewalProcess.NOTICE_DATE;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.TOOL_NAME;

import com.tandem.notification.Notifier;
import com.tandem.process.RequestStep;
import com.tandem.request.TandemGroups;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The day before the notice date: both leaderships are told that tomorrow is the last day to
 * decide, and which decision is still missing. Once per renewal and person (the notifier's key).
 */
@Component
public class SendRenewalReminderDelegate extends RequestStep {

  static final String STEP_KEY = "renewal-reminder";

  private final Notifier notifier;
  private final RenewalService renewals;

  public SendRenewalReminderDelegate(Notifier notifier, RenewalService renewals) {
    super("remind both leaderships of the notice date");
    this.notifier = notifier;
    this.renewals = renewals;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String id = RENEWAL_ID.get(execution);
    Renewal renewal = renewals.renewal(id);
    String tool = TOOL_NAME.get(execution);
    String missing =
        renewal.marketingDecision() == null && renewal.itDecision() == null
            ? "Neither the marketing nor the IT renewal review is done."
            : renewal.marketingDecision() == null
                ? "The marketing renewal review is not done yet."
                : "The IT renewal review is not done yet.";
    String subject = "Renewal of %s: notice date tomorrow (%s)".formatted(tool, id);
    String body =
        """
        The contract of %s ends on %s. Tomorrow, %s, is the last day to cancel or change it.

        %s If both reviews are not done by then, the contract renews by itself for another term \
        and Tandem records it as renewed without review.

        Open the "Renewals" filter in Tasklist to decide.
        """
            .formatted(tool, CONTRACT_END.get(execution), NOTICE_DATE.get(execution), missing);
    for (String group : List.of(TandemGroups.MARKETING_LEADERSHIP, TandemGroups.IT_LEADERSHIP)) {
      notifier.notifyGroup(id, STEP_KEY, group, subject, body);
    }
  }
}
