package com.tandem.process;

import static com.tandem.process.ProcessVariable.bool;
import static com.tandem.process.ProcessVariable.date;
import static com.tandem.process.ProcessVariable.decimal;
import static com.tandem.process.ProcessVariable.number;
import static com.tandem.process.ProcessVariable.string;
import static com.tandem.process.ProcessVariable.text;

import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code martech-purchase} process as code sees it: its key, the ids of its elements, its
 * message and every variable, declared once and typed. The called processes have their own class
 * ({@link JointReviewProcess}, {@link BoardSubmissionProcess}) and read the variables declared
 * here, which the call activities pass them. Names in the first block of variables are the contract
 * of PRODUCT.md (forms, Tasklist filters and the REST API rely on them); the others carry what
 * routing and the forms need. The request itself lives in the registry.
 */
public final class PurchaseProcess {

  public static final String PROCESS_KEY = "martech-purchase";

  /** The message that withdraws a request (correlated by business key = request id). */
  public static final String MESSAGE_REQUEST_WITHDRAWN = "RequestWithdrawn";

  /** Ids of the elements of bpmn/martech-purchase.bpmn that code and tests refer to. */
  public static final class Elements {
    public static final String START_REQUEST_SUBMITTED = "StartEvent_RequestSubmitted";
    public static final String REGISTER_REQUEST = "Task_RegisterRequest";
    public static final String CHECK_INVENTORY = "Task_CheckInventory";
    public static final String CONSIDER_EXISTING_TOOL = "Task_ConsiderExistingTool";
    public static final String ROUTE_REVIEWS = "Task_RouteReviews";
    public static final String JOINT_REVIEW = "CallActivity_JointReview";
    public static final String REVISE_REQUEST = "Task_ReviseRequest";
    public static final String APPLY_REVISION = "Task_ApplyRevision";
    public static final String CHECK_BUDGET = "Task_CheckBudget";
    public static final String DRAFT_BUDGET_PROPOSAL = "Task_DraftBudgetProposal";
    public static final String COSIGN_BUDGET_PROPOSAL = "Task_CosignBudgetProposal";
    public static final String BOARD_SUBMISSION = "CallActivity_BoardSubmission";
    public static final String RAISE_BUDGET = "Task_RaiseBudget";
    public static final String PLACE_BUDGET_HOLDS = "Task_PlaceBudgetHolds";
    public static final String NEGOTIATE_CONTRACT = "Task_NegotiateContract";
    public static final String APPLY_NEGOTIATION = "Task_ApplyNegotiation";
    public static final String REGISTER_TOOL = "Task_RegisterTool";
    public static final String COMPLETE_ONBOARDING = "Task_CompleteOnboarding";
    public static final String ACTIVATE_TOOL = "Task_ActivateTool";
    public static final String CLOSE_REDIRECTED = "Task_CloseRedirected";
    public static final String CLOSE_WITHDRAWN = "Task_CloseWithdrawn";
    public static final String CLOSE_WITHDRAWN_ON_REQUEST = "Task_CloseWithdrawnOnRequest";
    public static final String CLOSE_REJECTED_BY_REVIEW = "Task_CloseRejectedByReview";
    public static final String CLOSE_REJECTED_AT_COSIGN = "Task_CloseRejectedAtCosign";
    public static final String CLOSE_REJECTED_BY_BOARD = "Task_CloseRejectedByBoard";
    public static final String END_ACTIVE = "EndEvent_Active";
    public static final String END_REDIRECTED = "EndEvent_Redirected";
    public static final String END_WITHDRAWN = "EndEvent_Withdrawn";
    public static final String END_WITHDRAWN_ON_REQUEST = "EndEvent_WithdrawnOnRequest";
    public static final String END_REJECTED_BY_REVIEW = "EndEvent_RejectedByReview";
    public static final String END_REJECTED_AT_COSIGN = "EndEvent_RejectedAtCosign";
    public static final String END_REJECTED_BY_BOARD = "EndEvent_RejectedByBoard";
    public static final String GATEWAY_BOARD_OUTCOME = "Gateway_BoardOutcome";
    public static final String GATEWAY_HOLDS_PLACED = "Gateway_HoldsPlaced";
    public static final String GATEWAY_JOIN_DRAFT = "Gateway_JoinDraft";
    public static final String GATEWAY_JOIN_HOLDS = "Gateway_JoinHolds";
    public static final String GATEWAY_JOIN_INTAKE = "Gateway_JoinIntake";
    public static final String GATEWAY_OVERLAPS_FOUND = "Gateway_OverlapsFound";
    public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_ReviewOutcome";
    public static final String START_WITHDRAWAL_REQUESTED = "StartEvent_WithdrawalRequested";
    public static final String SUBPROCESS_WITHDRAWAL = "SubProcess_Withdrawal";

