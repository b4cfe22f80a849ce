package com.tandem.offboarding;

import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.notification.Notifier;
import com.tandem.notification.TaskEscalations;
import com.tandem.process.OffboardingProcess;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service steps of an offboarding: retire the tool (and release its later-year budget), mail
 * its owner, and escalate a deletion confirmation that is overdue. Each is idempotent per case: a
 * retried job changes and sends nothing twice.
 */
@Service
public class OffboardingSteps {

  private static final Logger LOG = LoggerFactory.getLogger(OffboardingSteps.class);

  private final Offboardings offboardings;
  private final InventoryService inventory;
  private final BudgetService budget;
  private final Notifier notifier;
  private final TaskService taskService;
  private final TaskEscalations escalations;
  private final Clock clock;

  public OffboardingSteps(
      Offboardings offboardings,
      InventoryService inventory,
      BudgetService budget,
      Notifier notifier,
      TaskService taskService,
      TaskEscalations escalations,
      Clock clock) {
    this.offboardings = offboardings;
    this.inventory = inventory;
    this.budget = budget;
    this.notifier = notifier;
    this.taskService = taskService;
    this.escalations = escalations;
    this.clock = clock;
  }

  /**
   * The tool becomes RETIRED (kept in the inventory with its history); what its purchase request
   * holds or committed for fiscal years after the current one is released; the case is done.
   */
  @Transactional
  public void retire(String offboardingId) {
    Offboarding offboarding = offboardings.get(offboardingId);
    inventory.retire(offboarding.toolId());
    Tool tool = inventory.tool(offboarding.toolId()).orElseThrow();
    if (tool.requestId() != null) {
      int currentYear = budget.fiscalYearOf(LocalDate.now(clock));
      budget.releaseAfter(tool.requestId(), currentYear);
    }
    if (offboardings.end(offboardingId, OffboardingStatus.RETIRED)) {
      LOG.info("Offboarding {}: {} is retired", offboardingId, tool.name());
    }
  }

  /** Mails the tool's owner contact (see {@link Offboarding#ownerContact()}) what was done. */
  public void notifyOwner(String offboardingId) {
    Offboarding offboarding = offboardings.get(offboardingId);
    Tool tool = inventory.tool(offboarding.toolId()).orElseThrow();
    Offboarding.Export export = offboarding.export();
    String data =
        export == null
            ? "not recorded"
            : export.noDataHeld()
                ? "none held (" + export.noDataReason() + ")"
                : "%d records as %s at %s, checked by %s"
                    .formatted(
                        export.recordCount(),
                        export.format(),
                        export.location(),
                        export.verifiedBy());
    String deletion =
        offboarding.deletion() == null
            ? "not recorded"
            : "confirmed by the vendor on %s (reference %s)"
                .formatted(
                    offboarding.deletion().confirmedOn(), offboarding.deletion().reference());
    String body =
        """
        %s (%s), which you own or asked to retire, is now retired (offboarding %s).

        Why: %s
        Our data: %s
        Access: single sign-on removed, API keys revoked, every integration disconnected.
        Deletion at the vendor: %s

        The tool stays in the inventory as RETIRED with this record; its budget for the years after
        this one is released.

        Tandem"""
            .formatted(
                tool.name(), tool.vendor(), offboardingId, offboarding.reason(), data, deletion);
    notifier.notifyUser(
        offboardingId,
        "tool-retired",
        offboarding.ownerContact(),
        "[%s] %s is retired".formatted(offboardingId, tool.name()),
        body);
  }

  /**
   * The vendor's deletion confirmation is overdue: the task's group is reminded, its leadership
   * ({@code tandem.escalation.leadership.<group>}, the CIO by default) told, the task's priority
   * raised. The task stays open. Each mail goes once per task.
   */
  public void escalateDeletion(String offboardingId, String toolName, String processInstanceId) {
    List<Task> late =
        taskService
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(OffboardingProcess.Elements.CONFIRM_DELETION)
            .list();
    for (Task task : late) {
      String subject = "[%s] Overdue: %s".formatted(offboardingId, task.getName());
      String body =
          """
          The vendor's confirmation that our data in %s is deleted (offboarding %s) is still
          missing. Please obtain it from the vendor and record it in Tasklist: "%s".

          Tandem"""
              .formatted(toolName, offboardingId, task.getName());
      escalations.escalate(offboardingId, task, subject, body);
      offboardings.markDeletionEscalated(offboardingId);
      LOG.warn(
          "Offboarding {}: deletion confirmation overdue; reminded and escalated", offboardingId);
    }
  }

  /** An offboarding instance ended without retiring the tool (cancelled in Cockpit). */
  public void cancelled(String offboardingId) {
    if (offboardings.end(offboardingId, OffboardingStatus.CANCELLED)) {
      LOG.warn("Offboarding {} was cancelled; the tool stays as it is", offboardingId);
    }
  }
}
