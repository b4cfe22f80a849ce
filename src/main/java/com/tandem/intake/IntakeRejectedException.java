package com.tandem.intake;

import com.tandem.web.FieldProblem;
import com.tandem.web.RejectedInput;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Bad intake input. Thrown inside the engine it rolls the whole start back (no request row, no
 * process instance), and Tasklist shows its message; the engine REST API and Tandem's API answer
 * 400.
 */
public class IntakeRejectedException extends BadUserRequestException implements RejectedInput {

  private final transient List<FieldProblem> problems;

  public IntakeRejectedException(List<FieldProblem> problems) {
    super(
        "The request was not registered. Please correct: "
            + problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  @Override
  public List<FieldProblem> problems() {
    return problems;
  }
}
