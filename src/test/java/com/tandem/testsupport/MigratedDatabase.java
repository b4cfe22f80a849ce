package com.tandem.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A fresh database with the whole schema of the application (Camunda's and Tandem's) applied by
 * Liquibase from the master changelog, exactly as the application does at start. For service tests
 * that need real tables but not the application.
 */
public final class MigratedDatabase implements AutoCloseable {

  public static final String MASTER_CHANGELOG = "classpath:db/changelog/db.changelog-master.xml";

  private final DataSource dataSource;
  private final AutoCloseable cleanup;

  private MigratedDatabase(DataSource dataSource, AutoCloseable cleanup) {
    this.dataSource = dataSource;
    this.cleanup = cleanup;
  }

  /** An in-memory H2 database of a random name, kept until closed. */
  public static MigratedDatabase h2() {
    HikariDataSource pool = new HikariDataSource();
    String name = "svc_" + UUID.randomUUID().toString().replace("-", "");
    // LOCK_TIMEOUT: concurrent tests wait for row locks longer than H2's default second
    pool.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
    pool.setUsername("sa");
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    pool.setMaximumPoolSize(12);
    pool.setPoolName("test-" + name);
    migrate(pool);
    return new MigratedDatabase(
        pool,
        () -> {
          try {
            // not closed by us: after SHUTDOWN, closing the connection fails ("already closed");
            // the pool below discards it
            pool.getConnection().createStatement().execute("SHUTDOWN");
          } finally {
            pool.close();
          }
        });
  }

  /**
   * A scratch database {@code tandem_svc_<random>} on the MySQL test server, dropped when closed.
   */
  public static MigratedDatabase mysql() {
    ScratchDatabase scratch =
        MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_svc_");
    try {
      migrate(scratch.dataSource());
    } catch (RuntimeException e) {
      scratch.close();
      throw e;
    }
    return new MigratedDatabase(scratch.dataSource(), scratch);
  }

  /**
   * As {@link #mysql()}, with the connector settings of the application's {@code mysql} profile
   * (prepared statement cache, rewritten batches, ...), for benchmarks that should see what
   * production sees.
   */
  public static MigratedDatabase mysqlAsTheApplication() {
    ScratchDatabase scratch =
        MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_svc_");
    HikariDataSource pool = new HikariDataSource();
    pool.setPoolName("bench-" + scratch.name());
    pool.setJdbcUrl(scratch.jdbcUrl());
    pool.setUsername(MySqlTestServer.fromEnvironment().user());
    pool.setPassword(MySqlTestServer.fromEnvironment().password());
    pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    pool.setMaximumPoolSize(12);
    // src/main/resources/application-mysql.yaml, spring.datasource.hikari.data-source-properties
    pool.addDataSourceProperty("cachePrepStmts", "true");
    pool.addDataSourceProperty("prepStmtCacheSize", "500");
    pool.addDataSourceProperty("prepStmtCacheSqlLimit", "16384");
    pool.addDataSourceProperty("useLocalSessionState", "true");
    pool.addDataSourceProperty("useLocalTransactionState", "true");
    pool.addDataSourceProperty("cacheServerConfiguration", "true");
    pool.addDataSourceProperty("rewriteBatchedStatements", "true");
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      scratch.close();
      throw e;
    }
    return new MigratedDatabase(
        pool,
        () -> {
          pool.close();
          scratch.close();
        });
  }

  /** Applies the master changelog to {@code dataSource}. */
  public static void migrate(DataSource dataSource) {
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(MASTER_CHANGELOG);
    liquibase.setResourceLoader(new DefaultResourceLoader());
    try {
      liquibase.afterPropertiesSet();
    } catch (Exception e) {
      throw new IllegalStateException("Liquibase failed on the test database", e);
    }
  }

  public DataSource dataSource() {
    return dataSource;
  }

  @Override
  public void close() throws Exception {
    cleanup.close();
  }
}
