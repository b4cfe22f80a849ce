package com.tandem.intake;

import com.tandem.budget.BudgetProperties;
import com.tandem.inventory.Capability;
import com.tandem.inventory.InventoryService;
import com.tandem.request.PersonalData;
import com.tandem.request.PurchaseRequest.IntakeData;
import com.tandem.request.SsoSupport;
import com.tandem.web.FieldProblem;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether intake input is acceptable, for the Tasklist start form, the
 * revise form and the REST API alike. It reads the loosely typed values those channels deliver
 * (strings, numbers, booleans, lists, JSON arrays from Camunda Forms) and either returns the
 * request's data or names every bad field.
 */
@Component
public class IntakeValidator {

  static final int MAX_NAME = 200;
  static final int MAX_URL = 500;
  static final int MAX_TEXT = 4000;
  static final int MAX_SEATS = 100_000;
  static final int MAX_TERM_MONTHS = 60;
  static final int MAX_YEARS_AHEAD = 5;

  private final InventoryService inventory;
  private final Clock clock;
  private final String currency;
  private final BigDecimal maxAmount;

  public IntakeValidator(
      InventoryService inventory, Clock clock, BudgetProperties budget, IntakeProperties intake) {
    this.inventory = inventory;
    this.clock = clock;
    this.currency = budget.currency();
    this.maxAmount = intake.maxAmount();
  }

  /** The request's data from raw field values keyed by the names of PRODUCT.md §4. */
  public IntakeData validate(Map<String, ?> fields) {
    var check = new Check(fields);
    String toolName = check.text("toolName", MAX_NAME, true);
    String vendor = check.text("vendor", MAX_NAME, true);
    String vendorUrl = check.url("vendorUrl");
    List<String> capabilities = check.capabilities("capabilities", true);
    String justification = check.text("businessJustification", MAX_TEXT, true);
    BigDecimal license = check.money("annualLicenseCost");
    BigDecimal implementation = check.money("implementationCost");
    String currencyCode = check.currency("currency");
    Integer seats = check.whole("seats", 1, MAX_SEATS);
    Integer term = check.whole("contractTermMonths", 1, MAX_TERM_MONTHS);
    LocalDate neededBy = check.date("neededBy");
    PersonalData personalData = check.choice("personalData", PersonalData.class);
    SsoSupport sso = check.choice("sso", SsoSupport.class);
    List<String> integrations = check.capabilities("integrations", false);
    Boolean dataExport = check.bool("dataExportSupported");
    if (!check.problems.isEmpty()) {
      throw new IntakeRejectedException(check.problems);
    }
    return new IntakeData(
        toolName,
        vendor,
        vendorUrl,
        capabilities,
        justification,
        license,
        implementation,
        currencyCode,
        seats,
        term,
        neededBy,
        personalData,
        sso,
        integrations,
        dataExport);
  }

  /** Collects the problems of one input. */
  private final class Check {
    private final Map<String, ?> fields;
    private final List<FieldProblem> problems = new ArrayList<>();
    private Set<String> knownCapabilities;

    Check(Map<String, ?> fields) {
      this.fields = fields;
    }

    /** The taxonomy's codes, read once per validation rather than once per code. */
    private boolean isKnownCapability(String code) {
      if (knownCapabilities == null) {
        knownCapabilities =
            inventory.capabilities().stream().map(Capability::code).collect(Collectors.toSet());
      }
      return knownCapabilities.contains(code);
    }

    private Object raw(String field) {
      Object value = fields.get(field);
      if (value instanceof SpinJsonNode json) {
        return json.isNull()
            ? null
            : json.isArray()
                ? json.elements().stream()
                    .map(e -> e.isString() ? e.stringValue() : e.toString())
                    .toList()
                : json.isString()
                    ? json.stringValue()
                    : json.isNumber()
                        ? json.numberValue()
                        : json.isBoolean() ? json.boolValue() : json.toString();
      }
      return value;
    }

    private boolean missing(String field, Object value) {
      if (value == null || (value instanceof String s && s.isBlank())) {
        problems.add(new FieldProblem(field, "is required"));
        return true;
      }
      return false;
    }

    String text(String field, int max, boolean required) {
      Object value = raw(field);
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (required) {
          problems.add(new FieldProblem(field, "is required"));
        }
        return null;
      }
      if (!(value instanceof String s)) {
        problems.add(new FieldProblem(field, "must be text"));
        return null;
      }
      String trimmed = s.strip();
      if (trimmed.length() > max) {
        problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
        return null;
      }
      return trimmed;
    }

