package com.tandem.renewal;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.renewals.*}: when the renewal scan runs and how far ahead it looks.
 *
 * @param scanEnabled whether this node runs the scan on its schedule (every node may: the scan is
 *     cluster-safe); tests drive the scan themselves
 * @param firstScanDelay how long after start-up the first scan runs
 * @param scanCron when the daily scan runs (Spring cron, the server's time zone)
 * @param windowDays a renewal starts when the tool's notice date is this many days away or less
 * @param reminderTime the time of day, on the day before the notice date, both leaderships are
 *     reminded
 */
@Validated
@ConfigurationProperties("tandem.renewals")
public record RenewalProperties(
    @DefaultValue("true") boolean scanEnabled,
    @DefaultValue("PT30S") Duration firstScanDelay,
    @DefaultValue("0 0 6 * * *") String scanCron,
    @DefaultValue("60") int windowDays,
    @DefaultValue("08:00") LocalTime reminderTime) {

  public RenewalProperties {
    if (windowDays < 0) {
      throw new IllegalArgumentException(
          "tandem.renewals.window-days must be 0 or more, not " + windowDays);
    }
  }
}
