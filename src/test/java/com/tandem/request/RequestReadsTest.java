package com.tandem.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.request.PurchaseRequest.IntakeData;
import com.tandem.testsupport.MigratedDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.EnableTransactionManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The request page polls a request's status: each read is one statement, without a transaction of
 * its own (which cost {@code SET autocommit=0}, {@code COMMIT} and {@code SET autocommit=1} on
 * MySQL), and inside a transaction (the engine's) it still sees that transaction's writes.
 */
@SpringJUnitConfig(RequestReadsTest.Config.class)
class RequestReadsTest {

  /** Counts the transactions that really begin (a connection switched out of auto-commit). */
  static final class CountingTransactions extends DataSourceTransactionManager {
    final AtomicInteger begun = new AtomicInteger();

    CountingTransactions(DataSource dataSource) {
      super(dataSource);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      begun.incrementAndGet();
      super.doBegin(transaction, definition);
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  @EnableTransactionManagement(proxyTargetClass = true)
  @Import(RequestRegistry.class)
  static class Config {
    @Bean(destroyMethod = "close")
    MigratedDatabase database() {
      return MigratedDatabase.h2();
    }

    @Bean
    CountingTransactions transactionManager(MigratedDatabase database) {
      return new CountingTransactions(database.dataSource());
    }

    @Bean
    JdbcClient jdbcClient(MigratedDatabase database) {
      return JdbcClient.create(database.dataSource());
    }

    @Bean
    Clock clock() {
      return Clock.systemUTC();
    }
  }

  @Autowired RequestRegistry registry;
  @Autowired CountingTransactions transactions;

  @Test
  void pollingTheStatusBeginsNoTransaction() {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    inTransaction.executeWithoutResult(
        t -> registry.register("MTR-2026-09001", "riley", null, data()));
    int before = transactions.begun.get();

    assertThat(registry.find("MTR-2026-09001").map(PurchaseRequest::status))
        .contains(RequestStatus.SUBMITTED);
    assertThat(registry.get("MTR-2026-09001").requester()).isEqualTo("riley");
    assertThat(registry.decisions("MTR-2026-09001")).isEmpty();
    assertThat(registry.count(null, "riley")).isEqualTo(1);
    assertThat(registry.page(null, "riley", 0, 10)).hasSize(1);
    assertThat(registry.open()).extracting(PurchaseRequest::id).contains("MTR-2026-09001");

    assertThat(transactions.begun.get()).isEqualTo(before);
  }

  @Test
  void insideATransactionTheReadSeesItsUncommittedWrites() {
    TransactionTemplate inTransaction = new TransactionTemplate(transactions);
    inTransaction.executeWithoutResult(
        t -> {
          registry.register("MTR-2026-09002", "riley", null, data());
          assertThat(registry.find("MTR-2026-09002")).isPresent();
          t.setRollbackOnly();
        });
    assertThat(registry.find("MTR-2026-09002")).isEmpty();
  }

  private static IntakeData data() {
    return new IntakeData(
        "Eventful",
        "Eventful Inc.",
        "https://eventful.example",
        List.of("event-management"),
        "Events",
        new BigDecimal("1200.00"),
        new BigDecimal("300.00"),
        "USD",
        5,
        12,
        LocalDate.of(2027, 1, 15),
        PersonalData.NONE,
        SsoSupport.SAML,
        List.of(),
        true);
  }
}
