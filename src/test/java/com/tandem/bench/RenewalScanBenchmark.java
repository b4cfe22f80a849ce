package com.tandem.bench;

import com.tandem.budget.BudgetProperties;
import com.tandem.inventory.JdbcInventoryService;
import com.tandem.renewal.RenewalProperties;
import com.tandem.renewal.RenewalScan;
import com.tandem.renewal.Renewals;
import com.tandem.request.RequestNumbers;
import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.ServiceTestConfig;
import java.lang.management.ManagementFactory;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Not a test: the renewal scan over {@code bench.tools} ACTIVE tools (default 10 000) whose notice
 * dates (90 days before the contract end) fall on days spread over the coming year, on MariaDB (or
 * {@code -Dbench.db=h2}), with a real process engine on the same database starting the renewals.
 * Prints, beside the baseline (the candidate query on an empty inventory) and the machine's load:
 *
 * <ul>
 *   <li>the first scan after installation, which starts every tool already in its window;
 *   <li>the daily scan of the next day, which starts the tools whose window opened that day and
 *       skips the thousands already started: what runs every day;
 *   <li>a repeated scan of the same day, which starts nothing.
 * </ul>
 *
 * <pre>
 * mvn -q test-compile exec:java -Dbench.main=com.tandem.bench.RenewalScanBenchmark
 * # MariaDB from TANDEM_TEST_MYSQL_HOST/PORT/USER/PASSWORD, as the MariaDB tests
 * </pre>
 */
public final class RenewalScanBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(RenewalScanBenchmark.class);

  private RenewalScanBenchmark() {}

  public static void main(String[] args) throws Exception {
    int tools = Integer.getInteger("bench.tools", 10_000);
    String db = System.getProperty("bench.db", "mysql");
    StringBuilder report = new StringBuilder();
    report.append(String.format("%n%d tools; load average before: %s%n", tools, loadAverage()));
    report.append(run(db.equals("h2") ? "H2 (in memory)" : "MariaDB", db, tools));
    report.append(String.format("load average after: %s%n", loadAverage()));
    LOG.info("Renewal scan benchmark:{}", report);
  }

  /** A clock a benchmark sets to a day. */
  static final class DayClock extends Clock {
    LocalDate day;

    DayClock(LocalDate day) {
      this.day = day;
    }

    @Override
    public ZoneId getZone() {
      return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public java.time.Instant instant() {
      return day.atTime(LocalTime.of(6, 0)).atZone(getZone()).toInstant();
    }
  }

  private static String run(String name, String db, int tools) throws Exception {
    MigratedDatabase database =
        db.equals("h2") ? MigratedDatabase.h2() : MigratedDatabase.mysqlAsTheApplication();
    LocalDate today = LocalDate.now();
    DayClock clock = new DayClock(today);
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(MigratedDatabase.class, () -> database);
      context.register(
          ServiceTestConfig.class,
          JdbcInventoryService.class,
          RequestNumbers.class,
          Renewals.class);
      context.registerBean(Clock.class, () -> clock);
      context.registerBean(BudgetProperties.class, () -> new BudgetProperties("USD", 1));
      context.refresh();
      DataSource dataSource = context.getBean(DataSource.class);
      PlatformTransactionManager transactions = context.getBean(PlatformTransactionManager.class);

      SpringTransactionsProcessEngineConfiguration configuration =
          new SpringTransactionsProcessEngineConfiguration();
      configuration.setProcessEngineName("renewal-bench");
      configuration.setDataSource(dataSource);
      configuration.setTransactionManager(transactions);
      configuration.setDatabaseSchemaUpdate("false");
      configuration.setJobExecutorActivate(false);
      configuration.setHistory("audit");
      // as the application (camunda-bpm-spring-boot-starter's default id generator)
      configuration.setIdGenerator(
          new org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator());
      configuration.setEnforceHistoryTimeToLive(true);
      configuration.setExpressionManager(
          new org.camunda.bpm.engine.spring.SpringExpressionManager(context, null));
      ProcessEngine engine = configuration.buildProcessEngine();
      try {
        engine
            .getRepositoryService()
            .createDeployment()
            .addClasspathResource("bpmn/tool-renewal.bpmn")
            .deploy();
        RenewalScan scan =
            new RenewalScan(
                context.getBean(JdbcInventoryService.class),
                context.getBean(Renewals.class),
                context.getBean(RequestNumbers.class),
                engine,
                new RenewalProperties(
                    false, Duration.ofSeconds(30), "0 0 6 * * *", 60, LocalTime.of(8, 0)),
                clock,
                transactions);
        JdbcInventoryService inventory = context.getBean(JdbcInventoryService.class);

        // baseline: the candidate query on an empty inventory (best of five)
        long baseline = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
          long t = System.nanoTime();
          inventory.contractsWithNoticeBy(today.plusDays(60));
          baseline = Math.min(baseline, System.nanoTime() - t);
        }

        insertTools(context.getBean(JdbcClient.class), new JdbcTemplate(dataSource), tools, today);
        long t = System.nanoTime();
        int candidates = inventory.contractsWithNoticeBy(today.plusDays(60)).size();
        long query = System.nanoTime() - t;

        StringBuilder report = new StringBuilder();
        report.append(
            String.format(
                "%s: candidate query, empty inventory (baseline): %8.1f ms%n",
                name, baseline / 1e6));
        report.append(
            String.format(
                "%s: candidate query, %d tools (%d due):       %8.1f ms%n",
                name, tools, candidates, query / 1e6));
        report.append(timed(name, "first scan after installation", scan));
        clock.day = today.plusDays(1);
        report.append(timed(name, "daily scan, the next day", scan));
        report.append(timed(name, "the same day again", scan));
        return report.toString();
      } finally {
        engine.close();
      }
    }
  }

  private static String timed(String name, String what, RenewalScan scan) {
    long t = System.nanoTime();
    RenewalScan.Result result = scan.scan();
    long ms = (System.nanoTime() - t) / 1_000_000;
    return String.format(
        "%s: %-32s %8d ms  (%d candidates, %d started, %d already started)%n",
        name, what + ":", ms, result.candidates(), result.started(), result.alreadyStarted());
  }

  /** ACTIVE tools whose notice dates are spread over the coming year, 90-day notice. */
  private static void insertTools(JdbcClient jdbc, JdbcTemplate batch, int tools, LocalDate today) {
    Random random = new Random(42);
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < tools; i++) {
      // notice dates spread over the coming year: about 60/365 of the tools are in their window
      LocalDate end = today.plusDays(91 + random.nextInt(365));
      rows.add(
          new Object[] {
            "Bench tool " + i,
            "Bench Vendor " + i,
            "benchvendor" + i,
            Date.valueOf(end),
            Date.valueOf(end.minusYears(1)),
            Date.valueOf(end),
            Date.valueOf(end.minusDays(90))
          });
    }
    batch.batchUpdate(
        "INSERT INTO tandem_tool (name, vendor, vendor_key, owner, status, annual_cost, currency,"
            + " renewal_date, sso, personal_data, contract_start, contract_end, notice_period_days,"
            + " auto_renews, seats_bought, notice_date, created_at, updated_at) VALUES (?, ?, ?,"
            + " 'Marketing', 'ACTIVE', 1200.00, 'USD', ?, 'SAML', 'NONE', ?, ?, 90, TRUE, 5, ?,"
            + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        rows);
    jdbc.sql("SELECT COUNT(*) FROM tandem_tool").query(Long.class).single();
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(
        "%.2f (%d cores)",
        load, ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors());
  }
}
