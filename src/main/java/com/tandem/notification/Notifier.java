package com.tandem.notification;

import com.tandem.request.People;
import java.sql.Timestamp;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells people what happened to a request: by e-mail when a mail server is configured ({@code
 * spring.mail.host}), in the log otherwise. Each mail is decided once per request, step and
 * recipient: a retried job finds its row and queues nothing again. The mail itself is written to
 * the {@link MailOutbox} in the caller's transaction and sent by the {@link MailDispatcher} once
 * that transaction has committed: a step that fails or a node that dies before commit mails
 * nothing.
 */
@Service
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final JdbcClient jdbc;
  private final IdentityService identityService;
  private final People people;
  private final MailOutbox outbox;
  private final Clock clock;

  public Notifier(
      JdbcClient jdbc,
      IdentityService identityService,
      People people,
      MailOutbox outbox,
      Clock clock) {
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.people = people;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** Notifies a Camunda user, at the e-mail address of their profile. */
  @Transactional
  public void notifyUser(
      String requestId, String stepKey, String userId, String subject, String body) {
    notifyUser(requestId, stepKey, userId, subject, body, null);
  }

  /**
   * Notifies a Camunda user with an attachment made when the mail is sent ({@link
   * MailOutbox#enqueue(String, String, String, String, String, String)}).
   */
  @Transactional
  public void notifyUser(
      String requestId,
      String stepKey,
      String userId,
      String subject,
      String body,
      String attachment) {
    notifyAt(
        requestId,
        stepKey,
        userId,
        people.user(userId).flatMap(People.Person::address).orElse(null),
        subject,
        body,
        attachment);
  }

  private void notifyAt(
      String requestId,
      String stepKey,
      String userId,
      String address,
      String subject,
      String body,
      String attachment) {
    if (address == null) {
      LOG.warn(
          "Request {}: user '{}' has no e-mail address; not notified of '{}'",
          requestId,
          userId,
          subject);
      return;
    }
    send(requestId, stepKey, address, subject, body, attachment);
  }

  /** Notifies every member of a Camunda group. */
  @Transactional
  public void notifyGroup(
      String requestId, String stepKey, String groupId, String subject, String body) {
    notifyGroup(requestId, stepKey, groupId, subject, body, null);
  }

  /** Notifies every member of a Camunda group, each mail with the attachment. */
  @Transactional
  public void notifyGroup(
      String requestId,
      String stepKey,
      String groupId,
      String subject,
      String body,
      String attachment) {
    // the members as read now (who is in the group is not cached), with their addresses
    for (User member : identityService.createUserQuery().memberOfGroup(groupId).list()) {
      String address = member.getEmail() == null ? "" : member.getEmail().strip();
      notifyAt(
          requestId,
          stepKey,
          member.getId(),
          address.isEmpty() ? null : address,
          subject,
          body,
          attachment);
    }
  }

  private void send(
      String requestId,
      String stepKey,
      String address,
      String subject,
      String body,
      String attachment) {
    boolean sentBefore =
        jdbc.sql(
                    "SELECT COUNT(*) FROM tandem_notification WHERE request_id = ? AND step_key = ? AND recipient = ?")
                .params(requestId, stepKey, address)
                .query(Long.class)
                .single()
            > 0;
    if (sentBefore) {
      LOG.debug("Request {}: '{}' already sent to {}", requestId, stepKey, address);
      return;
    }
    jdbc.sql(
            "INSERT INTO tandem_notification (request_id, step_key, recipient, subject, sent_at) VALUES (?, ?, ?, ?, ?)")
        .params(requestId, stepKey, address, subject, Timestamp.from(clock.instant()))
        .update();
    outbox.enqueue(requestId, stepKey, address, subject, body, attachment);
    LOG.debug("Request {}: '{}' to {} queued in the mail outbox", requestId, subject, address);
  }
}
