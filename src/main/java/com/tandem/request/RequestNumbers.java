package com.tandem.request;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out request numbers, {@code MTR-<year>-<5 digits>}, unique across every Tandem node. Each
 * number is taken in a transaction of its own that commits at once, so the year's counter row is
 * locked for one statement, not for a whole process start: starts run in parallel. A start that
 * fails afterwards leaves its number unused (a gap), which is the price of not serializing all
 * intake on one lock.
 */
@Component
public class RequestNumbers {

  private static final int MAX_ATTEMPTS = 5;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public RequestNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next request id of {@code year}. */
  public String next(int year) {
    for (int attempt = 1; ; attempt++) {
      try {
        Integer value = ownTransaction.execute(status -> increment(year));
        return "MTR-%d-%05d".formatted(year, value);
      } catch (DuplicateKeyException | PessimisticLockingFailureException firstOfTheYearRace) {
        // Several starts raced to create the year's counter; one won. InnoDB may also resolve
        // that race as a deadlock. Either way the row exists now: take a number again.
        if (attempt == MAX_ATTEMPTS) {
          throw firstOfTheYearRace;
        }
      }
    }
  }

  private int increment(int year) {
    int updated =
        jdbc.sql(
                "UPDATE tandem_request_sequence SET next_value = next_value + 1 WHERE seq_year = ?")
            .param(year)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO tandem_request_sequence (seq_year, next_value) VALUES (?, 1)")
          .param(year)
          .update();
    }
    return jdbc.sql("SELECT next_value FROM tandem_request_sequence WHERE seq_year = ?")
        .param(year)
        .query(Integer.class)
        .single();
  }
}
