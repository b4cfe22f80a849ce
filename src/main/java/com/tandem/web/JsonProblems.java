package com.tandem.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.lang.Nullable;

/**
 * What is wrong with a JSON body Jackson refused, as a {@link FieldProblem} a form can show:
 * decided by the exception's type and its path (or the parser's place in the text), never by its
 * message.
 *
 * <ul>
 *   <li>{@link PropertyBindingException} (an unknown field): that field;
 *   <li>{@link InvalidFormatException} for an enum: the choices;
 *   <li>{@link MismatchedInputException}: the type its field wants; at the top level after the
 *       body, trailing tokens ({@code FAIL_ON_TRAILING_TOKENS}); at the top level otherwise, not an
 *       object;
 *   <li>{@link InputCoercionException}, also wrapped with a path: a number too large for its field;
 *   <li>{@link StreamConstraintsException}: too large or too deeply nested, the whole body;
 *   <li>{@link JsonParseException}: a duplicate key ({@code STRICT_DUPLICATE_DETECTION}), NaN or
 *       Infinity, or malformed text. Jackson raises the same type for all three, so the body is
 *       looked at once more, leniently, to find the duplicate key or the non-number.
 * </ul>
 */
public final class JsonProblems {

  /** The lenient second look at a refused body: no duplicate detection, NaN allowed. */
  private static final JsonFactory LENIENT =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

  private JsonProblems() {}

  /**
   * The problem of a body Jackson refused with {@code cause}; {@code body} is its text when known
   * (without it a duplicate key or NaN is reported as malformed JSON).
   */
  public static FieldProblem of(@Nullable Throwable cause, @Nullable byte[] body) {
    if (cause instanceof PropertyBindingException unknown) {
      return new FieldProblem(
          path(unknown),
          "is not a field of this request"
              + (unknown.getKnownPropertyIds() == null
                  ? ""
                  : " (fields: " + known(unknown.getKnownPropertyIds()) + ")"));
    }
    if (cause instanceof InvalidFormatException format
        && format.getTargetType() != null
        && format.getTargetType().isEnum()) {
      return new FieldProblem(path(format), expected(format.getTargetType()));
    }
    if (cause instanceof MismatchedInputException mismatch) {
      if (mismatch.getPath().isEmpty() && afterTheFirstValue(mismatch.getProcessor())) {
        return new FieldProblem("body", "must hold one JSON object and nothing after it");
      }
      return new FieldProblem(path(mismatch), expected(mismatch.getTargetType()));
    }
    if (cause instanceof JsonMappingException mapping) {
      return new FieldProblem(
          path(mapping),
          mapping.getCause() instanceof InputCoercionException
              ? "is too large a number"
              : "has a value that is not allowed here");
    }
    if (cause instanceof StreamConstraintsException) {
      return new FieldProblem("body", "is too large or too deeply nested to be read");
    }
    if (cause instanceof InputCoercionException coercion) {
      return new FieldProblem(fieldOf(coercion.getProcessor()), "is too large a number");
    }
    if (cause instanceof StreamReadException read) {
      Optional<FieldProblem> found = body == null ? Optional.empty() : lookAgain(body);
      return found.orElseGet(
          () ->
              new FieldProblem(
                  "body",
                  read.getLocation() == null
                      ? "is not valid JSON"
                      : "is not valid JSON (line "
                          + read.getLocation().getLineNr()
                          + ", column "
                          + read.getLocation().getColumnNr()
                          + ")"));
    }
    if (cause instanceof JsonProcessingException) {
      return new FieldProblem("body", "is not valid JSON");
    }
    return new FieldProblem("body", "is required: a JSON object with the request's fields");
  }

  /**
   * Whether Jackson stopped at a value of the wrong type inside a field (a type it could have read
   * on, had it not stopped): then the other fields are worth reading one by one.
   */
  public static boolean isWrongTypeInAField(Throwable cause) {
    return cause instanceof JsonMappingException mapping
        && !(cause instanceof PropertyBindingException)
        && !mapping.getPath().isEmpty()
        && (cause instanceof MismatchedInputException
            || mapping.getCause() instanceof InputCoercionException);
  }

  /**
   * A trailing token: the parser is on a top-level value after the first one. (The root context
   * counts the top-level values it has seen: 0 for the first.)
   */
  private static boolean afterTheFirstValue(@Nullable Object processor) {
    if (!(processor instanceof JsonParser parser)) {
      return false;
    }
    JsonStreamContext context = parser.getParsingContext();
    while (context != null && !context.inRoot()) {
      context = context.getParent();
    }
    return context != null && context.getCurrentIndex() > 0;
  }

  /** The duplicate key or the NaN that a strict parser refused, found by reading leniently. */
  private static Optional<FieldProblem> lookAgain(byte[] body) {
    try (JsonParser parser = LENIENT.createParser(body)) {
      Deque<Set<String>> keys = new ArrayDeque<>();
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT -> keys.push(new HashSet<>());
          case END_OBJECT -> keys.pop();
          case FIELD_NAME -> {
            if (!keys.isEmpty() && !keys.peek().add(parser.currentName())) {
              return Optional.of(new FieldProblem(pathOf(parser), "is given twice"));
            }
          }
          case VALUE_NUMBER_FLOAT -> {
            if (parser.isNaN()) {
              return Optional.of(
                  new FieldProblem(
                      pathOf(parser), "must be a number such as 12000.00 (not NaN or Infinity)"));
            }
          }
          default -> {}
        }
      }
    } catch (IOException | RuntimeException malformed) {
      // Malformed before anything else was found: the caller reports where.
    }
    return Optional.empty();
  }

  /** {@code capabilities[0]}, {@code seats}: the place in the body Jackson stopped at. */
  public static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String fieldOf(@Nullable Object processor) {
    return processor instanceof JsonParser parser ? pathOf(parser) : "body";
  }

  /** The parser's place as a path; names longer than 64 characters are not echoed. */
  private static String pathOf(JsonParser parser) {
    List<String> steps = new ArrayList<>();
    for (JsonStreamContext c = parser.getParsingContext();
        c != null && !c.inRoot();
        c = c.getParent()) {
      if (c.inObject()) {
        String name = c.getCurrentName();
        if (name == null || name.length() > 64) {
          return "body";
        }
        steps.add(0, name);
      } else if (c.inArray()) {
        steps.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
      }
    }
    StringBuilder path = new StringBuilder();
    for (String step : steps) {
      if (!path.isEmpty() && !step.startsWith("[")) {
        path.append('.');
      }
      path.append(step);
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  private static String known(Collection<Object> ids) {
    return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /** What a field of {@code type} wants, in words. */
  public static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "has the wrong type";
    }
    if (type == String.class) {
      return "must be text";
    }
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == BigInteger.class) {
      return "must be a whole number";
    }
    if (type == BigDecimal.class || type == Double.class) {
      return "must be a number such as 12000.00";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type.isEnum()) {
      return "must be one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be a list";
    }
    return "must be a JSON object";
  }
}
