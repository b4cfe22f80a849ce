package com.tandem.renewal;

import static com.tandem.process.ProcessVariable.bool;
import static com.tandem.process.ProcessVariable.date;
import static com.tandem.process.ProcessVariable.decimal;
import static com.tandem.process.ProcessVariable.number;
import static com.tandem.process.ProcessVariable.string;
import static com.tandem.process.ProcessVariable.text;

import com.tandem.process.OffboardingProcess;
import com.tandem.process.ProcessVariable;
import com.tandem.process.PurchaseProcess;
import java.math.BigDecimal;
import java.util.Date;

/**
 * The {@code tool-renewal} process (bpmn/tool-renewal.bpmn, PRODUCT.md §7) as code sees it: key,
 * element ids and typed variables. Business key = the renewal id, {@code REN-<year>-<5 digits>};
 * the case (decisions, amounts, outcome) lives in Tandem's table {@code tandem_renewal}, one row
 * per tool and contract term.
 *
 * <p>Started by the renewal scan ({@link RenewalScan}) only, with {@link #RENEWAL_ID} and {@link
 * #TOOL_ID}; {@code Task_PrepareRenewal} reads the rest from the inventory and discovery.
 */
public final class RenewalProcess {

  public static final String PROCESS_KEY = "tool-renewal";

  /** Prefix of the case numbers ({@code request.RequestNumbers}). */
  public static final String CASE_PREFIX = "REN";

  /** The business keys of renewals, as a task query's LIKE pattern: the "Renewals" filter. */
  public static final String RENEWAL_KEY_PATTERN = "REN-%";

  /** The Tasklist start form that edits a tool's contract (bpmn/tool-contract-update.bpmn). */
  public static final String CONTRACT_UPDATE_PROCESS_KEY = "tool-contract-update";

  /** Ids of the elements of bpmn/tool-renewal.bpmn that code and tests refer to. */
  public static final class Elements {
    public static final String START_RENEWAL_DUE = "StartEvent_RenewalDue";
    public static final String PREPARE_RENEWAL = "Task_PrepareRenewal";
    public static final String RENEWAL_REVIEW = "SubProcess_RenewalReview";
    public static final String REVIEW_MARKETING = "Task_RenewalReviewMarketing";
    public static final String REVIEW_IT = "Task_RenewalReviewIt";
    public static final String RETIRE_DECIDED = "Boundary_RetireDecided";
    public static final String REMINDER_DUE = "Timer_ReminderDue";
    public static final String SEND_REMINDER = "Task_SendRenewalReminder";
    public static final String NOTICE_DATE_PASSED = "Timer_NoticeDatePassed";
    public static final String RENEWS_BY_ITSELF = "Gateway_RenewsByItself";
    public static final String RECORD_LAPSED = "Task_RecordLapsed";
    public static final String RECORD_RENEWED_WITHOUT_REVIEW = "Task_RecordRenewedWithoutReview";
    public static final String END_RENEWED_WITHOUT_REVIEW = "EndEvent_RenewedWithoutReview";
    public static final String NEGOTIATE_RENEWAL = "Task_NegotiateRenewal";
    public static final String HOLD_RENEWAL_BUDGET = "Task_HoldRenewalBudget";
    // the joint proposal and the board of PRODUCT.md §2.6–7, when the next term is short
    public static final String DRAFT_BUDGET_PROPOSAL = "Task_DraftBudgetProposal";
    public static final String COSIGN_BUDGET_PROPOSAL = "Task_CosignBudgetProposal";
    public static final String BOARD_SUBMISSION = "CallActivity_BoardSubmission";
    public static final String RAISE_BUDGET = "Task_RaiseBudget";
    public static final String NOTE_FUNDING_REFUSED = "Task_NoteFundingRefused";

    /**
     * The renewal's own board task of the previous version of tool-renewal (APPROVE raised the line
     * by the shortfall, REJECT retired the tool), which the joint proposal path replaced. Instances
     * started before may still wait there: {@link RenewalTaskCompletion}, {@link
     * RaiseRenewalBudgetDelegate} and forms/renewal-board-decision.form serve them until they end.
     */
    public static final String RENEWAL_BOARD_DECISION = "Task_RenewalBoardDecision";

    /** The raise of the previous version, after {@link #RENEWAL_BOARD_DECISION}. */
    public static final String RAISE_RENEWAL_BUDGET = "Task_RaiseRenewalBudget";

    public static final String RENEW_CONTRACT = "Task_RenewContract";
    public static final String END_RENEWED = "EndEvent_Renewed";
    public static final String OFFBOARDING = "CallActivity_Offboarding";
    public static final String CLOSE_RETIRED = "Task_CloseRetired";
    public static final String END_RETIRED = "EndEvent_Retired";

    private Elements() {}
  }

  /** The process {@link Elements#OFFBOARDING} calls (PRODUCT.md §6). */
  public static final String OFFBOARDING_PROCESS_KEY = OffboardingProcess.PROCESS_KEY;

  // Started with.
  public static final ProcessVariable<String> RENEWAL_ID = com.tandem.process.CaseIds.RENEWAL_ID;
  public static final ProcessVariable<Long> TOOL_ID = OffboardingProcess.TOOL_ID;

