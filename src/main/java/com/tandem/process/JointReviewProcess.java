package com.tandem.process;

/**
 * The {@code martech-joint-review} process, called by {@link PurchaseProcess}: the marketing, IT
 * and (when routed) privacy reviews in parallel, each with its SLA timer. A {@code REJECT} ends the
 * reviews at once: the rejecting branch throws {@link #VETO_ERROR_CODE}, the interrupting error
 * event on the reviews' sub-process cancels the reviews still open, their groups are told, and the
 * review concludes {@code REJECTED}. Its variables are those of {@link PurchaseProcess} that the
 * call activity passes in and out.
 */
public final class JointReviewProcess {

  public static final String PROCESS_KEY = "martech-joint-review";

  /** Ids of the elements of bpmn/martech-joint-review.bpmn that code and tests refer to. */
  public static final class Elements {
    public static final String REVIEW_MARKETING = "Task_ReviewMarketing";
    public static final String REVIEW_IT = "Task_ReviewIt";
    public static final String REVIEW_PRIVACY = "Task_ReviewPrivacy";
    public static final String ESCALATE_MARKETING_REVIEW = "Task_EscalateMarketingReview";
    public static final String ESCALATE_IT_REVIEW = "Task_EscalateItReview";
    public static final String ESCALATE_PRIVACY_REVIEW = "Task_EscalatePrivacyReview";
    public static final String MARKETING_REVIEW_SLA = "Timer_MarketingReviewSla";
    public static final String IT_REVIEW_SLA = "Timer_ItReviewSla";
    public static final String PRIVACY_REVIEW_SLA = "Timer_PrivacyReviewSla";
    public static final String CONCLUDE_REVIEW = "Task_ConcludeReview";
    public static final String END_REVIEW_CONCLUDED = "EndEvent_ReviewConcluded";
    public static final String END_IT_REVIEW_ESCALATED = "EndEvent_ItReviewEscalated";
    public static final String GATEWAY_JOIN_REVIEWS = "Gateway_JoinReviews";
    public static final String REVIEWS = "SubProcess_Reviews";
    public static final String REVIEW_VETOED = "Event_ReviewVetoed";
    public static final String NOTIFY_VETOED_REVIEWS = "Task_NotifyVetoedReviews";
    public static final String END_MARKETING_VETOED = "EndEvent_MarketingVetoed";
    public static final String END_IT_VETOED = "EndEvent_ItVetoed";
    public static final String END_PRIVACY_VETOED = "EndEvent_PrivacyVetoed";

    private Elements() {}
  }

  /** The error code a rejecting review throws to end the reviews still open. */
  public static final String VETO_ERROR_CODE = "REVIEW_VETOED";

  /**
   * A reviewer's optional comment or conditions given with an APPROVE (the review forms ask for
   * {@code marketingComment} etc. only as the required reason of a REJECT or REQUEST_CHANGES);
   * recorded as that review's comment.
   */
  public static final ProcessVariable<String> MARKETING_CONDITIONS =
      ProcessVariable.string("marketingConditions");

  public static final ProcessVariable<String> IT_CONDITIONS =
      ProcessVariable.string("itConditions");
  public static final ProcessVariable<String> PRIVACY_CONDITIONS =
      ProcessVariable.string("privacyConditions");

  /**
   * The reviews already decided in this round, with their comments, for the reviewers still
   * deciding (at most 4000 characters; each comment in full in the decision log).
   */
  public static final ProcessVariable<String> REVIEWS_SO_FAR = ProcessVariable.text("reviewsSoFar");

  /** The task whose SLA passed: an input of each escalation step. */
  public static final ProcessVariable<String> REVIEW_TASK = ProcessVariable.string("reviewTask");

  private JointReviewProcess() {}
}
