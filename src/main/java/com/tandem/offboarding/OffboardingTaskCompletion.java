package com.tandem.offboarding;

import static com.tandem.process.OffboardingProcess.API_KEYS_REVOKED;
import static com.tandem.process.OffboardingProcess.DELETION_CONFIRMED_ON;
import static com.tandem.process.OffboardingProcess.DELETION_REFERENCE;
import static com.tandem.process.OffboardingProcess.EXPORT_FORMAT;
import static com.tandem.process.OffboardingProcess.EXPORT_LOCATION;
import static com.tandem.process.OffboardingProcess.EXPORT_RECORD_COUNT;
import static com.tandem.process.OffboardingProcess.EXPORT_VERIFIED_BY;
import static com.tandem.process.OffboardingProcess.INTEGRATIONS_DISCONNECTED;
import static com.tandem.process.OffboardingProcess.NO_DATA_HELD;
import static com.tandem.process.OffboardingProcess.NO_DATA_REASON;
import static com.tandem.process.OffboardingProcess.OFFBOARDING_ID;
import static com.tandem.process.OffboardingProcess.SSO_REMOVED;

import com.tandem.process.OffboardingProcess.Elements;
import com.tandem.process.ProcessVariable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Completing an offboarding task checks what it must record and writes it to the offboarding's
 * record ({@code tandem_offboarding}), in the completing transaction: a completion without the
 * export's facts, with an integration not confirmed disconnected, or with a deletion date in the
 * future is refused with a sentence Tasklist shows, whatever client completed the task.
 *
 * <p>The offboarding's steps are recorded here, not by the purchase's {@code
 * recordDecisionListener} (its decision log belongs to purchase requests).
 */
@Component
public class OffboardingTaskCompletion implements TaskListener {

  private static final int MAX_LOCATION = 1000;
  private static final int MAX_FORMAT = 64;
  private static final int MAX_NAME = 200;
  private static final int MAX_TEXT = 4000;

  private final Offboardings offboardings;
  private final IdentityService identityService;
  private final Clock clock;

  public OffboardingTaskCompletion(
      Offboardings offboardings, IdentityService identityService, Clock clock) {
    this.offboardings = offboardings;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String id = OFFBOARDING_ID.get(task);
    String by =
        Optional.ofNullable(identityService.getCurrentAuthentication())
            .map(Authentication::getUserId)
            .orElse(task.getAssignee());
    switch (task.getTaskDefinitionKey()) {
      case Elements.EXPORT_DATA -> offboardings.recordExport(id, export(task, by));
      case Elements.REVOKE_ACCESS -> revoke(task, id, by);
      case Elements.CONFIRM_DELETION -> confirmDeletion(task, id, by);
      default ->
          throw new IllegalStateException(
              "Task " + task.getTaskDefinitionKey() + " is not a task of the offboarding");
    }
  }

  private Offboarding.Export export(DelegateTask task, String by) {
    if (isTrue(NO_DATA_HELD.raw(task))) {
      String reason = text(task, NO_DATA_REASON, MAX_TEXT);
      if (reason == null) {
        throw new BadUserRequestException(
            "You ticked that the tool held none of our data (noDataHeld): please say why"
                + " (noDataReason).");
      }
      return new Offboarding.Export(true, reason, null, null, null, null, by, null);
    }
    List<String> missing = new ArrayList<>();
    String location = text(task, EXPORT_LOCATION, MAX_LOCATION);
    if (location == null) {
      missing.add("where the export is kept (exportLocation)");
    }
    String format = text(task, EXPORT_FORMAT, MAX_FORMAT);
    if (format == null) {
      missing.add("its format (exportFormat)");
    }
    Long count = count(task);
    if (count == null) {
      missing.add("how many records it holds (exportRecordCount)");
    }
    String verifiedBy = text(task, EXPORT_VERIFIED_BY, MAX_NAME);
    if (verifiedBy == null) {
      missing.add("who checked it is complete (exportVerifiedBy)");
    }
    if (!missing.isEmpty()) {
      throw new BadUserRequestException(
          "The export is not recorded yet: please give "
              + String.join(", ", missing)
              + ". If the tool held none of our data, tick noDataHeld and say why (noDataReason).");
    }
    return new Offboarding.Export(false, null, location, format, count, verifiedBy, by, null);
  }

