package com.tandem.renewal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the renewal scan once shortly after start-up ({@code tandem.renewals.first-scan-delay},
 * default 30 s) and daily ({@code tandem.renewals.scan-cron}, default 06:00). Every node may run
 * it: the scan itself is cluster-safe. Off with {@code tandem.renewals.scan-enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "tandem.renewals.scan-enabled",
    havingValue = "true",
    matchIfMissing = true)
public class RenewalScanSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(RenewalScanSchedule.class);

  /** Ten years: the "after start-up" scan runs once; the cron runs the daily ones. */
  private static final String ONCE = "P3650D";

  private final RenewalScan scan;

  public RenewalScanSchedule(RenewalScan scan) {
    this.scan = scan;
  }

  @Scheduled(
      initialDelayString = "${tandem.renewals.first-scan-delay:PT30S}",
      fixedDelayString = ONCE)
  public void afterStartUp() {
    run();
  }

  @Scheduled(cron = "${tandem.renewals.scan-cron:0 0 6 * * *}")
  public void daily() {
    run();
  }

  private void run() {
    try {
      scan.scan();
    } catch (RuntimeException failure) {
      // the next run tries again; nothing half-done stays behind (one transaction per batch)
      LOG.error("The renewal scan failed; the next run tries again", failure);
    }
  }
}
