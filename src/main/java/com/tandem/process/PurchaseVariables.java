package com.tandem.process;

import static com.tandem.process.ProcessVariable.any;
import static com.tandem.process.ProcessVariable.bool;
import static com.tandem.process.ProcessVariable.date;
import static com.tandem.process.ProcessVariable.decimal;
import static com.tandem.process.ProcessVariable.number;
import static com.tandem.process.ProcessVariable.string;

/**
 * Every variable of the {@code martech-purchase} process, declared once. Names in the first block
 * are the contract of PRODUCT.md (forms, Tasklist filters and the REST API rely on them); the
 * others carry what routing and the forms need. The request itself lives in the registry.
 */
public final class PurchaseVariables {

  public static final String PROCESS_KEY = "martech-purchase";

  // Intake: the fields of PRODUCT.md §4, as the start form and the API pass them.
  public static final ProcessVariable<String> TOOL_NAME = string("toolName");
  public static final ProcessVariable<String> VENDOR = string("vendor");
  public static final ProcessVariable<String> VENDOR_URL = string("vendorUrl");
  public static final ProcessVariable<Object> CAPABILITIES = any("capabilities");
  public static final ProcessVariable<String> BUSINESS_JUSTIFICATION =
      string("businessJustification");
  public static final ProcessVariable<Object> ANNUAL_LICENSE_COST = any("annualLicenseCost");
  public static final ProcessVariable<Object> IMPLEMENTATION_COST = any("implementationCost");
  public static final ProcessVariable<String> CURRENCY = string("currency");
  public static final ProcessVariable<Object> SEATS = any("seats");
  public static final ProcessVariable<Object> CONTRACT_TERM_MONTHS = any("contractTermMonths");
  public static final ProcessVariable<Object> NEEDED_BY = any("neededBy");
  public static final ProcessVariable<String> PERSONAL_DATA = string("personalData");
  public static final ProcessVariable<String> SSO = string("sso");
  public static final ProcessVariable<Object> INTEGRATIONS = any("integrations");
  public static final ProcessVariable<Object> DATA_EXPORT_SUPPORTED = any("dataExportSupported");

  // Set at registration.
  public static final ProcessVariable<String> REQUEST_ID = string("requestId");
  public static final ProcessVariable<String> REQUESTER = string("requester");
  public static final ProcessVariable<Double> TOTAL_FIRST_YEAR_COST = decimal("totalFirstYearCost");
  public static final ProcessVariable<String> CAPABILITIES_TEXT = string("capabilitiesText");
  public static final ProcessVariable<String> INTEGRATIONS_TEXT = string("integrationsText");

  // Inventory check and the requester's choice.
  public static final ProcessVariable<Boolean> OVERLAPS_FOUND = bool("overlapsFound");
  public static final ProcessVariable<String> OVERLAP_SUMMARY = string("overlapSummary");
  public static final ProcessVariable<Boolean> USE_EXISTING_TOOL = bool("useExistingTool");
  public static final ProcessVariable<String> NEW_TOOL_JUSTIFICATION =
      string("newToolJustification");

  // Routing (DMN review-routing).
  public static final ProcessVariable<Boolean> PRIVACY_REVIEW_REQUIRED =
      bool("privacyReviewRequired");
  public static final ProcessVariable<Long> REVIEW_SLA_DAYS = number("reviewSlaDays");
  public static final ProcessVariable<String> REVIEW_SLA = string("reviewSla");
  public static final ProcessVariable<java.util.Date> REVIEW_DUE_DATE = date("reviewDueDate");
  public static final ProcessVariable<Boolean> BOARD_REQUIRED = bool("boardRequired");
  public static final ProcessVariable<String> ROUTING_SUMMARY = string("routingSummary");

  // Joint review.
  public static final ProcessVariable<String> MARKETING_DECISION = string("marketingDecision");
  public static final ProcessVariable<String> MARKETING_COMMENT = string("marketingComment");
  public static final ProcessVariable<String> IT_DECISION = string("itDecision");
  public static final ProcessVariable<String> IT_COMMENT = string("itComment");
  public static final ProcessVariable<String> PRIVACY_DECISION = string("privacyDecision");
  public static final ProcessVariable<String> PRIVACY_COMMENT = string("privacyComment");

  /** APPROVED, REJECTED or CHANGES_REQUESTED: the joint outcome of one review round. */
  public static final ProcessVariable<String> REVIEW_OUTCOME = string("reviewOutcome");

  public static final ProcessVariable<String> REVIEW_SUMMARY = string("reviewSummary");
  public static final ProcessVariable<String> REVISION_ACTION = string("revisionAction");
  public static final ProcessVariable<Boolean> IT_CHECKLIST_SSO = bool("itChecklistSso");
  public static final ProcessVariable<Boolean> IT_CHECKLIST_DATA_EXPORT =
      bool("itChecklistDataExport");
  public static final ProcessVariable<Boolean> IT_CHECKLIST_DELETION = bool("itChecklistDeletion");
  public static final ProcessVariable<Boolean> IT_CHECKLIST_DPA = bool("itChecklistDpa");
  public static final ProcessVariable<Boolean> IT_CHECKLIST_INTEGRATION =
      bool("itChecklistIntegration");

  // Budget.
  public static final ProcessVariable<Boolean> BUDGET_SUFFICIENT = bool("budgetSufficient");
  public static final ProcessVariable<Boolean> HOLDS_PLACED = bool("holdsPlaced");
  public static final ProcessVariable<String> BUDGET_SUMMARY = string("budgetSummary");
  public static final ProcessVariable<Double> PROPOSAL_AMOUNT = decimal("proposalAmount");
  public static final ProcessVariable<String> PROPOSAL_JUSTIFICATION =
      string("proposalJustification");
  public static final ProcessVariable<String> PROPOSAL_SUMMARY = string("proposalSummary");
  public static final ProcessVariable<String> COSIGN_DECISION = string("cosignDecision");
  public static final ProcessVariable<String> COSIGN_COMMENT = string("cosignComment");

  // Board.
  public static final ProcessVariable<String> BOARD_PACKET = string("boardPacket");
  public static final ProcessVariable<String> BOARD_DECISION = string("boardDecision");
  public static final ProcessVariable<String> BOARD_COMMENT = string("boardComment");
  public static final ProcessVariable<String> BOARD_CYCLE = string("boardCycle");

  /** The final status a closing step gives the request: REDIRECTED, REJECTED or WITHDRAWN. */
  public static final ProcessVariable<String> FINAL_STATUS = string("finalStatus");

  // Onboarding.
  public static final ProcessVariable<Boolean> SSO_CONFIGURED = bool("ssoConfigured");
  public static final ProcessVariable<Boolean> DPA_SIGNED = bool("dpaSigned");
  public static final ProcessVariable<String> ONBOARDING_COMMENT = string("onboardingComment");

  private PurchaseVariables() {}
}
