package com.tandem.notification;

import com.tandem.web.DatabaseUnreachable;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the committed mails of the outbox ({@link MailOutbox}): through the mail server when one is
 * configured ({@code spring.mail.host}), into the log otherwise. Runs on every node.
 *
 * <p>Several nodes at once: a node claims a mail with one atomic {@code UPDATE ... WHERE
 * claimed_until < now} (committed on its own, before sending), so only one node sends it. A node
 * that dies after claiming leaves a claim that expires after {@code claim-timeout}; then another
 * node sends the mail. The one case of a second mail is a node that sent the mail and died before
 * it could mark it sent (or outlived its claim): the outbox delivers at least once, never before
 * the deciding transaction committed.
 *
 * <p>While the mail server is down each mail waits {@code first-retry}, doubling up to {@code
 * max-retry-interval}, between attempts, and is retried for as long as it takes: a mail is never
 * dropped. From {@code warn-after-attempts} failed attempts on, every failure is a WARN naming the
 * recipient, the subject and the error, and the row keeps {@code attempts} and {@code last_error}
 * for people to see (docs/reliability.md).
 */
@Component
public class MailDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

  private final JdbcClient jdbc;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final Clock clock;
  private final MailOutboxProperties properties;
  private final String from;
  private final String node;
  private final java.util.Map<String, MailAttachmentSource> attachments;

  /** One dispatch at a time on this node (the schedule, or a caller that wants mails out now). */
  private final ReentrantLock dispatching = new ReentrantLock();

  public MailDispatcher(
      DataSource dataSource,
      ObjectProvider<JavaMailSender> mailSender,
      Clock clock,
      MailOutboxProperties properties,
      NotificationProperties notification) {
    this(dataSource, mailSender, clock, properties, notification, List.of());
  }

  @org.springframework.beans.factory.annotation.Autowired
  public MailDispatcher(
      DataSource dataSource,
      ObjectProvider<JavaMailSender> mailSender,
      Clock clock,
      MailOutboxProperties properties,
      NotificationProperties notification,
      List<MailAttachmentSource> attachmentSources) {
    this.attachments =
        attachmentSources.stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    MailAttachmentSource::kind, source -> source));
    // every query here reads at most one batch (the driver stops there; no LIMIT dialects)
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setMaxRows(properties.batchSize());
    this.jdbc = JdbcClient.create(template);
    this.mailSender = mailSender;
    this.clock = clock;
    this.properties = properties;
    this.from = notification.from();
    this.node = nodeName();
  }

  @Scheduled(
      initialDelayString = "${tandem.notification.outbox.dispatch-interval:PT5S}",
      fixedDelayString = "${tandem.notification.outbox.dispatch-interval:PT5S}")
  void onSchedule() {
    try {
      dispatchDue();
    } catch (RuntimeException e) {
      // the database away: the next look tries again, nothing was lost
      if (DatabaseUnreachable.isCauseOf(e)) {
        // with the exception, so that the outage log counts it instead of printing it every 5 s
        LOG.warn("Mail outbox: the database is not reachable; trying again later", e);
      } else {
        LOG.warn("Mail outbox: could not dispatch ({}); trying again later", e.toString());
      }
    }
  }

  /**
   * Sends every mail that is due now and not claimed by another node, until none is left; waits for
   * a dispatch already running on this node. Returns how many mails were sent.
   */
  public int dispatchDue() {
    dispatching.lock();
    try {
      int sent = 0;
      for (List<OutboxMail> batch = claimDue(); !batch.isEmpty(); batch = claimDue()) {
        for (OutboxMail mail : batch) {
          if (deliver(mail)) {
            sent++;
          }
        }
      }
      return sent;
    } finally {
      dispatching.unlock();
    }
  }

  /**
   * Claims up to {@code batch-size} due mails for this node and returns them. Each claim is its own
   * committed statement; a row another node claimed in the meantime is simply not ours.
   */
  List<OutboxMail> claimDue() {
    Timestamp now = Timestamp.from(clock.instant());
    Timestamp until = Timestamp.from(clock.instant().plus(properties.claimTimeout()));
    String claim = node + ":" + UUID.randomUUID();
    // another node may claim every row we saw first; then look again, until none is due
    for (List<Long> due = due(now); !due.isEmpty(); due = due(now)) {
      int claimed = 0;
      for (Long id : due) {
        claimed +=
            jdbc.sql(
                    """
                    UPDATE tandem_mail_outbox SET claimed_by = ?, claimed_until = ?
                    WHERE id = ? AND sent_at IS NULL
                      AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(claim, until, id, now)
                .update();
      }
      if (claimed > 0) {
        return jdbc.sql(
                """
                SELECT id, request_id, recipient, subject, body, attachment, attempts, claimed_by
                FROM tandem_mail_outbox WHERE claimed_by = ? AND sent_at IS NULL ORDER BY id""")
            .param(claim)
            .query(OutboxMail.class)
            .list();
      }
    }
    return List.of();
  }

  private List<Long> due(Timestamp now) {
    return jdbc.sql(
            """
            SELECT id FROM tandem_mail_outbox
            WHERE sent_at IS NULL AND next_attempt_at <= ?
              AND (claimed_until IS NULL OR claimed_until < ?)
            ORDER BY next_attempt_at, id""")
        .params(now, now)
        .query(Long.class)
        .list();
  }

  /** Sends one claimed mail and records the outcome; true when it went out. */
  boolean deliver(OutboxMail mail) {
    try {
      send(mail);
    } catch (RuntimeException e) {
      failed(mail, e);
      return false;
    }
    int marked =
        jdbc.sql(
                """
                UPDATE tandem_mail_outbox
                SET sent_at = ?, attempts = attempts + 1, last_error = NULL,
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = ? AND claimed_by = ?""")
            .params(Timestamp.from(clock.instant()), mail.id(), mail.claimedBy())
            .update();
    if (marked == 0) {
      LOG.warn(
          "Request {}: mail '{}' to {} was sent after its claim expired; another node may send it"
              + " again (raise tandem.notification.outbox.claim-timeout above the mail timeouts)",
          mail.requestId(),
          mail.subject(),
          mail.recipient());
    }
    return true;
  }

  private void send(OutboxMail mail) {
    var attachment = attachment(mail);
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      LOG.info(
          "Notification (no mail server configured) to {}: {}{}\n{}",
          mail.recipient(),
          mail.subject(),
          attachment.map(a -> " [attached: " + a.fileName() + "]").orElse(""),
          mail.body());
      return;
    }
    sender.send(
        message -> {
          var helper =
              new org.springframework.mail.javamail.MimeMessageHelper(
                  message, attachment.isPresent(), "UTF-8");
          helper.setFrom(from);
          helper.setTo(mail.recipient());
          helper.setSubject(mail.subject());
          helper.setText(mail.body());
          if (attachment.isPresent()) {
            helper.addAttachment(
                attachment.get().fileName(),
                new org.springframework.core.io.ByteArrayResource(attachment.get().content()),
                attachment.get().contentType());
          }
          // One Message-ID per outbox row: a node killed after handing the mail to the server but
          // before recording it as sent makes another node send it again, and mail clients show
          // a message they already have once (Spring keeps an explicit Message-ID).
          message.setHeader("Message-ID", messageId(mail));
        });
    LOG.info("Request {}: mailed '{}' to {}", mail.requestId(), mail.subject(), mail.recipient());
  }

  private String messageId(OutboxMail mail) {
    String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "tandem";
    domain = domain.replaceAll("[^A-Za-z0-9.-]", "");
    return "<outbox-" + mail.id() + "." + mail.requestId() + "@" + domain + ">";
  }

  /**
   * The mail's attachment, made now by its source; empty when it has none, and (logged) when its
   * kind is unknown or the source has nothing for the id: the mail is not held back for it.
   */
  private java.util.Optional<MailAttachmentSource.MailAttachment> attachment(OutboxMail mail) {
    if (mail.attachment() == null || mail.attachment().isBlank()) {
      return java.util.Optional.empty();
    }
    int colon = mail.attachment().indexOf(':');
    MailAttachmentSource source =
        colon < 0 ? null : attachments.get(mail.attachment().substring(0, colon));
    var made =
        source == null
            ? java.util.Optional.<MailAttachmentSource.MailAttachment>empty()
            : source.make(mail.attachment().substring(colon + 1));
    if (made.isEmpty()) {
      LOG.warn(
          "Request {}: mail '{}' goes without its attachment '{}' (nothing makes it)",
          mail.requestId(),
          mail.subject(),
          mail.attachment());
    }
    return made;
  }

  private void failed(OutboxMail mail, RuntimeException error) {
    int attempts = mail.attempts() + 1;
    Duration wait = properties.retryDelay(attempts);
    Instant next = clock.instant().plus(wait);
    String reason = reason(error);
    jdbc.sql(
            """
            UPDATE tandem_mail_outbox
            SET attempts = ?, next_attempt_at = ?, last_error = ?,
                claimed_by = NULL, claimed_until = NULL
            WHERE id = ? AND claimed_by = ?""")
        .params(attempts, Timestamp.from(next), reason, mail.id(), mail.claimedBy())
        .update();
    String text =
        "Request {}: mail '{}' to {} not sent (attempt {}): {}; next attempt in {} (at {})";
    Object[] args = {
      mail.requestId(), mail.subject(), mail.recipient(), attempts, reason, wait, next
    };
    if (attempts >= properties.warnAfterAttempts()) {
      LOG.warn(text, args);
    } else {
      LOG.info(text, args);
    }
  }

  /** The error and its innermost cause ("connection refused" hides two levels down), bounded. */
  private static String reason(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root == error ? error.toString() : error.getMessage() + " / " + root;
    return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      host = "node";
    }
    return host.length() <= 24 ? host : host.substring(0, 24);
  }

  /** A claimed row of the outbox. */
  record OutboxMail(
      long id,
      String requestId,
      String recipient,
      String subject,
      String body,
      String attachment,
      int attempts,
      String claimedBy) {}
}
