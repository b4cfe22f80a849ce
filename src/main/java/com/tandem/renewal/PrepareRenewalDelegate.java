package com.tandem.renewal;

import static com.tandem.renewal.RenewalProcess.ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.ANNUAL_COST_TEXT;
import static com.tandem.renewal.RenewalProcess.ASKED_ANNUAL_COST;
import static com.tandem.renewal.RenewalProcess.AUTO_RENEWS;
import static com.tandem.renewal.RenewalProcess.CONTRACT_END;
import static com.tandem.renewal.RenewalProcess.CURRENCY;
import static com.tandem.renewal.RenewalProcess.NOTICE_DATE;
import static com.tandem.renewal.RenewalProcess.NOTICE_DEADLINE;
import static com.tandem.renewal.RenewalProcess.REMINDER_AT;
import static com.tandem.renewal.RenewalProcess.RENEWAL_ID;
import static com.tandem.renewal.RenewalProcess.SEATS_BOUGHT;
import static com.tandem.renewal.RenewalProcess.TOOL_NAME;
import static com.tandem.renewal.RenewalProcess.TOOL_OWNER;
import static com.tandem.renewal.RenewalProcess.USAGE_SUMMARY;
import static com.tandem.renewal.RenewalProcess.VENDOR;

import com.tandem.process.RequestStep;
import com.tandem.request.Money;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Reads the tool, its contract and discovery's usage evidence into what the review forms show, and
 * sets the two deadlines: the reminder on the day before the notice date, and the end of the notice
 * date, past which the tool renews without review (for a contract that does not renew by itself,
 * its end, when it lapses).
 */
@Component
public class PrepareRenewalDelegate extends RequestStep {

  private final RenewalService renewals;
  private final RenewalProperties properties;
  private final Clock clock;

  public PrepareRenewalDelegate(
      RenewalService renewals, RenewalProperties properties, Clock clock) {
    super("read the tool, its contract and its usage for the renewal");
    this.renewals = renewals;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    RenewalService.Facts facts = renewals.facts(RENEWAL_ID.get(execution));
    TOOL_NAME.set(execution, facts.tool().name());
    VENDOR.set(execution, facts.tool().vendor());
    TOOL_OWNER.set(execution, facts.tool().owner());
    CURRENCY.set(execution, facts.currency());
    ANNUAL_COST.set(execution, facts.contract().annualCost());
    ASKED_ANNUAL_COST.set(execution, facts.contract().annualCost());
    ANNUAL_COST_TEXT.set(
        execution, Money.format(facts.contract().annualCost(), facts.currency()) + " a year");
    if (facts.contract().seatsBought() != null) {
      SEATS_BOUGHT.set(execution, facts.contract().seatsBought().longValue());
    }
    USAGE_SUMMARY.set(execution, facts.usageSummary());
    LocalDate noticeDate = facts.renewal().noticeDate();
    CONTRACT_END.set(execution, facts.renewal().contractEnd().toString());
    NOTICE_DATE.set(execution, noticeDate.toString());
    REMINDER_AT.set(execution, at(noticeDate.minusDays(1).atTime(properties.reminderTime())));
    boolean autoRenews = facts.contract().autoRenews();
    AUTO_RENEWS.set(execution, autoRenews);
    // renews by itself: past the notice date it is renewed; else it lapses at its end
    NOTICE_DEADLINE.set(
        execution,
        at((autoRenews ? noticeDate.plusDays(1) : facts.renewal().contractEnd()).atStartOfDay()));
  }

  private Date at(java.time.LocalDateTime time) {
    return Date.from(time.atZone(clock.getZone()).toInstant());
  }
}
