package com.tandem.intake;

import static com.tandem.process.PurchaseProcess.INTAKE_FIELDS;

import com.tandem.process.ProcessVariable;
import com.tandem.request.PurchaseRequest.IntakeData;
import com.tandem.web.FieldProblem;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Decides whether the intake of a process start (Tasklist start form, engine REST, Tandem's API) or
 * of a revise task is acceptable: converts the variables into a {@link PurchaseRequestSubmission}
 * ({@link IntakeForm}) and validates it with the application's Bean Validation {@link Validator},
 * the same rules the API checks its bodies with. Either returns the request's data or names every
 * bad field at once.
 */
@Component
public class IntakeValidator {

  private static final List<String> FIELD_ORDER =
      INTAKE_FIELDS.stream().map(ProcessVariable::name).toList();

  private final Validator validator;

  public IntakeValidator(Validator validator) {
    this.validator = validator;
  }

  /** The request's data from the intake variables {@code raw} gives as the channel sent them. */
  public IntakeData validate(Function<ProcessVariable<?>, Object> raw) {
    var form = IntakeForm.read(raw);
    List<FieldProblem> problems = new ArrayList<>(form.problems());
    Set<String> unconverted =
        problems.stream().map(FieldProblem::field).collect(Collectors.toSet());
    validator.validate(form.submission()).stream()
        .map(FieldProblem::of)
        .filter(problem -> !unconverted.contains(problem.topLevelField()))
        .forEach(problems::add);
    if (!problems.isEmpty()) {
      throw new IntakeRejectedException(
          problems.stream()
              .distinct()
              .sorted(
                  Comparator.comparingInt((FieldProblem p) -> order(p.topLevelField()))
                      .thenComparing(FieldProblem::field)
                      .thenComparing(FieldProblem::message))
              .toList());
    }
    return data(form.submission());
  }

  private static int order(String field) {
    int index = FIELD_ORDER.indexOf(field);
    return index < 0 ? FIELD_ORDER.size() : index;
  }

  /** The data of a valid submission: text trimmed, codes once each, money in cents. */
  static IntakeData data(PurchaseRequestSubmission valid) {
    return new IntakeData(
        valid.toolName().strip(),
        valid.vendor().strip(),
        valid.vendorUrl() == null || valid.vendorUrl().isBlank() ? null : valid.vendorUrl().strip(),
        codes(valid.capabilities()),
        valid.businessJustification().strip(),
        cents(valid.annualLicenseCost()),
        cents(valid.implementationCost()),
        valid.currency(),
        valid.seats(),
        valid.contractTermMonths(),
        LocalDate.parse(valid.neededBy()),
        valid.personalData(),
        valid.sso(),
        codes(valid.integrations()),
        valid.dataExportSupported());
  }

  private static List<String> codes(List<String> codes) {
    return codes == null ? List.of() : codes.stream().map(String::strip).distinct().toList();
  }

  private static BigDecimal cents(BigDecimal amount) {
    return amount.setScale(2);
  }
}
