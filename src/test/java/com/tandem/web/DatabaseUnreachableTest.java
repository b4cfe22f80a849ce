package com.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.exceptions.StatementIsClosedException;
import jakarta.validation.ValidationException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The failures a lost database raises, as they reached the log of a Tandem node whose database
 * connection was cut (DatabaseOutageTest), are recognised through whatever wraps them; a refused
 * value, a deadlock or a busy pool are not an unreachable database.
 */
class DatabaseUnreachableTest {

  /** MySQL Connector/J's CommunicationsException is an SQLRecoverableException of state 08S01. */
  private static SQLException linkFailure() {
    return new SQLRecoverableException(
        "Communications link failure\n\nThe last packet sent successfully to the server was 0"
            + " milliseconds ago.",
        "08S01");
  }

  @Test
  void shouldRecognizeNoConnectionFromThePoolWhileTheServerIsAway() {
    var hikari =
        new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 5001ms",
            "08S01",
            linkFailure());
    var failure =
        new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction", hikari);

    assertThat(DatabaseUnreachable.isCauseOf(failure)).isTrue();
    assertThat(DatabaseUnreachable.orNoConnectionIsCauseOf(failure)).isTrue();
    assertThat(DatabaseUnreachable.reason(failure))
        .isEqualTo("HikariPool-1 - Connection is not available, request timed out after 5001ms");
  }

  @Test
  void shouldRecognizeABrokenConnectionInsideTheEngineAndAValidator() {
    var engine =
        new ProcessEngineException(
            "ENGINE-03083 Unexpected exception while executing database operations",
            new PersistenceException("### Error flushing statements.", linkFailure()));
    var validator =
        new ValidationException(
            "HV000028: Unexpected exception during isValid call.",
            new RecoverableDataAccessException("PreparedStatementCallback", linkFailure()));

    assertThat(DatabaseUnreachable.isCauseOf(engine)).isTrue();
    assertThat(DatabaseUnreachable.isCauseOf(validator)).isTrue();
    assertThat(DatabaseUnreachable.reason(validator)).isEqualTo("Communications link failure");
  }

  @Test
  void shouldRecognizeWhatFollowsABrokenConnectionInTheSameTransaction() {
    // HikariCP closes a connection that broke; the rest of its transaction meets that
    var closedByPool = new SQLException("Connection is closed");
    var rollback = new TransactionSystemException("JDBC rollback failed", closedByPool);
    // the driver closes the statements of the broken connection: a batch flushed later fails
    var statement =
        new SQLException(
            "No operations allowed after statement closed.",
            "S1009",
            new StatementIsClosedException("No operations allowed after statement closed."));
    var afterClose =
        new SQLNonTransientConnectionException(
            "No operations allowed after connection closed.", "08003");

    assertThat(DatabaseUnreachable.isCauseOf(rollback)).isTrue();
    assertThat(DatabaseUnreachable.isCauseOf(statement)).isTrue();
    assertThat(DatabaseUnreachable.isCauseOf(afterClose)).isTrue();
  }

  @Test
  void shouldRecognizeASocketFailureTheDriverReportsWithoutSqlState() {
    // seen in the chaos run's outage: Connector/J's "Connection reset" without SQL state
    var reset =
        new ProcessEngineException(
            "An exception occurred in the persistence layer.",
            new PersistenceException(
                "### Error querying database.",
                new SQLException(
                    "Connection reset", new java.net.SocketException("Connection reset"))));

    assertThat(DatabaseUnreachable.isCauseOf(reset)).isTrue();
    assertThat(DatabaseUnreachable.reason(reset)).isEqualTo("Connection reset");
  }

  @Test
  void shouldLookAtTheFailureARollbackFailureReplaced() {
    var rollback = new TransactionSystemException("JDBC rollback failed");
    rollback.initApplicationException(new ProcessEngineException("ENGINE-03004", linkFailure()));

    assertThat(DatabaseUnreachable.isCauseOf(rollback)).isTrue();
  }

  @Test
  void shouldTellABusyPoolFromAnUnreachableDatabase() {
    // every connection in use for the whole connection timeout: HikariCP gives no cause, no state
    var busy =
        new CannotCreateTransactionException(
            "Could not open JDBC Connection for transaction",
            new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 5000ms"));

    assertThat(DatabaseUnreachable.isCauseOf(busy)).isFalse();
    assertThat(DatabaseUnreachable.orNoConnectionIsCauseOf(busy)).isTrue();
  }

  @Test
  void shouldNotTakeOtherDatabaseFailuresForAnOutage() {
    var refused =
        new DataIntegrityViolationException(
            "duplicate",
            new SQLIntegrityConstraintViolationException("Duplicate entry 'x'", "23000", 1062));
    var deadlock =
        new DeadlockLoserDataAccessException(
            "deadlock", new SQLTransactionRollbackException("Deadlock found", "40001", 1213));
    var bug = new IllegalStateException("Connection refused: cmdb.example:443");

    assertThat(DatabaseUnreachable.isCauseOf(refused)).isFalse();
    assertThat(DatabaseUnreachable.orNoConnectionIsCauseOf(deadlock)).isFalse();
    assertThat(DatabaseUnreachable.isCauseOf(bug)).isFalse();
    assertThat(DatabaseUnreachable.reason(bug)).isNull();
  }
}
