package com.tandem.web;

/** One bad intake field and what is wrong with it, in words a form can show next to the field. */
public record FieldProblem(String field, String message) {

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
