package com.tandem.notification;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a mail into the outbox ({@code tandem_mail_outbox}) in the caller's transaction: the mail
 * exists once that transaction commits, and not at all if it rolls back (a failing job, a node that
 * dies before commit). {@link MailDispatcher} sends it afterwards.
 */
@Component
public class MailOutbox {

  private final JdbcClient jdbc;
  private final Clock clock;

  public MailOutbox(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Queues one mail to one address, due at once. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(
      String requestId, String stepKey, String recipient, String subject, String body) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            INSERT INTO tandem_mail_outbox
              (request_id, step_key, recipient, subject, body, created_at, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?)""")
        .params(requestId, stepKey, recipient, subject, body, now, now)
        .update();
  }
}