    String url(String field) {
      String url = text(field, MAX_URL, false);
      if (url == null) {
        return null;
      }
      try {
        URI uri = new URI(url);
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
            || uri.getHost() == null) {
          throw new IllegalArgumentException();
        }
        return url;
      } catch (Exception notAUrl) {
        problems.add(new FieldProblem(field, "must be a web address starting with https://"));
        return null;
      }
    }

    List<String> capabilities(String field, boolean required) {
      Object value = raw(field);
      if (value == null || (value instanceof String s && s.isBlank())) {
        if (required) {
          problems.add(new FieldProblem(field, "must name at least one capability"));
        }
        return List.of();
      }
      Collection<?> items;
      if (value instanceof Collection<?> c) {
        items = c;
      } else if (value instanceof String s) {
        items = List.of(s.split("\\s*,\\s*"));
      } else {
        problems.add(new FieldProblem(field, "must be a list of capability codes"));
        return List.of();
      }
      if (required && items.isEmpty()) {
        problems.add(new FieldProblem(field, "must name at least one capability"));
        return List.of();
      }
      Set<String> codes = new LinkedHashSet<>();
      List<String> unknown = new ArrayList<>();
      for (Object item : items) {
        if (item instanceof String code && isKnownCapability(code.strip())) {
          codes.add(code.strip());
        } else {
          unknown.add(String.valueOf(item));
        }
      }
      if (!unknown.isEmpty()) {
        String shown =
            String.join(
                ", ",
                unknown.stream()
                    .limit(5)
                    .map(u -> u.length() > 40 ? u.substring(0, 40) + "…" : u)
                    .toList());
        problems.add(
            new FieldProblem(
                field, "unknown capability code(s): " + shown + " (see GET /api/capabilities)"));
        return List.of();
      }
      return List.copyOf(codes);
    }

    BigDecimal money(String field) {
      Object value = raw(field);
      if (missing(field, value)) {
        return null;
      }
      BigDecimal amount;
      try {
        amount =
            value instanceof Number || value instanceof String
                ? new BigDecimal(value.toString().strip())
                : null;
      } catch (NumberFormatException notANumber) {
        amount = null;
      }
      if (amount == null) {
        problems.add(new FieldProblem(field, "must be an amount such as 12000.00"));
        return null;
      }
      if (amount.signum() < 0) {
        problems.add(new FieldProblem(field, "must not be negative"));
        return null;
      }
      if (amount.compareTo(maxAmount) > 0) {
        problems.add(new FieldProblem(field, "must be at most " + maxAmount.toPlainString()));
        return null;
      }
      BigDecimal cents = amount.stripTrailingZeros();
      if (cents.scale() > 2) {
        problems.add(new FieldProblem(field, "must have at most two decimals"));
        return null;
      }
      return amount.setScale(2);
    }

    String currency(String field) {
      String code = text(field, 3, true);
      if (code != null && !code.equals(currency)) {
        problems.add(
            new FieldProblem(
                field, "must be " + currency + ", the currency Tandem keeps budgets in"));
        return null;
      }
      return code;
    }

    Integer whole(String field, int min, int max) {
      Object value = raw(field);
      if (missing(field, value)) {
        return null;
      }
      BigDecimal number;
      try {
        number =
            value instanceof Number || value instanceof String
                ? new BigDecimal(value.toString().strip())
                : null;
      } catch (NumberFormatException notANumber) {
        number = null;
      }
      if (number == null || number.stripTrailingZeros().scale() > 0) {
        problems.add(new FieldProblem(field, "must be a whole number"));
        return null;
      }
      if (number.compareTo(BigDecimal.valueOf(min)) < 0
          || number.compareTo(BigDecimal.valueOf(max)) > 0) {
        problems.add(new FieldProblem(field, "must be between " + min + " and " + max));
        return null;
      }
      return number.intValueExact();
    }

    LocalDate date(String field) {
      Object value = raw(field);
      if (missing(field, value)) {
        return null;
      }
      LocalDate date;
      try {
        date =
            value instanceof Date d
                ? d.toInstant().atZone(ZoneId.systemDefault()).toLocalDate()
                : value instanceof String s
                    ? LocalDate.parse(
                        s.strip().length() > 10 && s.charAt(10) == 'T'
                            ? s.strip().substring(0, 10)
                            : s.strip())
                    : null;
      } catch (DateTimeParseException notADate) {
        date = null;
      }
      if (date == null) {
        problems.add(new FieldProblem(field, "must be a date written yyyy-MM-dd"));
        return null;
      }
      LocalDate today = LocalDate.now(clock);
      if (date.isBefore(today)) {
        problems.add(new FieldProblem(field, "must not be in the past"));
        return null;
      }
      if (date.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
        problems.add(new FieldProblem(field, "must be within " + MAX_YEARS_AHEAD + " years"));
        return null;
      }
      return date;
    }

    <E extends Enum<E>> E choice(String field, Class<E> type) {
      Object value = raw(field);
      if (missing(field, value)) {
        return null;
      }
      for (E constant : type.getEnumConstants()) {
        if (constant.name().equals(value)) {
          return constant;
        }
      }
      problems.add(
          new FieldProblem(
              field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
      return null;
    }

    Boolean bool(String field) {
      Object value = raw(field);
      if (value == null) {
        problems.add(new FieldProblem(field, "is required (true or false)"));
        return null;
      }
      if (value instanceof Boolean b) {
        return b;
      }
      if ("true".equals(value) || "false".equals(value)) {
        return Boolean.valueOf((String) value);
      }
      problems.add(new FieldProblem(field, "must be true or false"));
      return null;
    }
  }
}
