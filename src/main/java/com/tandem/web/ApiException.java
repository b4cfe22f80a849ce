package com.tandem.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains to its caller: the status, a sentence, and for bad input the fields at
 * fault. {@link ApiExceptionHandler} renders it as {@code application/problem+json}.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final transient List<FieldProblem> problems;

  public ApiException(HttpStatus status, String detail, List<FieldProblem> problems) {
    super(detail);
    this.status = status;
    this.problems = List.copyOf(problems);
  }

  public static ApiException badInput(String field, String message) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "The input has errors; see errors.",
        List.of(new FieldProblem(field, message)));
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(HttpStatus.FORBIDDEN, detail, List.of());
  }

  public static ApiException notFound(String detail) {
    return new ApiException(HttpStatus.NOT_FOUND, detail, List.of());
  }

  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, detail, List.of());
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
