package com.tandem.insights;

import com.tandem.discovery.FindingStatus;
import com.tandem.request.RequestStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.spring.boot.starter.event.TaskEvent;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tandem's Micrometer metrics, served at {@code /actuator/prometheus} to operators only
 * (MetricsAccessConfig):
 *
 * <ul>
 *   <li>{@code tandem.requests{status}}: purchase requests per status (gauge);
 *   <li>{@code tandem.findings{status}}: shadow-IT findings per status (gauge);
 *   <li>{@code tandem.incidents}: open Camunda incidents (gauge);
 *   <li>{@code tandem.stage.duration{stage,side}}: how long each completed user task of a request
 *       took, from creation to completion (timer with a histogram), recorded after the completing
 *       transaction commits.
 * </ul>
 *
 * The gauges are counted in the database at most once per {@link #REFRESH} however often they are
 * scraped.
 */
@Component
class TandemMetrics implements MeterBinder {

  static final Duration REFRESH = Duration.ofSeconds(15);

  private final JdbcClient jdbc;
  private final Clock clock;
  private MeterRegistry registry;
  private volatile Snapshot snapshot;

  private record Snapshot(
      Instant at, Map<String, Long> requests, Map<String, Long> findings, long incidents) {}

  TandemMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    for (RequestStatus status : RequestStatus.values()) {
      Gauge.builder(
              "tandem.requests", this, m -> m.snapshot().requests().getOrDefault(status.name(), 0L))
          .description("Purchase requests by status")
          .tag("status", status.name())
          .register(registry);
    }
    for (FindingStatus status : FindingStatus.values()) {
      Gauge.builder(
              "tandem.findings", this, m -> m.snapshot().findings().getOrDefault(status.name(), 0L))
          .description("Shadow-IT findings by status")
          .tag("status", status.name())
          .register(registry);
    }
    Gauge.builder("tandem.incidents", this, m -> m.snapshot().incidents())
        .description("Open incidents of the process engine (failed jobs waiting for a retry)")
        .register(registry);
    for (Stage stage : Stage.values()) {
      timer(stage); // present from the start, so that dashboards see every stage
    }
  }

  private Timer timer(Stage stage) {
    return Timer.builder("tandem.stage.duration")
        .description("Time a request spent in a stage: a user task from creation to completion")
        .tag("stage", stage.taskKey())
        .tag("side", stage.side().name())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMinutes(1))
        .maximumExpectedValue(Duration.ofDays(90))
        .register(registry);
  }

  @TransactionalEventListener(
      fallbackExecution = true,
      condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void onTaskCompleted(TaskEvent task) {
    Optional<Stage> stage = Stage.ofTaskKey(String.valueOf(task.getTaskDefinitionKey()));
    if (stage.isEmpty() || registry == null || task.getCreateTime() == null) {
      return;
    }
    long millis = ClockUtil.getCurrentTime().getTime() - task.getCreateTime().getTime();
    timer(stage.get()).record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  private Snapshot snapshot() {
    Snapshot current = snapshot;
    Instant now = clock.instant();
    if (current != null && current.at().plus(REFRESH).isAfter(now)) {
      return current;
    }
    Map<String, Long> requests = new HashMap<>();
    jdbc.sql("SELECT status, COUNT(*) AS n FROM tandem_purchase_request GROUP BY status")
        .query((RowCallbackHandler) rs -> requests.put(rs.getString("status"), rs.getLong("n")));
    Map<String, Long> findings = new HashMap<>();
    jdbc.sql("SELECT status, COUNT(*) AS n FROM tandem_discovery_finding GROUP BY status")
        .query((RowCallbackHandler) rs -> findings.put(rs.getString("status"), rs.getLong("n")));
    long incidents = jdbc.sql("SELECT COUNT(*) FROM ACT_RU_INCIDENT").query(Long.class).single();
    Snapshot fresh = new Snapshot(now, requests, findings, incidents);
    snapshot = fresh;
    return fresh;
  }
}