    private Elements() {}
  }

  // Intake: the fields of PRODUCT.md §4, as the start form and the API pass them.
  public static final ProcessVariable<String> TOOL_NAME = string("toolName");
  public static final ProcessVariable<String> VENDOR = string("vendor");
  public static final ProcessVariable<String> VENDOR_URL = string("vendorUrl");
  public static final ProcessVariable<String> CAPABILITIES = string("capabilities");
  public static final ProcessVariable<String> BUSINESS_JUSTIFICATION =
      string("businessJustification");
  public static final ProcessVariable<BigDecimal> ANNUAL_LICENSE_COST =
      decimal("annualLicenseCost");
  public static final ProcessVariable<BigDecimal> IMPLEMENTATION_COST =
      decimal("implementationCost");
  public static final ProcessVariable<String> CURRENCY = string("currency");
  public static final ProcessVariable<Long> SEATS = number("seats");
  public static final ProcessVariable<Long> CONTRACT_TERM_MONTHS = number("contractTermMonths");
  public static final ProcessVariable<String> NEEDED_BY = string("neededBy");
  public static final ProcessVariable<String> PERSONAL_DATA = string("personalData");
  public static final ProcessVariable<String> SSO = string("sso");
  public static final ProcessVariable<String> INTEGRATIONS = string("integrations");
  public static final ProcessVariable<Boolean> DATA_EXPORT_SUPPORTED = bool("dataExportSupported");

  /** The intake fields of PRODUCT.md §4, in the contract's order. */
  public static final List<ProcessVariable<?>> INTAKE_FIELDS =
      List.of(
          TOOL_NAME,
          VENDOR,
          VENDOR_URL,
          CAPABILITIES,
          BUSINESS_JUSTIFICATION,
          ANNUAL_LICENSE_COST,
          IMPLEMENTATION_COST,
          CURRENCY,
          SEATS,
          CONTRACT_TERM_MONTHS,
          NEEDED_BY,
          PERSONAL_DATA,
          SSO,
          INTEGRATIONS,
          DATA_EXPORT_SUPPORTED);

  // Set at registration.
  public static final ProcessVariable<String> REQUEST_ID = string("requestId");
  public static final ProcessVariable<String> REQUESTER = string("requester");
  public static final ProcessVariable<BigDecimal> TOTAL_FIRST_YEAR_COST =
      decimal("totalFirstYearCost");
  public static final ProcessVariable<String> CAPABILITIES_TEXT = text("capabilitiesText");
  public static final ProcessVariable<String> INTEGRATIONS_TEXT = text("integrationsText");

  // Inventory check and the requester's choice.
  public static final ProcessVariable<Boolean> OVERLAPS_FOUND = bool("overlapsFound");
  public static final ProcessVariable<String> OVERLAP_SUMMARY = text("overlapSummary");
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
  public static final ProcessVariable<String> ROUTING_SUMMARY = text("routingSummary");

  // Joint review.
  public static final ProcessVariable<String> MARKETING_DECISION = string("marketingDecision");
  public static final ProcessVariable<String> MARKETING_COMMENT = string("marketingComment");
  public static final ProcessVariable<String> IT_DECISION = string("itDecision");
  public static final ProcessVariable<String> IT_COMMENT = string("itComment");
  public static final ProcessVariable<String> PRIVACY_DECISION = string("privacyDecision");
  public static final ProcessVariable<String> PRIVACY_COMMENT = string("privacyComment");

