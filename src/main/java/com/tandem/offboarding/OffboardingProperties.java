package com.tandem.offboarding;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.offboarding.*}: how long the vendor's deletion confirmation may take before its
 * group is reminded and the escalation goes to the leadership ({@code
 * tandem.escalation.leadership.<group>}).
 */
@Validated
@ConfigurationProperties("tandem.offboarding")
public record OffboardingProperties(@DefaultValue("P30D") @NotBlank String deletionReminder) {

  public OffboardingProperties {
    try {
      Duration.parse(deletionReminder);
    } catch (DateTimeParseException notADuration) {
      throw new IllegalArgumentException(
          "tandem.offboarding.deletion-reminder must be an ISO-8601 duration such as P30D, not "
              + deletionReminder);
    }
  }
}
