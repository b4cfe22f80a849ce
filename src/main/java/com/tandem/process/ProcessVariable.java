package com.tandem.process;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A typed process variable: its name is written once, in the class of its process ({@link
 * PurchaseProcess}), and its type is checked when read, so no code casts a string-named variable on
 * its own.
 *
 * <p>Money is {@link BigDecimal} in Java and kept by the engine as a double, the number type that
 * Camunda Forms, Tasklist columns and FEEL read; the registry keeps the exact amount.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;
  private final Function<Object, T> reader;
  private final Function<T, TypedValue> writer;

  private ProcessVariable(
      String name, Class<T> type, Function<Object, T> reader, Function<T, TypedValue> writer) {
    this.name = name;
    this.type = type;
    this.reader = reader;
    this.writer = writer;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(
        name, String.class, value -> cast(name, String.class, value), Variables::stringValue);
  }

  /**
   * Text assembled for people to read from user input or lists (summaries, packets): written cut to
   * what Camunda keeps of a String variable ({@link BoundedText#fit}), so that no list grown long
   * and no set of long comments can fail the step that writes it. Whoever assembles it fits it
   * better first (e.g. a list ending with "… and N more"); this is the guarantee.
   */
  public static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(
        name,
        String.class,
        value -> cast(name, String.class, value),
        text -> Variables.stringValue(BoundedText.fit(text)));
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(
        name, Boolean.class, value -> cast(name, Boolean.class, value), Variables::booleanValue);
  }

  /** A whole number (counts, days): any integral number the engine holds, read as a Long. */
  public static ProcessVariable<Long> number(String name) {
    return new ProcessVariable<>(
        name,
        Long.class,
        value -> value instanceof Number n ? n.longValue() : cast(name, Long.class, value),
        Variables::longValue);
  }

  /** An amount: read as a BigDecimal from whatever number a form or a delegate wrote. */
  public static ProcessVariable<BigDecimal> decimal(String name) {
    return new ProcessVariable<>(
        name,
        BigDecimal.class,
        value ->
            value instanceof BigDecimal d
                ? d
                : value instanceof Number n
                    ? new BigDecimal(n.toString())
                    : cast(name, BigDecimal.class, value),
        amount -> Variables.doubleValue(amount == null ? null : amount.doubleValue()));
  }

  /**
   * JSON a Camunda Form reads as a structure (e.g. the options of a checklist): written as a Spin
   * JSON value, read back as its JSON text.
   */
  public static ProcessVariable<String> json(String name) {
    return new ProcessVariable<>(
        name,
        String.class,
        value -> value instanceof String text ? text : value.toString(),
        text -> org.camunda.spin.plugin.variable.SpinValues.jsonValue(text).create());
  }

  public static ProcessVariable<Date> date(String name) {
    return new ProcessVariable<>(
        name, Date.class, value -> cast(name, Date.class, value), Variables::dateValue);
  }

  private static <V> V cast(String name, Class<V> type, Object value) {
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Variable '%s' should be a %s but is a %s"
              .formatted(name, type.getSimpleName(), value.getClass().getSimpleName()));
    }
    return type.cast(value);
  }

  public String name() {
    return name;
  }

  public Class<T> type() {
    return type;
  }

  /** The value, or empty when unset or null. */
  public Optional<T> find(VariableScope scope) {
    return Optional.ofNullable(unwrap(scope.getVariable(name))).map(reader);
  }

  /** The value, which must be set. */
  public T get(VariableScope scope) {
    return find(scope)
        .orElseThrow(() -> new IllegalStateException("Variable '" + name + "' is not set"));
  }

  /**
   * The value as the channel delivered it, unchecked: for input that is validated before it is
   * trusted (the intake start form sends lists as JSON arrays, numbers as text or numbers).
   */
  public Object raw(VariableScope scope) {
    return unwrap(scope.getVariable(name));
  }

  /** Reads this variable from a map of variables (a start's, a task's, a history query's). */
  public Optional<T> from(Map<String, ?> variables) {
    return Optional.ofNullable(unwrap(variables.get(name))).map(reader);
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, typed(value));
  }

  public void setLocal(VariableScope scope, T value) {
    scope.setVariableLocal(name, typed(value));
  }

  /** Copies this variable, when set, into {@code target} as a local variable named {@code as}. */
  public void copyLocal(VariableScope source, VariableScope target, String as) {
    find(source).ifPresent(value -> target.setVariableLocal(as, typed(value)));
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }

  /** The value as the engine stores it. */
  public TypedValue typed(T value) {
    return writer.apply(value);
  }

  private static Object unwrap(Object value) {
    return value instanceof TypedValue typed ? typed.getValue() : value;
  }

  /** A typed builder of the variables a start, a message or a task completion passes. */
  public static Builder variables() {
    return new Builder();
  }

  /** Collects typed values; {@link #build()} gives the map the engine's APIs take. */
  public static final class Builder {
    private final VariableMap map = Variables.createVariables();

    private Builder() {}

    public <V> Builder put(ProcessVariable<V> variable, V value) {
      map.putValueTyped(variable.name(), variable.typed(value));
      return this;
    }

    public VariableMap build() {
      return map;
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
