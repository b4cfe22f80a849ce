package com.tandem.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.lang.Nullable;

/**
 * Reads {@link StrictJson} bodies, and only those, with the strict mapper of {@link ApiWebConfig}.
 * A refused body becomes an {@link UnreadableJsonException} naming the fields at fault ({@link
 * JsonProblems}).
 *
 * <p>Jackson stops at the first value of a wrong type. When it does, in a field of a record body,
 * the body is read again field by field, each field with the same strict mapper, and what could be
 * read is checked with Bean Validation: so a body with three wrong types and four missing fields is
 * answered with all seven, not one at a time. Unknown fields, duplicates and malformed text are
 * still reported alone, as Jackson finds them.
 */
class StrictJsonConverter extends MappingJackson2HttpMessageConverter {

  private final Supplier<Validator> validator;

  StrictJsonConverter(ObjectMapper strictMapper, Supplier<Validator> validator) {
    super(strictMapper);
    this.validator = validator;
  }

  @Override
  public boolean canRead(Class<?> clazz, @Nullable MediaType mediaType) {
    return StrictJson.class.isAssignableFrom(clazz) && super.canRead(clazz, mediaType);
  }

  @Override
  public boolean canRead(
      Type type, @Nullable Class<?> contextClass, @Nullable MediaType mediaType) {
    return type instanceof Class<?> c
        && StrictJson.class.isAssignableFrom(c)
        && super.canRead(type, contextClass, mediaType);
  }

  @Override
  public boolean canWrite(Class<?> clazz, @Nullable MediaType mediaType) {
    return false;
  }

  @Override
  public boolean canWrite(@Nullable Type type, Class<?> clazz, @Nullable MediaType mediaType) {
    return false;
  }

  @Override
  public Object read(Type type, @Nullable Class<?> contextClass, HttpInputMessage input)
      throws IOException {
    JavaType javaType = getJavaType(type, contextClass);
    byte[] body = input.getBody().readAllBytes();
    try {
      return getObjectMapper().readerFor(javaType).readValue(body);
    } catch (JacksonException refused) {
      List<FieldProblem> problems =
          JsonProblems.isWrongTypeInAField(refused) && javaType.getRawClass().isRecord()
              ? fieldByField(javaType.getRawClass(), body)
              : List.of();
      throw new UnreadableJsonException(
          problems.isEmpty() ? List.of(JsonProblems.of(refused, body)) : problems, refused, input);
    }
  }

  /**
   * Every problem of a record body, reading each field on its own: empty when the body cannot even
   * be read as a tree (then the first problem is all there is to say).
   */
  private List<FieldProblem> fieldByField(Class<?> type, byte[] body) {
    ObjectMapper mapper = getObjectMapper();
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException | RuntimeException unreadable) {
      return List.of();
    }
    if (tree == null || !tree.isObject()) {
      return List.of();
    }
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
    List<FieldProblem> problems = new ArrayList<>();
    for (Iterator<String> it = tree.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        problems.add(
            new FieldProblem(
                name.length() > 64 ? "body" : name,
                "is not a field of this request (fields: "
                    + names.stream().sorted().collect(Collectors.joining(", "))
                    + ")"));
      }
    }
    Object[] values = new Object[components.length];
    Set<String> unread = new HashSet<>();
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      JsonNode node = tree.get(name);
      if (node == null || node.isNull()) {
        continue;
      }
      try {
        values[i] =
            mapper.readerFor(mapper.constructType(components[i].getGenericType())).readValue(node);
      } catch (IOException | RuntimeException wrong) {
        FieldProblem problem = JsonProblems.of(wrong, null);
        problems.add(new FieldProblem(within(name, problem.field()), problem.message()));
        unread.add(name);
      }
    }
    Object partial;
    try {
      partial =
          type.getDeclaredConstructor(
                  Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
              .newInstance(values);
    } catch (ReflectiveOperationException | RuntimeException notConstructible) {
      return List.of();
    }
    validator.get().validate(partial).stream()
        .map(FieldProblem::of)
        .filter(problem -> !unread.contains(problem.topLevelField()))
        .forEach(problems::add);
    return problems.stream()
        .distinct()
        .sorted(
            Comparator.comparingInt(
                    (FieldProblem p) -> {
                      int index = names.indexOf(p.topLevelField());
                      return index < 0 ? names.size() : index;
                    })
                .thenComparing(FieldProblem::field)
                .thenComparing(FieldProblem::message))
        .toList();
  }

  /** A path read within field {@code name} as a path of the body: {@code [0]} → {@code x[0]}. */
  private static String within(String name, String path) {
    if (path.equals("body")) {
      return name;
    }
    return path.startsWith("[") ? name + path : name + "." + path;
  }

  /** A body that could not be read, with what is wrong with it. */
  static final class UnreadableJsonException extends HttpMessageNotReadableException {
    private final transient List<FieldProblem> problems;

    UnreadableJsonException(List<FieldProblem> problems, Throwable cause, HttpInputMessage input) {
      super("The body could not be read: " + problems, cause, input);
      this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
      return problems;
    }
  }
}