  private void revoke(DelegateTask task, String id, String by) {
    List<String> missing = new ArrayList<>();
    if (!isTrue(SSO_REMOVED.raw(task))) {
      missing.add("confirm that single sign-on access is removed (ssoRemoved)");
    }
    if (!isTrue(API_KEYS_REVOKED.raw(task))) {
      missing.add("confirm that its API keys and tokens are revoked (apiKeysRevoked)");
    }
    Set<String> disconnected = names(plain(INTEGRATIONS_DISCONNECTED.raw(task)));
    List<String> connected =
        offboardings.integrations(id).stream()
            .filter(integration -> !disconnected.contains(integration))
            .toList();
    if (!connected.isEmpty()) {
      missing.add(
          "confirm each integration disconnected (integrationsDisconnected); still connected: "
              + String.join(", ", connected));
    }
    if (!missing.isEmpty()) {
      throw new BadUserRequestException(
          "Access is not fully revoked yet: please " + String.join("; ", missing) + ".");
    }
    offboardings.recordRevocation(id, true, true, disconnected, by);
  }

  private void confirmDeletion(DelegateTask task, String id, String by) {
    LocalDate confirmedOn = date(plain(DELETION_CONFIRMED_ON.raw(task)));
    String reference = text(task, DELETION_REFERENCE, MAX_NAME);
    List<String> missing = new ArrayList<>();
    if (confirmedOn == null) {
      missing.add("the date the vendor confirmed deletion (deletionConfirmedOn, e.g. 2026-11-20)");
    }
    if (reference == null) {
      missing.add("the vendor's reference for the deletion (deletionReference)");
    }
    if (!missing.isEmpty()) {
      throw new BadUserRequestException(
          "The deletion is not confirmed yet: please give " + String.join(" and ", missing) + ".");
    }
    if (confirmedOn.isAfter(LocalDate.now(clock))) {
      throw new BadUserRequestException(
          "The deletion date (deletionConfirmedOn) "
              + confirmedOn
              + " is in the future: enter the date the vendor confirmed it.");
    }
    offboardings.recordDeletion(id, confirmedOn, reference, by);
  }

  /** Stripped text, null when absent or blank; refused when not text or too long. */
  private static String text(DelegateTask task, ProcessVariable<String> variable, int max) {
    Object value = plain(variable.raw(task));
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      throw new BadUserRequestException(variable.name() + " must be text.");
    }
    String stripped = text.strip();
    if (stripped.length() > max) {
      throw new BadUserRequestException(
          "%s must be at most %d characters.".formatted(variable.name(), max));
    }
    return stripped.isEmpty() ? null : stripped;
  }

  private static Long count(DelegateTask task) {
    Object value = plain(EXPORT_RECORD_COUNT.raw(task));
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    try {
      long count = new BigDecimal(value.toString().strip()).longValueExact();
      if (count < 0) {
        throw new ArithmeticException("negative");
      }
      return count;
    } catch (NumberFormatException | ArithmeticException notACount) {
      throw new BadUserRequestException(
          "The number of records exported (exportRecordCount) must be a whole number, 0 or more.");
    }
  }

  private LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Date date) {
      return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
    String text = value.toString().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException notADate) {
      throw new BadUserRequestException(
          "The deletion date (deletionConfirmedOn) must be a date such as 2026-11-20, not "
              + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
              + ".");
    }
  }

  /** The names of a checklist's answer: a JSON array, a Java collection or comma-separated text. */
  private static Set<String> names(Object value) {
    Collection<?> items;
    if (value == null) {
      items = List.of();
    } else if (value instanceof Collection<?> collection) {
      items = collection;
    } else if (value instanceof String text && text.strip().startsWith("[")) {
      items = names(plain(org.camunda.spin.Spin.JSON(text)));
    } else {
      items = Arrays.asList(value.toString().split(","));
    }
    Set<String> names = new LinkedHashSet<>();
    for (Object item : items) {
      if (item != null && !item.toString().isBlank()) {
        names.add(item.toString().strip());
      }
    }
    return names;
  }

  private static boolean isTrue(Object raw) {
    Object value = plain(raw);
    return Boolean.TRUE.equals(value) || "true".equals(value);
  }

  /** Camunda Forms' JSON as plain Java values. */
  private static Object plain(Object value) {
    if (!(value instanceof SpinJsonNode json)) {
      return value;
    }
    if (json.isNull()) {
      return null;
    }
    if (json.isArray()) {
      return json.elements().stream().map(OffboardingTaskCompletion::plain).toList();
    }
    if (json.isString()) {
      return json.stringValue();
    }
    if (json.isNumber()) {
      return json.numberValue();
    }
    return json.isBoolean() ? json.boolValue() : json.toString();
  }
}
