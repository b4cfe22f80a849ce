package com.tandem.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of submissions, per requester, in {@code tandem_idempotency_key}. The key is
 * reserved in the transaction that starts the request, before the start, so a concurrent duplicate
 * waits on the primary key and then finds the committed result (or nothing, when the first failed
 * and rolled back its reservation with everything else).
 */
@Repository
public class IdempotencyKeys {

  /** What a key was first used for. */
  public record StoredKey(String bodyHash, String requestId) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  public IdempotencyKeys(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Optional<StoredKey> find(String requester, String key) {
    return jdbc.sql(
            "SELECT body_hash, request_id FROM tandem_idempotency_key WHERE requester = ? AND idem_key = ?")
        .params(requester, key)
        .query((rs, n) -> new StoredKey(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /**
   * @throws org.springframework.dao.DuplicateKeyException if the key is taken (or being taken)
   */
  public void reserve(String requester, String key, String bodyHash) {
    jdbc.sql(
            "INSERT INTO tandem_idempotency_key (requester, idem_key, body_hash, request_id, created_at) VALUES (?, ?, ?, '', ?)")
        .params(requester, key, bodyHash, Timestamp.from(clock.instant()))
        .update();
  }

  public void complete(String requester, String key, String requestId) {
    jdbc.sql(
            "UPDATE tandem_idempotency_key SET request_id = ? WHERE requester = ? AND idem_key = ?")
        .params(requestId, requester, key)
        .update();
  }
}
