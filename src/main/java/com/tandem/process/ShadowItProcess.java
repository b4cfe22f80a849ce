package com.tandem.process;

import static com.tandem.process.ProcessVariable.decimal;
import static com.tandem.process.ProcessVariable.number;
import static com.tandem.process.ProcessVariable.string;
import static com.tandem.process.ProcessVariable.text;

import java.math.BigDecimal;

/**
 * The {@code shadow-it-review} process (bpmn/shadow-it-review.bpmn, PRODUCT.md §5): a tool in use
 * that never went through {@code martech-purchase} gets an owner, the joint review of {@link
 * JointReviewProcess} on the tool as it is used today, and IT leadership's decision to adopt,
 * replace or sunset it. Business key = the finding id ({@code SIT-<year>-<5 digits>}).
 *
 * <p>The variables the joint review and the shared task listeners read ({@link
 * PurchaseProcess#TOOL_NAME}, {@link PurchaseProcess#VENDOR}, {@link
 * PurchaseProcess#PERSONAL_DATA}, {@link PurchaseProcess#SSO}, {@link
 * PurchaseProcess#TOTAL_FIRST_YEAR_COST}, the review decisions and outcome) keep their names;
 * {@link #FINDING_ID} takes the place of the request id.
 */
public final class ShadowItProcess {

  public static final String PROCESS_KEY = "shadow-it-review";

  /** The business keys of findings, as a task query's LIKE pattern: the "Shadow IT" filter. */
  public static final String FINDING_KEY_PATTERN = "SIT-%";

  /** Ids of the elements of bpmn/shadow-it-review.bpmn that code and tests refer to. */
  public static final class Elements {
    public static final String START_FINDING_DISCOVERED = "StartEvent_FindingDiscovered";
    public static final String DESCRIBE_FINDING = "Task_DescribeFinding";
    public static final String ASSIGN_OWNER = "Task_AssignOwner";
    public static final String GATEWAY_OWNER_DECISION = "Gateway_OwnerDecision";
    public static final String DISMISS_FINDING = "Task_DismissFinding";
    public static final String NOTIFY_IT_OPERATIONS = "Task_NotifyItOperations";
    public static final String END_DISMISSED = "EndEvent_Dismissed";
    public static final String ROUTE_REVIEWS = "Task_RouteReviews";
    public static final String JOINT_REVIEW = "CallActivity_JointReview";
    public static final String DECIDE_SHADOW_TOOL = "Task_DecideShadowTool";
    public static final String GATEWAY_SHADOW_DECISION = "Gateway_ShadowDecision";
    public static final String ADOPT_TOOL = "Task_AdoptTool";
    public static final String GATEWAY_SPEND_COMMITTED = "Gateway_SpendCommitted";
    // A shortfall takes the purchase's joint proposal and board path (PRODUCT.md §2.6–7).
    public static final String DRAFT_BUDGET_PROPOSAL =
        PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL;
    public static final String COSIGN_BUDGET_PROPOSAL =
        PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL;
    public static final String GATEWAY_COSIGN_DECISION = "Gateway_CosignDecision";
    public static final String BOARD_SUBMISSION = "CallActivity_BoardSubmission";
    public static final String GATEWAY_BOARD_OUTCOME = "Gateway_BoardOutcome";
    public static final String RAISE_BUDGET = "Task_RaiseBudget";
    public static final String NOTE_FUNDING_REFUSED = "Task_NoteFundingRefused";
    public static final String COMPLETE_ONBOARDING = PurchaseProcess.Elements.COMPLETE_ONBOARDING;
    public static final String CLOSE_ADOPTED = "Task_CloseAdopted";
    public static final String END_ADOPTED = "EndEvent_Adopted";
    public static final String REGISTER_SHADOW_TOOL = "Task_RegisterShadowTool";
    public static final String OFFBOARDING = "CallActivity_Offboarding";
    public static final String CLOSE_OFFBOARDED = "Task_CloseOffboarded";
    public static final String END_OFFBOARDED = "EndEvent_Offboarded";

    private Elements() {}
  }

  /** The process {@link Elements#OFFBOARDING} calls (PRODUCT.md §6). */
  public static final String OFFBOARDING_PROCESS_KEY = "tool-offboarding";

  // Started with.
  public static final ProcessVariable<String> FINDING_ID = string("findingId");

  // What discovery knows of the tool in use (Task_DescribeFinding), for the forms.
  public static final ProcessVariable<Long> USERS_SEEN = number("usersSeen");
  public static final ProcessVariable<BigDecimal> SPEND_SEEN = decimal("spendSeen");
  public static final ProcessVariable<String> SOURCES = text("sources");
  public static final ProcessVariable<String> FIRST_SEEN = string("firstSeen");
  public static final ProcessVariable<String> USAGE_SUMMARY = text("usageSummary");

  // Task_AssignOwner (PRODUCT.md §5); the owner also states personalData and sso.
  public static final ProcessVariable<String> OWNER_DECISION = string("ownerDecision");
  public static final ProcessVariable<String> OWNER_USER = string("ownerUser");
  public static final ProcessVariable<String> OWNER_TEAM = string("ownerTeam");
  public static final ProcessVariable<String> OWNER_COMMENT = string("ownerComment");

  // Task_DecideShadowTool (PRODUCT.md §5).
  public static final ProcessVariable<String> SHADOW_DECISION = string("shadowDecision");
  public static final ProcessVariable<Long> REPLACEMENT_TOOL_ID = number("replacementToolId");
  public static final ProcessVariable<String> SHADOW_COMMENT = string("shadowComment");

  /**
   * IT leadership's optional comment on its decision, when no comment is required (the form asks
   * for {@link #SHADOW_COMMENT} only after the reviewers asked for changes and the tool is
   * adopted); recorded as the decision's comment.
   */
  public static final ProcessVariable<String> SHADOW_NOTE = ProcessVariable.string("shadowNote");

  /** The annual cost adopting commits: the spend seen, or what IT leadership states instead. */
  public static final ProcessVariable<BigDecimal> ANNUAL_COST = decimal("annualCost");

  /**
   * The annual cost to commit with its currency ("USD 7,200.00"), for the budget proposal's forms
   * when the marketing line cannot carry it.
   */
  public static final ProcessVariable<String> ANNUAL_COST_TEXT = string("annualCostText");

  /** The IT leader who decided; offboarding is requested in their name. */
  public static final ProcessVariable<String> DECIDED_BY = string("decidedBy");

  /**
   * The fiscal year whose MARKETING line an adoption is committed on: the year IT leadership
   * decided to adopt in, kept while the proposal and the board (and a deferral) take their time.
   */
  public static final ProcessVariable<Long> ADOPTION_FISCAL_YEAR = number("adoptionFiscalYear");

  // Adoption.
  public static final ProcessVariable<Boolean> SPEND_COMMITTED =
      ProcessVariable.bool("spendCommitted");

  /**
   * Why adoption was not funded (the CIO's office did not co-sign the proposal, or the board
   * refused it), shown when the decision comes back to IT leadership.
   */
  public static final ProcessVariable<String> BUDGET_NOTE = text("budgetNote");

  // Offboarding: the inputs of tool-offboarding.
  public static final ProcessVariable<Long> TOOL_ID = number("toolId");
  public static final ProcessVariable<String> OFFBOARDING_REASON = string("offboardingReason");
  public static final ProcessVariable<String> REQUESTED_BY = string("requestedBy");

  /** The final status a closing step gives the finding. */
  public static final ProcessVariable<String> FINDING_STATUS = string("findingStatus");

  private ShadowItProcess() {}
}
