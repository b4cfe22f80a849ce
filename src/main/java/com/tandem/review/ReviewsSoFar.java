package com.tandem.review;

import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DATA_EXPORT;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DELETION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DPA;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_INTEGRATION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_SSO;

import com.tandem.process.BoundedText;
import com.tandem.process.ProcessVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the reviewers of one round have said so far, in words, for those still deciding: "IT review
 * (cio): Approve — SAML SSO; DPA with SCCs required." Each comment is cut to its share, so that the
 * lines fit a String variable ({@link BoundedText}); the decision log keeps it whole.
 */
final class ReviewsSoFar {

  private static final int PER_COMMENT = 1100;

  /** The IT checklist, in the words of the IT review form. */
  static final Map<ProcessVariable<Boolean>, String> IT_CHECKLIST = new LinkedHashMap<>();

  static {
    IT_CHECKLIST.put(IT_CHECKLIST_SSO, "SSO through our identity provider");
    IT_CHECKLIST.put(IT_CHECKLIST_DATA_EXPORT, "export of all our data in an open format");
    IT_CHECKLIST.put(IT_CHECKLIST_DELETION, "deletion of our data on exit");
    IT_CHECKLIST.put(IT_CHECKLIST_DPA, "a data-processing agreement");
    IT_CHECKLIST.put(IT_CHECKLIST_INTEGRATION, "integrations with our stack");
  }

  private ReviewsSoFar() {}

  /** One review as the others read it. */
  static String line(String review, String by, String decision, String comment) {
    String text =
        comment == null || comment.isBlank() ? "" : " — " + BoundedText.cut(comment, PER_COMMENT);
    return "%s (%s): %s%s".formatted(review, by, words(decision), text);
  }

  /** The lines joined, within what a String variable holds. */
  static String join(List<String> lines) {
    return BoundedText.fit(String.join("\n", lines));
  }

  /** "Not confirmed with the vendor: …" for the IT checklist items left unticked, else null. */
  static String checklistGaps(VariableScope scope) {
    List<String> gaps = new ArrayList<>();
    IT_CHECKLIST.forEach(
        (item, words) -> {
          if (!Boolean.TRUE.equals(plain(item.raw(scope)))) {
            gaps.add(words);
          }
        });
    return gaps.isEmpty()
        ? null
        : "Not confirmed with the vendor: " + String.join(", ", gaps) + ".";
  }

  static String words(String decision) {
    return switch (decision) {
      case "APPROVE" -> "Approve";
      case "REJECT" -> "Reject";
      case "REQUEST_CHANGES" -> "Request changes";
      default -> decision;
    };
  }

  private static Object plain(Object value) {
    return value instanceof org.camunda.spin.json.SpinJsonNode json && json.isBoolean()
        ? json.boolValue()
        : value;
  }
}
