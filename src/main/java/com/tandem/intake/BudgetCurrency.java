package com.tandem.intake;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.tandem.budget.BudgetProperties;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The currency Tandem keeps budgets in ({@code tandem.budget.currency}). Null, and anything that is
 * not a currency code at all, is left to {@code @NotBlank} and {@code @Pattern}.
 */
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = BudgetCurrency.Check.class)
public @interface BudgetCurrency {

  String message() default "must be the currency Tandem keeps budgets in";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<BudgetCurrency, String> {
    private final String currency;

    public Check(BudgetProperties budget) {
      this.currency = budget.currency();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || !value.matches("[A-Z]{3}") || value.equals(currency)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "must be " + currency + ", the currency Tandem keeps budgets in")
          .addConstraintViolation();
      return false;
    }
  }
}
