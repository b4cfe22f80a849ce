package com.tandem.intake;

import static com.tandem.process.PurchaseProcess.ANNUAL_LICENSE_COST;
import static com.tandem.process.PurchaseProcess.BUSINESS_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.CAPABILITIES;
import static com.tandem.process.PurchaseProcess.CONTRACT_TERM_MONTHS;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.DATA_EXPORT_SUPPORTED;
import static com.tandem.process.PurchaseProcess.IMPLEMENTATION_COST;
import static com.tandem.process.PurchaseProcess.INTEGRATIONS;
import static com.tandem.process.PurchaseProcess.NEEDED_BY;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.SEATS;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.PurchaseProcess.VENDOR_URL;

import com.tandem.process.ProcessVariable;
import com.tandem.request.PersonalData;
import com.tandem.request.SsoSupport;
import com.tandem.web.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Converts the intake variables of a process start or a revise task, as the channel delivered them,
 * into a {@link PurchaseRequestSubmission} for Bean Validation. Channels are loose: the Camunda
 * Forms start form sends lists as JSON arrays and numbers as numbers or text, the engine REST API
 * whatever the caller typed, the API comma-joined lists and money as text ({@link
 * PurchaseRequestSubmission#toVariables()}). A value that cannot be converted becomes a field
 * problem and is left out; conversion goes on, so that every problem is named at once.
 */
final class IntakeForm {

  /** The submission with what could be converted, and the fields that could not. */
  record Converted(PurchaseRequestSubmission submission, List<FieldProblem> problems) {}

  private final Function<ProcessVariable<?>, Object> raw;
  private final List<FieldProblem> problems = new ArrayList<>();

  private IntakeForm(Function<ProcessVariable<?>, Object> raw) {
    this.raw = raw;
  }

  /** Converts the intake variables {@code raw} gives, e.g. {@code v -> v.raw(execution)}. */
  static Converted read(Function<ProcessVariable<?>, Object> raw) {
    IntakeForm form = new IntakeForm(raw);
    var submission =
        new PurchaseRequestSubmission(
            form.text(TOOL_NAME),
            form.text(VENDOR),
            form.text(VENDOR_URL),
            form.list(CAPABILITIES),
            form.text(BUSINESS_JUSTIFICATION),
            form.amount(ANNUAL_LICENSE_COST),
            form.amount(IMPLEMENTATION_COST),
            form.text(CURRENCY),
            form.whole(SEATS),
            form.whole(CONTRACT_TERM_MONTHS),
            form.date(NEEDED_BY),
            form.choice(PERSONAL_DATA, PersonalData.class),
            form.choice(SSO, SsoSupport.class),
            form.list(INTEGRATIONS),
            form.bool(DATA_EXPORT_SUPPORTED));
    return new Converted(submission, List.copyOf(form.problems));
  }

  /** The value as plain Java: JSON of Camunda Forms unwrapped, blank text as absent. */
  private Object value(ProcessVariable<?> variable) {
    Object value = plain(raw.apply(variable));
    return value instanceof String s && s.isBlank() ? null : value;
  }

  private static Object plain(Object value) {
    if (!(value instanceof SpinJsonNode json)) {
      return value;
    }
    if (json.isNull()) {
      return null;
    }
    if (json.isArray()) {
      return json.elements().stream().map(IntakeForm::plain).toList();
    }
    if (json.isString()) {
      return json.stringValue();
    }
    if (json.isNumber()) {
      return json.numberValue();
    }
    return json.isBoolean() ? json.boolValue() : json.toString();
  }

  private <T> T refuse(ProcessVariable<?> variable, String message) {
    problems.add(new FieldProblem(variable.name(), message));
    return null;
  }

  private String text(ProcessVariable<?> variable) {
    Object value = value(variable);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    return refuse(variable, "must be text");
  }

  /** A list: a JSON array, a Java collection, or comma-separated text. */
  private List<String> list(ProcessVariable<?> variable) {
    Object value = value(variable);
    if (value == null) {
      return null;
    }
    Collection<?> items;
    if (value instanceof Collection<?> collection) {
      items = collection;
    } else if (value instanceof String text) {
      items = Arrays.asList(text.split(","));
    } else {
      return refuse(variable, "must be a list of capability codes");
    }
    return items.stream()
        .map(item -> item == null ? "" : String.valueOf(item).strip())
        .filter(item -> !item.isEmpty())
        .toList();
  }

  private BigDecimal amount(ProcessVariable<?> variable) {
    BigDecimal number = number(value(variable));
    if (number == null && value(variable) != null) {
      return refuse(variable, "must be an amount such as 12000.00");
    }
    return number;
  }

  /**
   * A whole number; one beyond the range of an Integer is kept at that range's end, so that the
   * field's {@code @Min} and {@code @Max} name the range allowed.
   */
  private Integer whole(ProcessVariable<?> variable) {
    Object value = value(variable);
    BigDecimal number = number(value);
    if (value == null) {
      return null;
    }
    if (number == null || number.stripTrailingZeros().scale() > 0) {
      return refuse(variable, "must be a whole number");
    }
    return number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0
        ? Integer.MAX_VALUE
        : number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
            ? Integer.MIN_VALUE
            : number.intValueExact();
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().strip());
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  /** A date as yyyy-MM-dd text: Dates and date-times (Camunda Forms' pickers) cut to the day. */
  private String date(ProcessVariable<?> variable) {
    Object value = value(variable);
    if (value instanceof Date date) {
      return LocalDate.ofInstant(date.toInstant(), ZoneId.systemDefault()).toString();
    }
    if (value instanceof String text) {
      String day = text.strip();
      return day.length() > 10 && day.charAt(10) == 'T' ? day.substring(0, 10) : day;
    }
    return value == null ? null : refuse(variable, "must be a date written yyyy-MM-dd");
  }

  private <E extends Enum<E>> E choice(ProcessVariable<?> variable, Class<E> type) {
    Object value = value(variable);
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    return refuse(
        variable,
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", ")));
  }

  private Boolean bool(ProcessVariable<?> variable) {
    Object value = value(variable);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    return refuse(variable, "must be true or false");
  }
}
