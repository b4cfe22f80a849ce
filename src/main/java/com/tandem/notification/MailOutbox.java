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
    enqueue(requestId, stepKey, recipient, subject, body, null);
  }

  /**
   * Queues one mail with an attachment made when it is sent ({@code attachment}: a {@link
   * MailAttachmentSource}'s kind and the id it makes it of, "board-packet:MTR-2026-00042"; null for
   * none): the row stays small, and the document is as of the sending.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void enqueue(
      String requestId,
      String stepKey,
      String recipient,
      String subject,
      String body,
      String attachment) {
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
            """
            INSERT INTO tandem_mail_outbox
              (request_id, step_key, recipient, subject, body, attachment, created_at, attempts,
               next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)""")
        .params(requestId, stepKey, recipient, subject, body, attachment, now, now)
        .update();
  }
}
