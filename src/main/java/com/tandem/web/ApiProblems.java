package com.tandem.web;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the one error shape of the API (RFC 9457): {@code type}, {@code title}, {@code status},
 * {@code detail}, and for bad input an {@code errors} array of {@code {field, message}} that a form
 * can show next to its fields.
 */
public final class ApiProblems {

  public static final String ERRORS = "errors";

  private ApiProblems() {}

  public static ProblemDetail problem(
      HttpStatusCode status, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    HttpStatus known = HttpStatus.resolve(status.value());
    problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
    if (!errors.isEmpty()) {
      problem.setProperty(ERRORS, errors);
    }
    return problem;
  }
}
