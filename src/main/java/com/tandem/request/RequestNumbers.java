package com.tandem.request;

import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out case numbers, {@code <prefix>-<year>-<5 digits>} (purchase requests {@code MTR},
 * shadow-IT findings {@code SIT}, offboardings {@code OFF}, renewals {@code REN}), unique across
 * every Tandem node and counted per prefix and year. Each number is taken in a transaction of its
 * own that commits at once, so the year's counter row is locked for one statement, not for a whole
 * process start: starts run in parallel. A start that fails afterwards leaves its number unused (a
 * gap), which is the price of not serializing all intake on one lock.
 */
@Component
public class RequestNumbers {

  /** The prefix of purchase requests, whose counters keep their table of milestone 1. */
  public static final String PURCHASE_REQUEST = "MTR";

  private static final int MAX_ATTEMPTS = 5;
  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  public RequestNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The next purchase request id of {@code year}: {@code MTR-<year>-<5 digits>}. */
  public String next(int year) {
    return next(PURCHASE_REQUEST, year);
  }

  /**
   * The next number of {@code prefix} (three capital letters) in {@code year}, e.g. {@code
   * SIT-2026-00001}.
   */
  public String next(String prefix, int year) {
    if (!prefix.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("A case prefix is three capital letters, not " + prefix);
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Integer value =
            ownTransaction.execute(
                status ->
                    PURCHASE_REQUEST.equals(prefix) ? increment(year) : increment(prefix, year));
        return "%s-%d-%05d".formatted(prefix, year, value);
      } catch (DuplicateKeyException | PessimisticLockingFailureException firstOfTheYearRace) {
        // Several starts raced to create the year's counter; one won. InnoDB may also resolve
        // that race as a deadlock. Either way the row exists now: take a number again.
        if (attempt == MAX_ATTEMPTS) {
          throw firstOfTheYearRace;
        }
      }
    }
  }

  /**
   * A block of {@code count} consecutive numbers of {@code prefix} in {@code year}, taken in the
   * caller's transaction (which must be open): the year's counter row stays locked until the caller
   * commits, so that callers taking blocks of one prefix run one after the other across every node,
   * and a rollback returns the block (no gap). Call {@link #lockBlock} first, then this with the
   * count the caller decided under that lock. For the renewal scan, which alone numbers {@code REN}
   * cases: it starts a batch of renewals per block.
   */
  public List<String> takeBlock(String prefix, int year, int count) {
    if (count == 0) {
      return List.of();
    }
    int updated =
        jdbc.sql(
                "UPDATE tandem_case_sequence SET next_value = next_value + ?"
                    + " WHERE prefix = ? AND seq_year = ?")
            .params(count, prefix, year)
            .update();
    if (updated == 0) {
      throw new IllegalStateException(
          "takeBlock(" + prefix + ", " + year + ") without lockBlock in the same transaction");
    }
    int last =
        jdbc.sql("SELECT next_value FROM tandem_case_sequence WHERE prefix = ? AND seq_year = ?")
            .params(prefix, year)
            .query(Integer.class)
            .single();
    List<String> block = new ArrayList<>(count);
    for (int value = last - count + 1; value <= last; value++) {
      block.add("%s-%d-%05d".formatted(prefix, year, value));
    }
    return block;
  }

  /**
   * Locks the counter of {@code prefix} in {@code year} in the caller's transaction (creating it,
   * in a transaction of its own, when the year has none yet): whoever else locks it waits until the
   * caller commits or rolls back. See {@link #takeBlock}.
   */
  public void lockBlock(String prefix, int year) {
    if (!prefix.matches("[A-Z]{3}") || PURCHASE_REQUEST.equals(prefix)) {
      throw new IllegalArgumentException("Not a case prefix with blocks: " + prefix);
    }
    for (int attempt = 1; ; attempt++) {
      List<Integer> locked =
          jdbc.sql(
                  "SELECT next_value FROM tandem_case_sequence WHERE prefix = ? AND seq_year = ?"
                      + " FOR UPDATE")
              .params(prefix, year)
              .query(Integer.class)
              .list();
      if (!locked.isEmpty()) {
        return;
      }
      try {
        ownTransaction.executeWithoutResult(
            status ->
                jdbc.sql(
                        "INSERT INTO tandem_case_sequence (prefix, seq_year, next_value)"
                            + " VALUES (?, ?, 0)")
                    .params(prefix, year)
                    .update());
      } catch (DuplicateKeyException | PessimisticLockingFailureException anotherNodeCreatedIt) {
        if (attempt == MAX_ATTEMPTS) {
          throw anotherNodeCreatedIt;
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

  private int increment(String prefix, int year) {
    int updated =
        jdbc.sql(
                "UPDATE tandem_case_sequence SET next_value = next_value + 1"
                    + " WHERE prefix = ? AND seq_year = ?")
            .params(prefix, year)
            .update();
    if (updated == 0) {
      jdbc.sql("INSERT INTO tandem_case_sequence (prefix, seq_year, next_value) VALUES (?, ?, 1)")
          .params(prefix, year)
          .update();
    }
    return jdbc.sql("SELECT next_value FROM tandem_case_sequence WHERE prefix = ? AND seq_year = ?")
        .params(prefix, year)
        .query(Integer.class)
        .single();
  }
}
