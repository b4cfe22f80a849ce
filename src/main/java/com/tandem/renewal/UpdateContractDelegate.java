package com.tandem.renewal;

import com.tandem.inventory.ToolContract;
import com.tandem.process.ProcessVariable;
import com.tandem.web.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The Tasklist start form "Update a tool's contract" (it-operations): runs in the start's
 * transaction, so a refused contract is refused with a sentence Tasklist shows and leaves nothing
 * behind (no instance).
 */
@Component
public class UpdateContractDelegate implements JavaDelegate {

  static final ProcessVariable<String> UPDATED_BY = ProcessVariable.string("contractUpdatedBy");

  private final Contracts contracts;

  public UpdateContractDelegate(Contracts contracts) {
    this.contracts = contracts;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<FieldProblem> problems = new ArrayList<>();
    Long toolId = whole(execution.getVariable("toolId"), "toolId", problems);
    LocalDate start = date(execution.getVariable("contractStart"), "contractStart", problems);
    LocalDate end = date(execution.getVariable("contractEnd"), "contractEnd", problems);
    Long notice = whole(execution.getVariable("noticePeriodDays"), "noticePeriodDays", problems);
    BigDecimal cost = amount(execution.getVariable("annualCost"), "annualCost", problems);
    Long seats = whole(execution.getVariable("seatsBought"), "seatsBought", problems);
    Object autoRenews = execution.getVariable("autoRenews");
    if (!problems.isEmpty() || toolId == null) {
      throw refused(
          problems.isEmpty() ? List.of(new FieldProblem("toolId", "is required")) : problems);
    }
    ToolContract contract =
        new ToolContract(
            start,
            end,
            notice == null ? ToolContract.DEFAULT_NOTICE_PERIOD_DAYS : notice.intValue(),
            autoRenews == null || Boolean.parseBoolean(autoRenews.toString()),
            cost,
            seats == null ? null : seats.intValue());
    String by = UPDATED_BY.find(execution).orElse("someone");
    Contracts.Outcome outcome = contracts.update(toolId, contract, by);
    if (outcome instanceof Contracts.RetiredTool retired) {
      throw new BadUserRequestException(
          retired.tool().name() + " is retired: its contract is kept as it ended.");
    }
    if (outcome instanceof Contracts.Invalid invalid) {
      throw refused(invalid.problems());
    }
    if (outcome instanceof Contracts.UnknownTool) {
      throw new BadUserRequestException("There is no tool " + toolId + " in the inventory.");
    }
    execution.setProcessBusinessKey("TOOL-" + toolId);
  }

  private static BadUserRequestException refused(List<FieldProblem> problems) {
    return new BadUserRequestException(
        "The contract was not saved: "
            + problems.stream()
                .map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; "))
            + ".");
  }

  private static Long whole(Object raw, String field, List<FieldProblem> problems) {
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(raw.toString().strip()).longValueExact();
    } catch (NumberFormatException | ArithmeticException notWhole) {
      problems.add(new FieldProblem(field, "must be a whole number"));
      return null;
    }
  }

  private static BigDecimal amount(Object raw, String field, List<FieldProblem> problems) {
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(raw.toString().strip());
    } catch (NumberFormatException notANumber) {
      problems.add(new FieldProblem(field, "must be an amount"));
      return null;
    }
  }

  private static LocalDate date(Object raw, String field, List<FieldProblem> problems) {
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    if (raw instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }
    String text = raw.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException notADate) {
      problems.add(new FieldProblem(field, "must be a date (yyyy-mm-dd)"));
      return null;
    }
  }
}
