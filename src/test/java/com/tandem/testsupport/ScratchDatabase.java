package com.tandem.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * A database created for one test class on the {@link MySqlTestServer}, dropped on {@link #close()}
 * together with the connection pool of its {@link #dataSource()}.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final MySqlTestServer server;
  private final String name;
  private HikariDataSource dataSource;

  ScratchDatabase(MySqlTestServer server, String name) {
    this.server = server;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** A pooled DataSource of READ COMMITTED connections, as Camunda requires on MySQL. */
  public synchronized DataSource dataSource() {
    if (dataSource == null) {
      HikariDataSource pool = new HikariDataSource();
      pool.setPoolName("test-" + name);
      pool.setJdbcUrl(jdbcUrl());
      pool.setUsername(server.user());
      pool.setPassword(server.password());
      pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
      pool.setMaximumPoolSize(12);
      dataSource = pool;
    }
    return dataSource;
  }

  @Override
  public synchronized void close() {
    if (dataSource != null) {
      dataSource.close();
      dataSource = null;
    }
    server.dropDatabase(name);
  }
}
