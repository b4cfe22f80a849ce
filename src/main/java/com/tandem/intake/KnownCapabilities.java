package com.tandem.intake;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.tandem.inventory.Capability;
import com.tandem.inventory.InventoryService;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The capability codes of a submission ({@code capabilities} and {@code integrations}) are codes of
 * the taxonomy. A constraint of the whole submission rather than of each code, so that the taxonomy
 * is read once per validation, not once per code, and each list is named with all its unknown codes
 * at once. Codes that are not even shaped like codes are left to the element constraints.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = KnownCapabilities.Check.class)
public @interface KnownCapabilities {

  String message() default "unknown capability code(s)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<KnownCapabilities, PurchaseRequestSubmission> {
    private static final int SHOWN = 5;
    private static final int SHOWN_LENGTH = 40;
    private final InventoryService inventory;

    public Check(InventoryService inventory) {
      this.inventory = inventory;
    }

    @Override
    public boolean isValid(PurchaseRequestSubmission body, ConstraintValidatorContext context) {
      if (body == null || (empty(body.capabilities()) && empty(body.integrations()))) {
        return true;
      }
      Set<String> known =
          inventory.capabilities().stream().map(Capability::code).collect(Collectors.toSet());
      boolean valid = check("capabilities", body.capabilities(), known, context);
      valid &= check("integrations", body.integrations(), known, context);
      if (!valid) {
        context.disableDefaultConstraintViolation();
      }
      return valid;
    }

    private static boolean empty(List<String> codes) {
      return codes == null || codes.isEmpty();
    }

    private static boolean check(
        String field, List<String> codes, Set<String> known, ConstraintValidatorContext context) {
      if (codes == null) {
        return true;
      }
      List<String> unknown =
          codes.stream()
              .filter(
                  code ->
                      code != null
                          && code.matches(PurchaseRequestSubmission.CODE)
                          && !known.contains(code))
              .distinct()
              .toList();
      if (unknown.isEmpty()) {
        return true;
      }
      String shown =
          unknown.stream()
              .limit(SHOWN)
              .map(u -> u.length() > SHOWN_LENGTH ? u.substring(0, SHOWN_LENGTH) + "…" : u)
              .collect(Collectors.joining(", "));
      context
          .buildConstraintViolationWithTemplate(
              "unknown capability code(s): " + shown + " (see GET /api/capabilities)")
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }
  }
}
