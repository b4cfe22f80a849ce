package com.tandem.process;

import static com.tandem.process.PurchaseProcess.ANNUAL_LICENSE_COST;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.REQUESTER;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.TOTAL_FIRST_YEAR_COST;

import com.tandem.request.People;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names every user task after the tool it concerns, e.g. "Marketing review: Eventful
 * (MTR-2026-00042)" or "Assign owner: Hopin (SIT-2026-00003)", so a Tasklist list tells tasks apart
 * without opening them; the diagram keeps the short name.
 *
 * <p>It also copies the values the Tasklist filters show as columns (request, tool, first-year
 * cost, requester) onto the task, as task-local variables named {@code list*}: a reviewer may see
 * the task but not the process instance, and Tasklist shows only variables its user may read, so
 * without the copies every column stays empty. They have names of their own so that a form that
 * edits, say, {@code toolName} (the revise form) still writes the process variable, not the copy.
 *
 * <p>Forms and columns show people and money as people read them: the requester by name ({@code
 * listRequester}: "Riley Requester", not "requester") and amounts with their currency and thousands
 * separators ({@code listFirstYearCost}, and {@code annualLicenseCostText}, {@code
 * implementationCostText} for the forms: "USD 12,000.00"). The forms show the two columns
 * themselves ("Requested by", "Total first-year cost") rather than copies of their own: every
 * variable is a row written, copied into history and deleted again with each task. A shadow-IT
 * finding's review shows its owner by name ({@code ownerName}), the spend seen with its currency
 * ({@code spendSeenText}) and the day it was first seen ({@code firstSeenText}: "16 Nov 2026").
 * They are short task-local Strings, prepared once when the task is created.
 *
 * <p>Processes other than the purchase (e.g. {@code tool-offboarding}) have no request id: their
 * case id is the business key ({@code OFF-2026-00001}), shown and copied in its place, so their
 * tasks read "Export data: Hootsuite (OFF-2026-00001)". Such a process sets {@code toolName}.
 */
@Component
public class TaskPresentationListener implements TaskListener {

  /** The task-local copy of the case id (a request's or a finding's), a Tasklist column. */
  public static final String CASE_COLUMN = "listRequestId";

  /** Task-local copies of the process variables that the Tasklist filters show as columns. */
  public static final Map<String, ProcessVariable<?>> COLUMNS = Map.of("listToolName", TOOL_NAME);

  /** The Tasklist column of the first-year cost, written with its currency. */
  public static final String COST_COLUMN = "listFirstYearCost";

  /** The Tasklist column of the requester, by name. */
  public static final String REQUESTER_COLUMN = "listRequester";

  /** Amounts the forms show as text with their currency, by the variable they are made from. */
  public static final Map<String, ProcessVariable<BigDecimal>> MONEY_TEXTS =
      Map.of(
          "annualLicenseCostText", ANNUAL_LICENSE_COST,
          "implementationCostText", IMPLEMENTATION_COST);

  /** The owner a shadow-IT finding was given, by name, for the review forms. */
  public static final String OWNER_NAME = "ownerName";

  /** The spend discovery saw, with its currency ("USD 2,469.00"), for the review forms. */
  public static final String SPEND_SEEN_TEXT = "spendSeenText";

  /** The day discovery first saw the tool ("16 Nov 2026"), for the review forms. */
  public static final String FIRST_SEEN_TEXT = "firstSeenText";

  /**
   * Every task-local variable this listener writes: derived from the request's variables for
   * Tasklist and the forms, deleted with the task, and therefore kept out of the engine's history
   * ({@code system.CopiesWithoutHistory}).
   */
  public static final Set<String> PRESENTATION_COPIES =
      Stream.of(
              Stream.of(CASE_COLUMN, COST_COLUMN, REQUESTER_COLUMN),
              COLUMNS.keySet().stream(),
              MONEY_TEXTS.keySet().stream(),
              Stream.of(OWNER_NAME, SPEND_SEEN_TEXT, FIRST_SEEN_TEXT))
          .flatMap(names -> names)
          .collect(Collectors.toUnmodifiableSet());

  private static final java.time.format.DateTimeFormatter DAY =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

  private final People people;

  public TaskPresentationListener(People people) {
    this.people = people;
  }

  @Override
  public void notify(DelegateTask task) {
    String base = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    String caseId = CaseIds.find(task).orElseGet(() -> task.getExecution().getProcessBusinessKey());
    task.setName("%s: %s (%s)".formatted(base, TOOL_NAME.get(task), caseId));
    task.setVariableLocal(CASE_COLUMN, caseId);
    COLUMNS.forEach((column, variable) -> variable.copyLocal(task, task, column));
    String currency = CURRENCY.find(task).orElse("");
    TOTAL_FIRST_YEAR_COST
        .find(task)
        .ifPresent(total -> task.setVariableLocal(COST_COLUMN, money(total, currency)));
    MONEY_TEXTS.forEach(
        (name, variable) ->
            variable
                .find(task)
                .ifPresent(amount -> task.setVariableLocal(name, money(amount, currency))));
    ShadowItProcess.SPEND_SEEN
        .find(task)
        .ifPresent(spend -> task.setVariableLocal(SPEND_SEEN_TEXT, money(spend, currency)));
    ShadowItProcess.FIRST_SEEN
        .find(task)
        .ifPresent(day -> task.setVariableLocal(FIRST_SEEN_TEXT, dayText(day)));
    ShadowItProcess.OWNER_USER
        .find(task)
        .filter(owner -> !owner.isBlank())
        .ifPresent(owner -> task.setVariableLocal(OWNER_NAME, userName(owner)));
    REQUESTER
        .find(task)
        .ifPresent(requester -> task.setVariableLocal(REQUESTER_COLUMN, userName(requester)));
  }

  /** "USD 12,000.00": the currency code, thousands separated, two decimals. */
  public static String money(BigDecimal amount, String currency) {
    return com.tandem.request.Money.format(amount, currency);
  }

  /** "16 Nov 2026" for "2026-11-16"; the text itself when it is no date. */
  static String dayText(String isoDay) {
    try {
      return java.time.LocalDate.parse(isoDay).format(DAY);
    } catch (java.time.format.DateTimeParseException notADay) {
      return isoDay;
    }
  }

  /**
   * The user's first and last name, or the id when Camunda knows none. Read without the current
   * user's authorizations (a reviewer may not read Camunda's users, but may see who asked) and
   * remembered for a short while: a request's tasks all show the same requester.
   */
  private String userName(String userId) {
    return people.userName(userId);
  }
}
