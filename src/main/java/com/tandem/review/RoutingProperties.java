package com.tandem.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.routing.*}: the board threshold (a total first-year cost at or above it always goes
 * to the board) and the board cycle a deferred decision waits for.
 */
@Validated
@ConfigurationProperties("tandem.routing")
public record RoutingProperties(
    @DefaultValue("100000") @NotNull @Positive BigDecimal boardThreshold,
    @DefaultValue("P30D") @NotBlank String boardCycle) {

  public RoutingProperties {
    try {
      Duration.parse(boardCycle);
    } catch (DateTimeParseException notADuration) {
      throw new IllegalArgumentException(
          "tandem.routing.board-cycle must be an ISO-8601 duration such as P30D or PT12H, not "
              + boardCycle);
    }
  }
}
