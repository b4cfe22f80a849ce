package com.tandem.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.MovableClock;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail outbox against a real database (a subclass per database) and a real SMTP server
 * (GreenMail): mails leave only once committed, survive a mail server that is down and a node that
 * dies holding them, and go out exactly once with two dispatchers on one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MailOutboxContract {

  static final MailOutboxProperties PROPERTIES =
      new MailOutboxProperties(
          Duration.ofSeconds(5),
          5,
          Duration.ofMinutes(2),
          Duration.ofSeconds(30),
          Duration.ofHours(1),
          5);

  MigratedDatabase database;
  JdbcClient jdbc;
  TransactionTemplate transaction;
  final MovableClock clock = new MovableClock(Instant.parse("2026-03-02T09:00:00Z"));
  GreenMail smtp;

  abstract MigratedDatabase createDatabase();

  @BeforeAll
  void migrate() {
    database = createDatabase();
    jdbc = JdbcClient.create(database.dataSource());
    transaction = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
  }

  @AfterAll
  void drop() throws Exception {
    database.close();
  }

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("DELETE FROM tandem_mail_outbox").update();
  }

  @AfterEach
  void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void shouldMailNothingWhenTheDecidingTransactionRollsBack() {
    smtp = startSmtp(0);
    transaction.executeWithoutResult(
        status -> {
          enqueue("MTR-2026-00001", "Your input is needed");
          status.setRollbackOnly(); // the step failed after it decided the mail
        });

    assertThat(dispatcher(smtp.getSmtp().getPort()).dispatchDue()).isZero();
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  void shouldSendTheMailOnceWhenTheMailServerComesBackAfterBeingDown() throws Exception {
    int port = freePort();
    MailDispatcher dispatcher = dispatcher(port);
    committed("MTR-2026-00002", "Your request is ACTIVE");

    assertThat(dispatcher.dispatchDue()).as("no mail server").isZero();
    assertThat(row("attempts", Integer.class)).isEqualTo(1);
    assertThat(row("last_error", String.class)).containsIgnoringCase("connect");
    assertThat(row("sent_at", Object.class)).isNull();

    clock.advance(Duration.ofSeconds(29));
    assertThat(dispatcher.dispatchDue()).isZero();
    assertThat(row("attempts", Integer.class)).as("waits out its first 30 s").isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    dispatcher.dispatchDue();
    assertThat(row("attempts", Integer.class)).isEqualTo(2);
    clock.advance(Duration.ofSeconds(59));
    dispatcher.dispatchDue();
    assertThat(row("attempts", Integer.class)).as("then 60 s: the wait doubles").isEqualTo(2);

    smtp = startSmtp(port);
    clock.advance(Duration.ofSeconds(1));
    assertThat(dispatcher.dispatchDue()).isEqualTo(1);
    clock.advance(Duration.ofHours(2));
    assertThat(dispatcher.dispatchDue()).isZero();

    assertThat(subjects()).containsExactly("Your request is ACTIVE");
    // the Message-ID names the outbox row, so a mail sent again after a crash is the same message
    assertThat(smtp.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<outbox-" + row("id", Long.class) + ".MTR-2026-00002@tandem.example>");
    assertThat(row("sent_at", Object.class)).isNotNull();
    assertThat(row("attempts", Integer.class)).isEqualTo(3);
    assertThat(row("last_error", String.class)).isNull();
  }

  @Test
  void shouldLetAnotherNodeSendTheMailOfANodeThatDiedAfterClaimingIt() {
    smtp = startSmtp(0);
    MailDispatcher dying = dispatcher(smtp.getSmtp().getPort());
    MailDispatcher survivor = dispatcher(smtp.getSmtp().getPort());
    committed("MTR-2026-00003", "Escalation: review overdue");
    assertThat(smtp.getReceivedMessages()).as("nothing leaves before a dispatcher").isEmpty();

    assertThat(dying.claimDue()).hasSize(1); // ...and the node is killed before it sends
    assertThat(survivor.dispatchDue()).as("claimed by the other node").isZero();
    clock.advance(PROPERTIES.claimTimeout().minusSeconds(1));
    assertThat(survivor.dispatchDue()).as("the claim holds for claim-timeout").isZero();

    clock.advance(Duration.ofSeconds(2));
    assertThat(survivor.dispatchDue()).isEqualTo(1);
    clock.advance(Duration.ofHours(1));
    assertThat(survivor.dispatchDue()).isZero();

    assertThat(subjects()).containsExactly("Escalation: review overdue");
  }

  @Test
  void shouldSendEachMailExactlyOnceWithTwoDispatchersAtOnce() throws Exception {
    smtp = startSmtp(0);
    int mails = 60;
    List<String> expected =
        IntStream.rangeClosed(1, mails).mapToObj(i -> "Mail %02d".formatted(i)).toList();
    transaction.executeWithoutResult(
        status -> expected.forEach(subject -> enqueue("MTR-2026-00004", subject)));
    MailDispatcher nodeA = dispatcher(smtp.getSmtp().getPort());
    MailDispatcher nodeB = dispatcher(smtp.getSmtp().getPort());

    ExecutorService nodes = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (MailDispatcher node : List.of(nodeA, nodeB)) {
        sent.add(
            nodes.submit(
                () -> {
                  start.await();
                  return node.dispatchDue();
                }));
      }
      start.countDown();
      int a = sent.get(0).get(2, TimeUnit.MINUTES);
      int b = sent.get(1).get(2, TimeUnit.MINUTES);
      assertThat(a + b).as("sent by A %d, by B %d", a, b).isEqualTo(mails);
    } finally {
      nodes.shutdownNow();
    }

    assertThat(subjects()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM tandem_mail_outbox WHERE sent_at IS NULL OR attempts <> 1")
                .query(Long.class)
                .single())
        .isZero();
  }

  void committed(String requestId, String subject) {
    transaction.executeWithoutResult(status -> enqueue(requestId, subject));
  }

  void enqueue(String requestId, String subject) {
    new MailOutbox(jdbc, clock)
        .enqueue(
            requestId, "step", "requester@tandem.example", subject, "Hello,\n\nbody of " + subject);
  }

  <T> T row(String column, Class<T> type) {
    return jdbc.sql("SELECT " + column + " FROM tandem_mail_outbox")
        .query((rs, n) -> Optional.ofNullable(type.cast(rs.getObject(1))))
        .single()
        .orElse(null);
  }

  MailDispatcher dispatcher(int smtpPort) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtpPort);
    Properties timeouts = new Properties();
    timeouts.put("mail.smtp.connectiontimeout", "5000");
    timeouts.put("mail.smtp.timeout", "5000");
    timeouts.put("mail.smtp.writetimeout", "5000");
    sender.setJavaMailProperties(timeouts);
    var beans = new StaticListableBeanFactory();
    beans.addBean("mailSender", sender);
    return new MailDispatcher(
        database.dataSource(),
        beans.getBeanProvider(JavaMailSender.class),
        clock,
        PROPERTIES,
        new NotificationProperties("tandem@tandem.example"));
  }

  List<String> subjects() {
    return Arrays.stream(smtp.getReceivedMessages()).map(MailOutboxContract::subject).toList();
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static GreenMail startSmtp(int port) {
    GreenMail smtp =
        new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    smtp.start();
    return smtp;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
