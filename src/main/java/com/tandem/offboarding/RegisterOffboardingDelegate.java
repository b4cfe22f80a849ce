package com.tandem.offboarding;

import static com.tandem.process.OffboardingProcess.DELETION_GROUP;
import static com.tandem.process.OffboardingProcess.DELETION_REMINDER;
import static com.tandem.process.OffboardingProcess.OFFBOARDING_ID;
import static com.tandem.process.OffboardingProcess.OFFBOARDING_REASON;
import static com.tandem.process.OffboardingProcess.ORIGIN_CASE_ID;
import static com.tandem.process.OffboardingProcess.PERSONAL_DATA;
import static com.tandem.process.OffboardingProcess.REQUESTED_BY;
import static com.tandem.process.OffboardingProcess.SSO;
import static com.tandem.process.OffboardingProcess.TOOL_ID;
import static com.tandem.process.OffboardingProcess.TOOL_INTEGRATIONS;
import static com.tandem.process.OffboardingProcess.TOOL_INTEGRATIONS_TEXT;
import static com.tandem.process.OffboardingProcess.TOOL_NAME;
import static com.tandem.process.OffboardingProcess.TOOL_OWNER;
import static com.tandem.process.OffboardingProcess.VENDOR;

import com.tandem.offboarding.OffboardingRefusedException.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Registers the offboarding in the start's transaction (not behind an async continuation, like the
 * purchase's registration): a Tasklist start for a tool that is not ACTIVE, or already being
 * offboarded, is refused with a message and leaves nothing behind. Sets the business key ({@code
 * OFF-…}) and what the forms, the task names and the deletion task's routing read.
 */
@Component
public class RegisterOffboardingDelegate implements JavaDelegate {

  private final OffboardingService service;
  private final OffboardingProperties properties;

  public RegisterOffboardingDelegate(OffboardingService service, OffboardingProperties properties) {
    this.service = service;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    OffboardingService.Registered registered =
        service.register(
            toolId(TOOL_ID.raw(execution)),
            OFFBOARDING_REASON.find(execution).orElse(null),
            REQUESTED_BY.find(execution).orElse(null),
            ORIGIN_CASE_ID.find(execution).orElse(null),
            execution.getProcessInstanceId());
    execution.setProcessBusinessKey(registered.id());
    MDC.put("requestId", registered.id());
    OFFBOARDING_ID.set(execution, registered.id());
    TOOL_ID.set(execution, registered.tool().id());
    TOOL_NAME.set(execution, registered.tool().name());
    VENDOR.set(execution, registered.tool().vendor());
    TOOL_OWNER.set(execution, registered.tool().owner());
    PERSONAL_DATA.set(execution, registered.tool().personalData());
    SSO.set(execution, registered.tool().sso());
    TOOL_INTEGRATIONS.set(execution, service.checklist(registered.integrations()));
    TOOL_INTEGRATIONS_TEXT.set(
        execution,
        registered.integrations().isEmpty()
            ? "none recorded"
            : listedWithin(registered.integrations(), MAX_TEXT_VARIABLE));
    DELETION_GROUP.set(execution, registered.deletionGroup());
    DELETION_REMINDER.set(execution, properties.deletionReminder());
  }

  /** Camunda keeps a String variable in at most 4000 characters. */
  static final int MAX_TEXT_VARIABLE = 4000;

  /**
   * The names joined for people to read, cut to what a String variable holds: a tool with very many
   * integrations ends its list with "and N more" (the checklist variable holds them all).
   */
  static String listedWithin(List<String> names, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String next = (i == 0 ? "" : ", ") + names.get(i);
      String more = ", and %d more".formatted(names.size() - i);
      if (text.length() + next.length() + (i == names.size() - 1 ? 0 : more.length()) > max) {
        return text.append(more).toString();
      }
      text.append(next);
    }
    return text.toString();
  }

  /** The tool id as a start form or a client sent it: a whole number, or its text. */
  private static Long toolId(Object raw) {
    if (raw == null) {
      return null;
    }
    try {
      BigDecimal number = new BigDecimal(raw.toString().strip());
      return number.longValueExact();
    } catch (NumberFormatException | ArithmeticException notAnId) {
      throw new OffboardingRefusedException(
          Kind.BAD_INPUT, "The tool (toolId) must be the number of a tool in the inventory.");
    }
  }
}
