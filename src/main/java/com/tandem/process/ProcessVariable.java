package com.tandem.process;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A typed process variable: its name is written once, in {@link PurchaseVariables}, and its type is
 * checked when read, so no code casts a string-named variable on its own.
 */
public final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  public static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  public static ProcessVariable<Boolean> bool(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  public static ProcessVariable<Long> number(String name) {
    return new ProcessVariable<>(name, Long.class);
  }

  public static ProcessVariable<Double> decimal(String name) {
    return new ProcessVariable<>(name, Double.class);
  }

  public static ProcessVariable<java.util.Date> date(String name) {
    return new ProcessVariable<>(name, java.util.Date.class);
  }

  public static ProcessVariable<Object> any(String name) {
    return new ProcessVariable<>(name, Object.class);
  }

  public String name() {
    return name;
  }

  /** The value, or empty when unset or null. */
  public Optional<T> find(VariableScope scope) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof TypedValue typed) {
      value = typed.getValue();
    }
    if (type == Long.class && value instanceof Number n) {
      return Optional.of(type.cast(n.longValue()));
    }
    if (type == Double.class && value instanceof Number n) {
      return Optional.of(type.cast(n.doubleValue()));
    }
    if (!type.isInstance(value)) {
      throw new IllegalStateException(
          "Variable '%s' should be a %s but is a %s"
              .formatted(name, type.getSimpleName(), value.getClass().getSimpleName()));
    }
    return Optional.of(type.cast(value));
  }

  /** The value, which must be set. */
  public T get(VariableScope scope) {
    return find(scope)
        .orElseThrow(() -> new IllegalStateException("Variable '" + name + "' is not set"));
  }

  public void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  public void remove(VariableScope scope) {
    scope.removeVariable(name);
  }
}