  // Task_PrepareRenewal: what the forms, task names and timers read.
  public static final ProcessVariable<String> TOOL_NAME = PurchaseProcess.TOOL_NAME;
  public static final ProcessVariable<String> VENDOR = PurchaseProcess.VENDOR;
  public static final ProcessVariable<String> TOOL_OWNER = OffboardingProcess.TOOL_OWNER;
  public static final ProcessVariable<String> CURRENCY = PurchaseProcess.CURRENCY;
  public static final ProcessVariable<BigDecimal> ANNUAL_COST = decimal("annualCost");

  /** "USD 12,000.00 a year", for reading. */
  public static final ProcessVariable<String> ANNUAL_COST_TEXT = string("annualCostText");

  public static final ProcessVariable<Long> SEATS_BOUGHT = number("seatsBought");
  public static final ProcessVariable<String> CONTRACT_END = string("contractEnd");
  public static final ProcessVariable<String> NOTICE_DATE = string("noticeDate");

  /** Whether the contract renews by itself: decides what the deadline means. */
  public static final ProcessVariable<Boolean> AUTO_RENEWS = bool("autoRenews");

  /** Seats bought against users seen by discovery, or "no usage data", for marketing. */
  public static final ProcessVariable<String> USAGE_SUMMARY = string("usageSummary");

  /** The day before the notice date, in the morning: both leaderships are reminded. */
  public static final ProcessVariable<Date> REMINDER_AT = date("reminderAt");

  /**
   * The end of the notice date, past which the tool renews without review; for a contract that does
   * not renew by itself, its end, when it lapses.
   */
  public static final ProcessVariable<Date> NOTICE_DEADLINE = date("noticeDeadline");

  // Task_RenewalReviewMarketing (PRODUCT.md §7).
  public static final ProcessVariable<String> RENEWAL_DECISION = string("renewalDecision");
  public static final ProcessVariable<Long> SEATS = number("seats");
  public static final ProcessVariable<String> RENEWAL_COMMENT = string("renewalComment");

  // Task_RenewalReviewIt.
  public static final ProcessVariable<String> IT_RENEWAL_DECISION = string("itRenewalDecision");
  public static final ProcessVariable<String> IT_RENEWAL_COMMENT = string("itRenewalComment");

  // Task_NegotiateRenewal (the variables of PRODUCT.md §2.8).
  /** What the vendor asks for the next term: today's cost, scaled to the new seats if changed. */
  public static final ProcessVariable<BigDecimal> ASKED_ANNUAL_COST = decimal("askedAnnualCost");

  public static final ProcessVariable<BigDecimal> NEGOTIATED_ANNUAL_COST =
      decimal("negotiatedAnnualCost");
  public static final ProcessVariable<String> NEGOTIATION_NOTE = string("negotiationNote");

  // Task_HoldRenewalBudget.
  public static final ProcessVariable<Boolean> HOLDS_PLACED = bool("holdsPlaced");
  public static final ProcessVariable<String> BUDGET_SUMMARY = string("budgetSummary");

  /**
   * The renewal in words (owner, contract, usage, next term, both reviews), for the draft and
   * co-sign forms of the joint proposal; written when the next term is short.
   */
  public static final ProcessVariable<String> RENEWAL_FACTS = text("renewalFacts");

  /** The next term's cost, as the joint proposal's task lists show a first-year cost. */
  public static final ProcessVariable<BigDecimal> TOTAL_FIRST_YEAR_COST =
      PurchaseProcess.TOTAL_FIRST_YEAR_COST;

  /** How long a deferred board decision waits (tandem.routing.board-cycle). */
  public static final ProcessVariable<String> BOARD_CYCLE = PurchaseProcess.BOARD_CYCLE;

  // The joint proposal (PRODUCT.md §2.6–7): the variables of the purchase.
  public static final ProcessVariable<String> COSIGN_DECISION = PurchaseProcess.COSIGN_DECISION;
  public static final ProcessVariable<String> COSIGN_COMMENT = PurchaseProcess.COSIGN_COMMENT;

  /**
   * The board's decision (APPROVE, REJECT, DEFER): out of martech-board-submission; in the previous
   * version, of Task_RenewalBoardDecision (APPROVE, REJECT).
   */
  public static final ProcessVariable<String> BOARD_DECISION = PurchaseProcess.BOARD_DECISION;

  public static final ProcessVariable<String> BOARD_COMMENT = PurchaseProcess.BOARD_COMMENT;

  // The inputs of tool-offboarding, set by whoever decided to retire.
  public static final ProcessVariable<String> OFFBOARDING_REASON =
      OffboardingProcess.OFFBOARDING_REASON;
  public static final ProcessVariable<String> OFFBOARDING_REQUESTED_BY =
      OffboardingProcess.REQUESTED_BY;

  /** Set by {@link Elements#RECORD_LAPSED}: the offboarding ends the renewal LAPSED. */
  public static final ProcessVariable<Boolean> CONTRACT_LAPSED = bool("contractLapsed");

  /** Who asked for the offboarding of a lapsed contract: nobody decided, Tandem did. */
  public static final String LAPSE_REQUESTED_BY = "tandem";

  private RenewalProcess() {}
}
