package com.tandem.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

/** One bad intake field and what is wrong with it, in words a form can show next to the field. */
public record FieldProblem(String field, String message) {

  /**
   * A Bean Validation violation, its field named as Spring names it in a binding result: {@code
   * seats}, {@code capabilities[0]}, {@code address.city}; a violation of the whole object is the
   * {@code body}'s.
   */
  public static FieldProblem of(ConstraintViolation<?> violation) {
    StringBuilder field = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.isInIterable() && node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      } else if (node.isInIterable() && node.getKey() != null) {
        field.append('[').append(node.getKey()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
      }
    }
    return new FieldProblem(field.isEmpty() ? "body" : field.toString(), violation.getMessage());
  }

  /**
   * The top-level field this problem is about: {@code capabilities} for {@code capabilities[0]}.
   */
  public String topLevelField() {
    int end = 0;
    while (end < field.length() && field.charAt(end) != '[' && field.charAt(end) != '.') {
      end++;
    }
    return field.substring(0, end);
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
