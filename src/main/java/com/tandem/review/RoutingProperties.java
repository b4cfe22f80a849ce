package com.tandem.review;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.routing.*}: the board threshold (a total first-year cost at or above it always goes
 * to the board) and the board cycle a deferred decision waits for.
 */
@ConfigurationProperties("tandem.routing")
public record RoutingProperties(
    @DefaultValue("100000") BigDecimal boardThreshold, @DefaultValue("P30D") String boardCycle) {

  public RoutingProperties {
    if (boardThreshold.signum() <= 0) {
      throw new IllegalArgumentException("tandem.routing.board-threshold must be positive");
    }
    try {
      Duration.parse(boardCycle);
    } catch (DateTimeParseException notADuration) {
      throw new IllegalArgumentException(
          "tandem.routing.board-cycle must be an ISO-8601 duration such as P30D or PT12H, not "
              + boardCycle);
    }
  }
}
