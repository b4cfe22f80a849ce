package com.tandem.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import com.tandem.web.DatabaseUnreachable;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One WARN line when the database goes away and one when it is back, instead of a stack trace from
 * everything that meets the outage: the job executor's acquisition (every few seconds), each job,
 * each API call, the mail outbox, the connection pool.
 *
 * <p>A Logback turbo filter looks at every WARN and ERROR: one whose exception says the database
 * could not be reached ({@link DatabaseUnreachable}), or the pool's "Failed to validate
 * connection", is counted and not printed. The first such failure starts a look at the database
 * itself, through the pool, every {@code tandem.database-outage.probe-interval}: if it does not
 * answer, the outage is logged ("The database ... is not reachable since ..."); as soon as it
 * answers again, so is the end, with how long it lasted and how many failures were counted
 * meanwhile. A single broken connection while the database answers is one line too. Nothing else is
 * filtered: every other error is logged as before.
 */
@Component
class DatabaseOutageLog implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageLog.class);

  private final DataSource dataSource;
  private final Clock clock;
  private final Duration probeInterval;
  private final String database;
  private final ScheduledExecutorService prober =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "database-outage-probe");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicReference<Outage> current = new AtomicReference<>();
  private final Filter filter = new Filter();
  private final LoggerContext logback;

  /** One outage: from its first failure until the database answers again. */
  private static final class Outage {
    final Instant since;
    final String reason;
    final String reportedBy;
    final AtomicLong failures = new AtomicLong();
    volatile boolean confirmed;

    Outage(Instant since, String reason, String reportedBy) {
      this.since = since;
      this.reason = reason;
      this.reportedBy = reportedBy;
    }
  }

  DatabaseOutageLog(
      DataSource dataSource,
      Clock clock,
      @Value("${tandem.database-outage.probe-interval:PT2S}") Duration probeInterval) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.probeInterval = probeInterval;
    this.database = describe(dataSource);
    this.logback =
        LoggerFactory.getILoggerFactory() instanceof LoggerContext context ? context : null;
    if (logback != null) {
      filter.setName("tandem-database-outage");
      filter.start();
      logback.addTurboFilter(filter);
    }
  }

  /** A failure that says the database could not be reached: counted, and looked into. */
  void failureSeen(String reportedBy, String reason) {
    Outage outage = current.get();
    if (outage == null) {
      Outage fresh = new Outage(clock.instant(), reason, reportedBy);
      if (current.compareAndSet(null, fresh)) {
        outage = fresh;
        try {
          prober.execute(this::probe);
        } catch (RejectedExecutionException closing) {
          // Tandem is shutting down: nothing left to look into
        }
      } else {
        outage = current.get();
      }
    }
    if (outage != null) {
      outage.failures.incrementAndGet();
    }
  }

  private void probe() {
    Outage outage = current.get();
    if (outage == null) {
      return;
    }
    if (databaseAnswers()) {
      current.set(null);
      Duration lasted = Duration.between(outage.since, clock.instant());
      if (outage.confirmed) {
        LOG.warn(
            "The database {} answers again, after {} s away; Tandem carries on by itself ({}"
                + " failures of calls, jobs and the connection pool meanwhile were counted, not"
                + " logged one by one)",
            database,
            seconds(lasted),
            outage.failures.get());
      } else {
        LOG.warn(
            "A database connection failed ({}; reported by {}) but the database {} answers: one"
                + " broken connection, not an outage ({} failures counted)",
            outage.reason,
            outage.reportedBy,
            database,
            outage.failures.get());
      }
      return;
    }
    if (!outage.confirmed) {
      outage.confirmed = true;
      LOG.warn(
          "The database {} is not reachable (since {}: {}). Tandem answers calls with 503 and its"
              + " jobs wait; it carries on by itself when the database is back. Until then the"
              + " failures this causes are counted, not logged one by one.",
          database,
          outage.since,
          outage.reason);
    }
    try {
      prober.schedule(this::probe, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      // Tandem is shutting down
    }
  }

  private boolean databaseAnswers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  private static String seconds(Duration duration) {
    return String.format("%.1f", duration.toMillis() / 1000.0);
  }

  /** The JDBC URL without its parameters (which may name credentials), else the type. */
  private static String describe(DataSource dataSource) {
    String url = null;
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
      }
    } catch (SQLException e) {
      // described by its type below
    }
    if (url == null) {
      return dataSource.getClass().getSimpleName();
    }
    int query = url.indexOf('?');
    int semicolon = url.indexOf(';');
    return url.substring(0, query >= 0 ? query : semicolon >= 0 ? semicolon : url.length());
  }

  @Override
  public void destroy() {
    if (logback != null) {
      logback.getTurboFilterList().remove(filter);
    }
    filter.stop();
    prober.shutdownNow();
  }

  /** Decides for every log call; cheap unless it is a WARN or ERROR about a lost database. */
  private final class Filter extends TurboFilter {

    @Override
    public FilterReply decide(
        Marker marker,
        ch.qos.logback.classic.Logger logger,
        Level level,
        String format,
        Object[] params,
        Throwable t) {
      if (level == null || level.levelInt < Level.WARN_INT || format == null) {
        return FilterReply.NEUTRAL;
      }
      Throwable failure = t;
      if (failure == null
          && params != null
          && params.length > 0
          && params[params.length - 1] instanceof Throwable last) {
        failure = last;
      }
      if (failure != null) {
        String reason = DatabaseUnreachable.reason(failure);
        if (reason == null) {
          return FilterReply.NEUTRAL;
        }
        failureSeen(logger.getName(), reason);
        return FilterReply.DENY;
      }
      if (logger.getName().startsWith("com.zaxxer.hikari")
          && format.contains("Failed to validate connection")) {
        // the pool found a pooled connection dead: the first sign of a database gone away
        failureSeen(
            logger.getName(),
            params != null && params.length > 2 ? String.valueOf(params[2]) : format);
        return FilterReply.DENY;
      }
      return FilterReply.NEUTRAL;
    }
  }
}
