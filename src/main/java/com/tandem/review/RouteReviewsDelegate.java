package com.tandem.review;

import static com.tandem.process.PurchaseProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks the {@code review-routing} decision which reviews the request needs, their SLA and whether
 * the board must decide; the business changes those rules in the DMN, not here. Starts a fresh
 * review round: decisions of an earlier round are cleared.
 */
@Component
public class RouteReviewsDelegate implements JavaDelegate {

  public static final String DECISION_KEY = "review-routing";
  private static final Logger LOG = LoggerFactory.getLogger(RouteReviewsDelegate.class);

  private final DecisionService decisionService;
  private final RoutingProperties properties;
  private final Clock clock;

  public RouteReviewsDelegate(
      DecisionService decisionService, RoutingProperties properties, Clock clock) {
    this.decisionService = decisionService;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var inputs =
        Variables.createVariables()
            .putValue("personalData", PERSONAL_DATA.get(execution))
            .putValue("sso", SSO.get(execution))
            .putValue(
                "integrationCount", countIntegrations(INTEGRATIONS.find(execution).orElse("")))
            .putValue("totalFirstYearCost", TOTAL_FIRST_YEAR_COST.get(execution).doubleValue())
            .putValue("boardThreshold", properties.boardThreshold().doubleValue());
    var result =
        decisionService
            .evaluateDecisionByKey(DECISION_KEY)
            .variables(inputs)
            .evaluate()
            .getSingleResult();
    boolean privacy = (Boolean) result.getEntry("privacyReviewRequired");
    long slaDays = ((Number) result.getEntry("reviewSlaDays")).longValue();
    boolean board = (Boolean) result.getEntry("boardRequired");

    PRIVACY_REVIEW_REQUIRED.set(execution, privacy);
    REVIEW_SLA_DAYS.set(execution, slaDays);
    REVIEW_SLA.set(execution, "P" + slaDays + "D");
    REVIEW_DUE_DATE.set(execution, Date.from(Instant.now(clock).plus(slaDays, ChronoUnit.DAYS)));
    BOARD_REQUIRED.set(execution, board);
    BOARD_CYCLE.set(execution, properties.boardCycle());
    ROUTING_SUMMARY.set(
        execution,
        "Reviews: marketing, IT%s. Each review is due within %d days.%s"
            .formatted(
                privacy ? ", privacy (personal data is processed)" : "",
                slaDays,
                board
                    ? " The board decides (first-year cost reaches the board threshold of "
                        + properties.boardThreshold().toPlainString()
                        + ")."
                    : ""));
    for (var stale :
        List.of(
            MARKETING_DECISION,
            MARKETING_COMMENT,
            IT_DECISION,
            IT_COMMENT,
            PRIVACY_DECISION,
            PRIVACY_COMMENT,
            REVIEW_OUTCOME,
            REVISION_ACTION)) {
      stale.remove(execution);
    }
    LOG.info(
        "Request {} routed: privacy review {}, SLA {} days, board {}",
        REQUEST_ID.get(execution),
        privacy,
        slaDays,
        board);
  }

  static int countIntegrations(String joined) {
    return joined.isBlank() ? 0 : joined.split(",").length;
  }
}
