package com.tandem.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.transaction.TransactionSystemException;

/**
 * Recognizes, among the causes of a failure, that Tandem could not talk to its database at all: the
 * server does not answer, a connection broke, the pool could not open one. Whatever wraps it (a
 * Camunda {@code ProcessEngineException}, Spring's {@code CannotCreateTransactionException} or
 * {@code RecoverableDataAccessException}, a validator's {@code ValidationException}), the cause is
 * a JDBC exception of the SQL state class {@code 08} ("connection exception"; MySQL Connector/J's
 * {@code CommunicationsException} is {@code 08S01}, HikariCP's "Connection is closed" {@code
 * 08003}) or one of JDBC's connection exception types.
 *
 * <p>Such a failure says nothing about the call or the step that met it: done again once the
 * database answers, it behaves as it would have. The API answers it with 503 (nothing to correct),
 * the job executor retries the step without using up a retry ({@code
 * system.DatabaseOutageJobRetries}), and the log reports the outage once instead of every failure
 * ({@code system.DatabaseOutageLog}).
 */
public final class DatabaseUnreachable {

  /**
   * What a caller is told while the database is away (with 503 and {@link #RETRY_AFTER_SECONDS}).
   * It cannot promise that nothing was stored: a connection that broke during a commit leaves that
   * open, which is what Idempotency-Keys are for.
   */
  public static final String DETAIL =
      "Tandem cannot reach its database at the moment, so this call was not completed. Please try"
          + " again shortly.";

  /** {@link #DETAIL} as Tandem's API says it. */
  public static final String API_DETAIL =
      DETAIL + " A submission sent again with the same Idempotency-Key is registered only once.";

  /** The Retry-After of those answers: a database restart takes seconds to a minute. */
  public static final int RETRY_AFTER_SECONDS = 10;

  /**
   * HikariCP's answer (without SQL state) on a connection it closed because the connection broke
   * (SQL state 08 earlier in the same transaction): the rest of that transaction, its rollback
   * included, meets this.
   */
  private static final String CLOSED_BY_POOL = "Connection is closed";

  /**
   * MySQL Connector/J's answer on a statement of a connection it closed because the connection
   * broke (a batch of inserts flushed after the break). Named, not imported: the driver is only
   * there at run time.
   */
  private static final String STATEMENT_OF_CLOSED_CONNECTION =
      "com.mysql.cj.exceptions.StatementIsClosedException";

  private DatabaseUnreachable() {}

  /** Whether the database could not be reached (a connection failed or could not be opened). */
  public static boolean isCauseOf(Throwable failure) {
    return find(failure, false) != null;
  }

  /**
   * Whether no database connection could be had: the database could not be reached, or the pool had
   * none to give within its connection timeout (every connection busy). Either way the work never
   * reached the database, so it is no fault of the work itself.
   */
  public static boolean orNoConnectionIsCauseOf(Throwable failure) {
    return find(failure, true) != null;
  }

  /**
   * The first line of the message of the JDBC exception that says the database was unreachable
   * ("Communications link failure"), or null if none does.
   */
  public static String reason(Throwable failure) {
    Throwable cause = find(failure, false);
    if (cause == null) {
      return null;
    }
    String message = String.valueOf(cause.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static Throwable find(Throwable failure, boolean poolTimeoutToo) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
        return t;
      }
      if (t instanceof SQLException sql
          && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
              || (sql.getSQLState() == null && CLOSED_BY_POOL.equals(sql.getMessage())))) {
        return t;
      }
      if (t.getClass().getName().equals(STATEMENT_OF_CLOSED_CONNECTION)) {
        return t;
      }
      if (t instanceof SQLException && t.getCause() instanceof IOException) {
        // the driver's own words for a failed socket, without SQL state ("Connection reset")
        return t;
      }
      if (t instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null) {
        // the rollback failed too, and its failure replaced the one that made it roll back
        Throwable original = find(rollback.getApplicationException(), poolTimeoutToo);
        if (original != null) {
          return original;
        }
      }
      if (poolTimeoutToo && t instanceof SQLTransientConnectionException) {
        // HikariCP's "Connection is not available, request timed out": with the database away
        // its cause is the connection failure (found above); without a cause, every connection was
        // busy for the whole connection timeout
        return t;
      }
    }
    return null;
  }
}
