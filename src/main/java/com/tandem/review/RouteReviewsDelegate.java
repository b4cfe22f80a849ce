package com.tandem.review;

import static com.tandem.process.PurchaseProcess.*;

import com.tandem.process.CaseIds;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

  private static final Logger LOG = LoggerFactory.getLogger(RouteReviewsDelegate.class);

  private final ReviewRouting reviewRouting;
  private final RoutingProperties properties;
  private final Clock clock;

  public RouteReviewsDelegate(
      ReviewRouting reviewRouting, RoutingProperties properties, Clock clock) {
    this.reviewRouting = reviewRouting;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReviewRouting.Routing routing =
        reviewRouting.route(
            new ReviewRouting.Request(
                PERSONAL_DATA.get(execution),
                SSO.get(execution),
                countIntegrations(INTEGRATIONS.find(execution).orElse("")),
                TOTAL_FIRST_YEAR_COST.get(execution),
                properties.boardThreshold()));
    boolean privacy = routing.privacyReviewRequired();
    long slaDays = routing.reviewSlaDays();
    boolean board = routing.boardRequired();

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
        "{} routed: privacy review {}, SLA {} days, board {}",
        CaseIds.get(execution),
        privacy,
        slaDays,
        board);
  }

  static int countIntegrations(String joined) {
    return joined.isBlank() ? 0 : joined.split(",").length;
  }
}
