package com.tandem.intake;

import com.tandem.web.FieldProblem;
import com.tandem.web.RejectedInput;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad intake input. Thrown inside the engine it rolls the whole start back (no request row, no
 * process instance), and Tasklist shows its message; the engine REST API and Tandem's API answer
 * 400.
 */
public class IntakeRejectedException extends BadUserRequestException implements RejectedInput {

  private final transient List<FieldProblem> problems;

  /**
   * The fields as the intake forms label them: Tasklist shows this exception's message under the
   * start form, where "Needed by" means something and "neededBy" does not.
   */
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("toolName", "Tool name"),
          Map.entry("vendor", "Vendor"),
          Map.entry("vendorUrl", "Vendor website"),
          Map.entry("capabilities", "Capabilities"),
          Map.entry("businessJustification", "Business justification"),
          Map.entry("annualLicenseCost", "Annual licence cost"),
          Map.entry("implementationCost", "Implementation cost"),
          Map.entry("currency", "Currency"),
          Map.entry("seats", "Seats"),
          Map.entry("contractTermMonths", "Contract term"),
          Map.entry("neededBy", "Needed by"),
          Map.entry("personalData", "Personal data"),
          Map.entry("sso", "Single sign-on"),
          Map.entry("integrations", "Integrations"),
          Map.entry("dataExportSupported", "Data export"),
          Map.entry("requester", "Requester"));

  public IntakeRejectedException(List<FieldProblem> problems) {
    super(
        "The request was not registered. Please correct: "
            + problems.stream()
                .map(IntakeRejectedException::describe)
                .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  @Override
  public List<FieldProblem> problems() {
    return problems;
  }

  private static String describe(FieldProblem problem) {
    return LABELS.getOrDefault(problem.topLevelField(), problem.field()) + ": " + problem.message();
  }
}
