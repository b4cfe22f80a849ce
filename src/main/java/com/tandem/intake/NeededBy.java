package com.tandem.intake;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date written yyyy-MM-dd, not in the past and within {@value #MAX_YEARS_AHEAD} years, by the
 * application's {@link Clock}. Null is valid (left to {@code @NotNull}).
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = NeededBy.Check.class)
public @interface NeededBy {

  int MAX_YEARS_AHEAD = 5;

  String message() default "must be a date written yyyy-MM-dd";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<NeededBy, String> {
    private final Clock clock;

    public Check(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      LocalDate date;
      try {
        date = value.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.parse(value) : null;
      } catch (DateTimeParseException impossible) {
        date = null;
      }
      if (date == null) {
        return false;
      }
      LocalDate today = LocalDate.now(clock);
      String problem =
          date.isBefore(today)
              ? "must not be in the past"
              : date.isAfter(today.plusYears(MAX_YEARS_AHEAD))
                  ? "must be within " + MAX_YEARS_AHEAD + " years"
                  : null;
      if (problem == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
      return false;
    }
  }
}