  /** APPROVED, REJECTED or CHANGES_REQUESTED: the joint outcome of one review round. */
  public static final ProcessVariable<String> REVIEW_OUTCOME = string("reviewOutcome");

  public static final ProcessVariable<String> REVIEW_SUMMARY = text("reviewSummary");
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
  public static final ProcessVariable<String> BUDGET_SUMMARY = text("budgetSummary");
  public static final ProcessVariable<BigDecimal> PROPOSAL_AMOUNT = decimal("proposalAmount");

  /**
   * What the proposal asks to raise the MARKETING line by: prefilled with, never below, its
   * shortfall.
   */
  public static final ProcessVariable<BigDecimal> PROPOSAL_MARKETING_AMOUNT =
      decimal("proposalMarketingAmount");

  /** What the proposal asks to raise the IT line by: prefilled with, never below, its shortfall. */
  public static final ProcessVariable<BigDecimal> PROPOSAL_IT_AMOUNT = decimal("proposalItAmount");

  public static final ProcessVariable<BigDecimal> MARKETING_SHORTFALL =
      decimal("marketingShortfall");
  public static final ProcessVariable<BigDecimal> IT_SHORTFALL = decimal("itShortfall");

  /** Each line's shortfall in words, for the draft form. */
  public static final ProcessVariable<String> SHORTFALL_SUMMARY = string("shortfallSummary");

  public static final ProcessVariable<String> PROPOSAL_JUSTIFICATION =
      string("proposalJustification");
  public static final ProcessVariable<String> PROPOSAL_SUMMARY = text("proposalSummary");
  public static final ProcessVariable<String> COSIGN_DECISION = string("cosignDecision");
  public static final ProcessVariable<String> COSIGN_COMMENT = string("cosignComment");

  // Negotiation (it-operations, between the holds and onboarding).
  public static final ProcessVariable<BigDecimal> NEGOTIATED_ANNUAL_COST =
      decimal("negotiatedAnnualCost");
  public static final ProcessVariable<BigDecimal> NEGOTIATED_IMPLEMENTATION_COST =
      decimal("negotiatedImplementationCost");
  public static final ProcessVariable<String> NEGOTIATION_NOTE = string("negotiationNote");

  /** The requested amounts in words, for the negotiation form. */
  public static final ProcessVariable<String> REQUESTED_COSTS_SUMMARY =
      string("requestedCostsSummary");

  // Board.
  public static final ProcessVariable<String> BOARD_PACKET = text("boardPacket");

  /** The board packet in sections (JSON, kept as a byte array: no length limit) for its form. */
  public static final ProcessVariable<String> BOARD_PACKET_VIEW =
      ProcessVariable.json("boardPacketView");

  public static final ProcessVariable<String> BOARD_DECISION = string("boardDecision");
  public static final ProcessVariable<String> BOARD_COMMENT = string("boardComment");
  public static final ProcessVariable<String> BOARD_CYCLE = string("boardCycle");

  /** The final status a closing step gives the request: REDIRECTED, REJECTED or WITHDRAWN. */
  public static final ProcessVariable<String> FINAL_STATUS = string("finalStatus");

  // Onboarding.
  public static final ProcessVariable<Boolean> SSO_CONFIGURED = bool("ssoConfigured");
  public static final ProcessVariable<Boolean> DPA_SIGNED = bool("dpaSigned");
  public static final ProcessVariable<String> ONBOARDING_COMMENT = string("onboardingComment");

  /** Why SSO is not configured or the DPA not signed: recorded as the tool's custody gap. */
  public static final ProcessVariable<String> CUSTODY_GAP_REASON = string("custodyGapReason");

  /**
   * Task-local on onboarding: every decision taken on the case with its comment and conditions, in
   * words, for IT operations (at most 4000 characters; the decision log keeps them whole).
   */
  public static final ProcessVariable<String> ONBOARDING_BRIEFING = text("onboardingBriefing");

  private PurchaseProcess() {}
}
