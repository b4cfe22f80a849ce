package com.tandem.web;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every failure of an API call as one {@code application/problem+json} shape (RFC 9457) whose
 * {@code errors} name the bad fields in words a form can show. Bad input of any kind is a 4xx:
 * Jackson's and Bean Validation's errors, the intake validator's, refused types, sizes and content
 * types. Only what the caller cannot have caused (a database down, a bug) is a 5xx; it is logged
 * with an id the caller is given, and the body never shows internals.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
  private static final String BAD_INPUT = "The input has errors; see errors.";

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Object> api(ApiException e) {
    return problem(e.status(), e.getMessage(), e.problems(), null);
  }

  private ResponseEntity<Object> rejected(RejectedInput e) {
    return problem(HttpStatus.BAD_REQUEST, BAD_INPUT, e.problems(), null);
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<Object> engineForbidden(AuthorizationException e) {
    LOG.info("Refused by Camunda authorizations: {}", e.getMessage());
    return problem(HttpStatus.FORBIDDEN, "Your role does not allow this.", List.of(), null);
  }

  @ExceptionHandler({
    MismatchingMessageCorrelationException.class,
    OptimisticLockingException.class
  })
  ResponseEntity<Object> stale(RuntimeException e) {
    LOG.info("Conflict with the request's current state: {}", e.getMessage());
    return problem(
        HttpStatus.CONFLICT,
        "The request changed meanwhile and no longer allows this; reload it and try again.",
        List.of(),
        null);
  }

  /** Lock waits and deadlocks are the server's load, not the caller's fault: retry later. */
  @ExceptionHandler({PessimisticLockingFailureException.class, TransientDataAccessException.class})
  ResponseEntity<Object> busy(RuntimeException e) {
    if (DatabaseUnreachable.isCauseOf(e)) {
      return databaseUnreachable(e);
    }
    LOG.warn("Transient database failure, caller asked to retry", e);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, "1");
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "Tandem is busy; please retry in a moment.",
        List.of(),
        headers);
  }

  /**
   * Values the database refused: validation should have caught them first, so this is logged as a
   * gap in validation, but the caller sent them and gets a 400.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ResponseEntity<Object> refusedByDatabase(DataIntegrityViolationException e) {
    LOG.warn("Input passed validation but the database refused it", e);
    return problem(
        HttpStatus.BAD_REQUEST,
        "The input could not be stored; please check the fields.",
        List.of(new FieldProblem("body", "contains values that cannot be stored")),
        null);
  }

  /**
   * The database does not answer (stopped, restarting, the network to it cut): whatever call met
   * it, wrapped in whatever the engine, Spring or a validator wrap it in, is answered 503 with
   * Retry-After and words, never as an incident of Tandem. Logged with the exception, which
   * system.DatabaseOutageLog counts instead of printing: the outage is logged once, by itself.
   */
  private ResponseEntity<Object> databaseUnreachable(Exception e) {
    LOG.warn("API call answered 503: the database is not reachable", e);
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnreachable.RETRY_AFTER_SECONDS));
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnreachable.API_DETAIL, List.of(), headers);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    RejectedInput rejected = causeOf(e, RejectedInput.class);
    if (rejected != null) {
      return rejected(rejected);
    }
    if (DatabaseUnreachable.isCauseOf(e)) {
      return databaseUnreachable(e);
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("Unexpected failure of an API call (incident {})", incident, e);
    ProblemDetail problem =
        ApiProblems.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "Tandem failed to handle the call; nothing was changed. Quote incident "
                + incident
                + " to support.",
            List.of());
    problem.setProperty("incident", incident);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getBindingResult().getFieldErrors().stream()
            .map(ApiExceptionHandler::fieldProblem)
            .distinct()
            .toList();
    List<FieldProblem> global =
        e.getBindingResult().getGlobalErrors().stream()
            .map(g -> new FieldProblem("body", String.valueOf(g.getDefaultMessage())))
            .toList();
    return problem(
        HttpStatus.BAD_REQUEST,
        BAD_INPUT,
        global.isEmpty()
            ? problems
            : java.util.stream.Stream.concat(problems.stream(), global.stream()).toList(),
        null);
  }

  private static FieldProblem fieldProblem(FieldError error) {
    return new FieldProblem(error.getField(), String.valueOf(error.getDefaultMessage()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e instanceof StrictJsonConverter.UnreadableJsonException unreadable
            ? unreadable.problems()
            : List.of(JsonProblems.of(e.getCause(), null));
    return problem(HttpStatus.BAD_REQUEST, BAD_INPUT, problems, null);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    HttpHeaders out = new HttpHeaders();
    out.setAccept(List.of(MediaType.APPLICATION_JSON));
    return problem(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Send the body as application/json.",
        List.of(new FieldProblem("Content-Type", "must be application/json")),
        out);
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        BAD_INPUT,
        List.of(new FieldProblem(e.getParameterName(), "is required")),
        null);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> problems =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                new FieldProblem(
                                    result.getMethodParameter().getParameterName(),
                                    String.valueOf(error.getDefaultMessage()))))
            .toList();
    return problem(HttpStatus.BAD_REQUEST, BAD_INPUT, problems, null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    Class<?> type = e.getRequiredType();
    return problem(
        HttpStatus.BAD_REQUEST,
        BAD_INPUT,
        List.of(new FieldProblem(e.getName(), JsonProblems.expected(type))),
        null);
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<Object> missingHeader(MissingRequestHeaderException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        BAD_INPUT,
        List.of(new FieldProblem(e.getHeaderName(), "is required")),
        null);
  }

  /** A multipart request without one of its parts (a discovery import without its file). */
  @Override
  protected ResponseEntity<Object> handleMissingServletRequestPart(
      MissingServletRequestPartException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        BAD_INPUT,
        List.of(new FieldProblem(e.getRequestPartName(), "is required")),
        null);
  }

  /** An upload above spring.servlet.multipart.*: 413 naming the file. */
  @Override
  protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return problem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "The upload is larger than the limit.",
        List.of(new FieldProblem("file", "is larger than the upload limit")),
        null);
  }

  /** Spring's own refusals (404, 405, 406, ...) in the same shape, without internals. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e,
      @Nullable Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (status.is5xxServerError()) {
      LOG.error("Server error in an API call", e);
    }
    HttpHeaders out = new HttpHeaders();
    out.addAll(headers);
    String detail =
        body instanceof ProblemDetail p && p.getDetail() != null ? p.getDetail() : e.getMessage();
    return problem(status, detail, List.of(), out);
  }

  private static <E> E causeOf(Throwable e, Class<E> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static ResponseEntity<Object> problem(
      HttpStatusCode status,
      String detail,
      List<FieldProblem> errors,
      @Nullable HttpHeaders headers) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (headers != null) {
      response.headers(
          h ->
              headers.forEach(
                  (name, values) -> {
                    if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                      h.put(name, values);
                    }
                  }));
    }
    return response.body(ApiProblems.problem(status, detail, errors));
  }
}
