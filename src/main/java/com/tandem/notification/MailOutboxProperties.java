package com.tandem.notification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.notification.outbox.*}: how {@link MailDispatcher} sends the mails of the outbox.
 *
 * @param dispatchInterval pause between two looks for due mails on each node
 * @param batchSize the most mails one look claims at once
 * @param claimTimeout how long a claimed mail is left to its node; after it, another node sends it
 *     (a node that died while sending). Must exceed the mail server's timeouts.
 * @param firstRetry the wait after a first failed attempt; it doubles with every further failure
 * @param maxRetryInterval the longest wait between two attempts
 * @param warnAfterAttempts from this many failed attempts on, each failure is logged as WARN
 */
@Validated
@ConfigurationProperties("tandem.notification.outbox")
public record MailOutboxProperties(
    @DefaultValue("PT5S") @NotNull Duration dispatchInterval,
    @DefaultValue("50") @Min(1) int batchSize,
    @DefaultValue("PT2M") @NotNull Duration claimTimeout,
    @DefaultValue("PT30S") @NotNull Duration firstRetry,
    @DefaultValue("PT1H") @NotNull Duration maxRetryInterval,
    @DefaultValue("5") @Min(1) int warnAfterAttempts) {

  /** The wait after the {@code attempts}-th failed attempt: doubling, capped. */
  Duration retryDelay(int attempts) {
    Duration delay = firstRetry;
    for (int i = 1; i < attempts && delay.compareTo(maxRetryInterval) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetryInterval) < 0 ? delay : maxRetryInterval;
  }
}
