package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.TOTAL_FIRST_YEAR_COST;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.ShadowItProcess.ANNUAL_COST;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.FIRST_SEEN;
import static com.tandem.process.ShadowItProcess.SOURCES;
import static com.tandem.process.ShadowItProcess.SPEND_SEEN;
import static com.tandem.process.ShadowItProcess.USAGE_SUMMARY;
import static com.tandem.process.ShadowItProcess.USERS_SEEN;

import com.tandem.process.RequestStep;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Puts what discovery knows of the tool in use (users, spend, sources, first seen) into the review,
 * for the forms and the routing (the spend seen is the cost the {@code review-routing} decision
 * weighs), and marks the finding IN_REVIEW.
 */
@Component
public class DescribeFindingDelegate extends RequestStep {

  /** A day as people write it in the reviewers' language (English): 16 Nov 2026. */
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private final Findings findings;

  public DescribeFindingDelegate(Findings findings) {
    super("read what discovery knows of the finding and mark it in review");
    this.findings = findings;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String findingId = FINDING_ID.get(execution);
    FindingSummary summary = findings.describe(findingId);
    BigDecimal spend = summary.spendSeen() == null ? BigDecimal.ZERO : summary.spendSeen();
    String sources =
        summary.sources().stream()
            .map(DescribeFindingDelegate::sourceInWords)
            .collect(Collectors.joining(", "));
    TOOL_NAME.set(
        execution,
        summary.application() == null || summary.application().isBlank()
            ? summary.vendor()
            : summary.application());
    VENDOR.set(execution, summary.vendor());
    USERS_SEEN.set(execution, summary.usersSeen());
    SPEND_SEEN.set(execution, spend);
    CURRENCY.set(execution, summary.currency());
    SOURCES.set(execution, sources);
    FIRST_SEEN.set(execution, summary.firstSeen() == null ? null : summary.firstSeen().toString());
    TOTAL_FIRST_YEAR_COST.set(execution, spend);
    ANNUAL_COST.set(execution, spend);
    USAGE_SUMMARY.set(
        execution,
        "In use without a purchase request: %s users seen, %s %s spent in the last twelve months, first seen %s, seen in: %s."
            .formatted(
                String.format(Locale.ENGLISH, "%,d", summary.usersSeen()),
                summary.currency(),
                com.tandem.request.Money.amount(spend),
                summary.firstSeen() == null ? "(unknown)" : summary.firstSeen().format(DAY),
                sources.isEmpty() ? "(no source)" : sources));
    findings.setStatus(findingId, FindingStatus.IN_REVIEW, null);
  }

  /** Where the tool was seen, in the words of the forms ("SSO" is kept: reviewers know it). */
  static String sourceInWords(String source) {
    return switch (source) {
      case "SSO" -> "SSO (identity provider)";
      case "EXPENSE" -> "Expense reports";
      case "PUSH" -> "Reported by another system";
      default -> source;
    };
  }
}
