package com.tandem.review;

import java.math.BigDecimal;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * The {@code review-routing} decision (bpmn/review-routing.dmn): which reviews a request needs,
 * their SLA and whether the board must decide. The business changes those rules in the DMN, not
 * here; this class names its inputs and outputs once.
 */
@Service
public class ReviewRouting {

  public static final String DECISION_KEY = "review-routing";

  // Inputs of the decision table.
  static final String IN_PERSONAL_DATA = "personalData";
  static final String IN_SSO = "sso";
  static final String IN_INTEGRATION_COUNT = "integrationCount";
  static final String IN_TOTAL_FIRST_YEAR_COST = "totalFirstYearCost";
  static final String IN_BOARD_THRESHOLD = "boardThreshold";

  // Outputs.
  static final String OUT_PRIVACY_REVIEW_REQUIRED = "privacyReviewRequired";
  static final String OUT_REVIEW_SLA_DAYS = "reviewSlaDays";
  static final String OUT_BOARD_REQUIRED = "boardRequired";

  /** What the decision was asked about. */
  public record Request(
      String personalData,
      String sso,
      int integrationCount,
      BigDecimal totalFirstYearCost,
      BigDecimal boardThreshold) {}

  /** What it decided. */
  public record Routing(boolean privacyReviewRequired, long reviewSlaDays, boolean boardRequired) {}

  private final DecisionService decisionService;

  public ReviewRouting(DecisionService decisionService) {
    this.decisionService = decisionService;
  }

  public Routing route(Request request) {
    var inputs =
        Variables.createVariables()
            .putValue(IN_PERSONAL_DATA, request.personalData())
            .putValue(IN_SSO, request.sso())
            .putValue(IN_INTEGRATION_COUNT, request.integrationCount())
            .putValue(IN_TOTAL_FIRST_YEAR_COST, request.totalFirstYearCost().doubleValue())
            .putValue(IN_BOARD_THRESHOLD, request.boardThreshold().doubleValue());
    DmnDecisionResultEntries result =
        decisionService
            .evaluateDecisionByKey(DECISION_KEY)
            .variables(inputs)
            .evaluate()
            .getSingleResult();
    return new Routing(
        result.<Boolean>getEntry(OUT_PRIVACY_REVIEW_REQUIRED),
        result.<Number>getEntry(OUT_REVIEW_SLA_DAYS).longValue(),
        result.<Boolean>getEntry(OUT_BOARD_REQUIRED));
  }
}
