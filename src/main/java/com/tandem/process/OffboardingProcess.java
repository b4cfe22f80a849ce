package com.tandem.process;

import static com.tandem.process.ProcessVariable.bool;
import static com.tandem.process.ProcessVariable.number;
import static com.tandem.process.ProcessVariable.string;

/**
 * The {@code tool-offboarding} process (PRODUCT.md §6) as code sees it: key, element ids and typed
 * variables. Business key = the offboarding id, {@code OFF-<year>-<5 digits>}; the case itself
 * (what was exported, revoked, deleted) lives in Tandem's table {@code tandem_offboarding}.
 *
 * <h2>Starting it</h2>
 *
 * Three ways, all ending in the same registration step (which checks the tool and gives the case
 * its id, synchronously, so a refused start leaves nothing behind):
 *
 * <ul>
 *   <li>{@code POST /api/inventory/tools/{id}/retire} (it-leadership, admins);
 *   <li>Tasklist's start form (it-leadership): {@link #TOOL_ID} and {@link #OFFBOARDING_REASON};
 *       the starter becomes {@link #REQUESTED_BY} ({@code camunda:initiator});
 *   <li>a call activity of another process ({@code shadow-it-review}, {@code tool-renewal}).
 * </ul>
 *
 * <h2>What a calling process passes in</h2>
 *
 * <ul>
 *   <li>{@link #TOOL_ID} (required, Long): the inventory id of the tool, which must be ACTIVE and
 *       not being offboarded already (else the call fails: an incident at the caller's step);
 *   <li>{@link #OFFBOARDING_REASON} (required, String, at most 4000 characters): why;
 *   <li>{@link #REQUESTED_BY} (required, String): the user id of who decided it (e.g. the CIO who
 *       decided SUNSET); mailed when nobody else owns the tool;
 *   <li>{@link #ORIGIN_CASE_ID} (optional, String): the calling case, e.g. {@code SIT-2026-00003},
 *       recorded with the offboarding.
 * </ul>
 *
 * Do not pass a business key: the offboarding gets its own {@code OFF-…} key.
 *
 * <h2>What comes out</h2>
 *
 * <ul>
 *   <li>{@link #OFFBOARDING_ID} (String): the {@code OFF-…} id, set at registration;
 *   <li>{@link #TOOL_RETIRED} (Boolean): true once the tool is RETIRED (the only normal end).
 * </ul>
 *
 * The tool's status, its later-year budget commitments (released) and the record are visible to the
 * caller through the inventory ({@code GET /api/inventory/tools/{id}}).
 */
public final class OffboardingProcess {

  public static final String PROCESS_KEY = "tool-offboarding";

  /** Prefix of the case numbers ({@code request.RequestNumbers}). */
  public static final String CASE_PREFIX = "OFF";

  /** Ids of the elements of bpmn/tool-offboarding.bpmn that code and tests refer to. */
  public static final class Elements {
    public static final String START_OFFBOARDING_REQUESTED = "StartEvent_OffboardingRequested";
    public static final String REGISTER_OFFBOARDING = "Task_RegisterOffboarding";
    public static final String EXPORT_DATA = "Task_ExportData";
    public static final String REVOKE_ACCESS = "Task_RevokeAccess";
    public static final String CONFIRM_DELETION = "Task_ConfirmDeletion";
    public static final String TIMER_DELETION_OVERDUE = "Timer_DeletionOverdue";
    public static final String ESCALATE_DELETION = "Task_EscalateDeletion";
    public static final String END_DELETION_ESCALATED = "EndEvent_DeletionEscalated";
    public static final String RETIRE_TOOL = "Task_RetireTool";
    public static final String NOTIFY_OWNER = "Task_NotifyOwner";
    public static final String END_TOOL_RETIRED = "EndEvent_ToolRetired";

    private Elements() {}
  }

  // In: what a start (API, Tasklist, call activity) passes.
  public static final ProcessVariable<Long> TOOL_ID = number("toolId");
  public static final ProcessVariable<String> OFFBOARDING_REASON = string("offboardingReason");
  public static final ProcessVariable<String> REQUESTED_BY = string("offboardingRequestedBy");
  public static final ProcessVariable<String> ORIGIN_CASE_ID = string("originCaseId");

  // Set at registration, for the forms, the task names and the routing of the deletion task.
  public static final ProcessVariable<String> OFFBOARDING_ID = string("offboardingId");

  /** The same variable as the purchase's: the task names read it. */
  public static final ProcessVariable<String> TOOL_NAME = PurchaseProcess.TOOL_NAME;

  public static final ProcessVariable<String> VENDOR = PurchaseProcess.VENDOR;
  public static final ProcessVariable<String> PERSONAL_DATA = PurchaseProcess.PERSONAL_DATA;
  public static final ProcessVariable<String> SSO = PurchaseProcess.SSO;
  public static final ProcessVariable<String> TOOL_OWNER = string("toolOwner");

  /** The integrations recorded on the tool, as the options of the revoke form's checklist. */
  public static final ProcessVariable<String> TOOL_INTEGRATIONS =
      ProcessVariable.json("toolIntegrations");

  /** "HubSpot Marketing Hub, Salesforce Sales Cloud" or "none recorded", for reading. */
  public static final ProcessVariable<String> TOOL_INTEGRATIONS_TEXT =
      string("toolIntegrationsText");

  /** privacy-legal when the tool held personal data (PERSONAL, SENSITIVE), else it-operations. */
  public static final ProcessVariable<String> DELETION_GROUP = string("deletionGroup");

  /** ISO-8601 duration after which an unconfirmed deletion is escalated (default P30D). */
  public static final ProcessVariable<String> DELETION_REMINDER = string("deletionReminder");

  // Task_ExportData (PRODUCT.md §6).
  public static final ProcessVariable<String> EXPORT_LOCATION = string("exportLocation");
  public static final ProcessVariable<String> EXPORT_FORMAT = string("exportFormat");
  public static final ProcessVariable<Long> EXPORT_RECORD_COUNT = number("exportRecordCount");
  public static final ProcessVariable<String> EXPORT_VERIFIED_BY = string("exportVerifiedBy");
  public static final ProcessVariable<Boolean> NO_DATA_HELD = bool("noDataHeld");

  /** Why the tool held no data of ours; required when {@link #NO_DATA_HELD} is true. */
  public static final ProcessVariable<String> NO_DATA_REASON = string("noDataReason");

  // Task_RevokeAccess.
  public static final ProcessVariable<Boolean> SSO_REMOVED = bool("ssoRemoved");
  public static final ProcessVariable<Boolean> API_KEYS_REVOKED = bool("apiKeysRevoked");

  /**
   * The integrations confirmed disconnected: the checklist of the form sends a JSON array of the
   * integration names; a list or comma-separated text is accepted from other clients.
   */
  public static final ProcessVariable<String> INTEGRATIONS_DISCONNECTED =
      ProcessVariable.json("integrationsDisconnected");

  // Task_ConfirmDeletion.
  /** The date the vendor confirmed deletion, {@code yyyy-MM-dd}; not in the future. */
  public static final ProcessVariable<String> DELETION_CONFIRMED_ON = string("deletionConfirmedOn");

  public static final ProcessVariable<String> DELETION_REFERENCE = string("deletionReference");

  // Out.
  public static final ProcessVariable<Boolean> TOOL_RETIRED = bool("toolRetired");

  private OffboardingProcess() {}
}
