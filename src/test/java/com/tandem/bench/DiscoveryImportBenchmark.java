package com.tandem.bench;

import com.tandem.budget.BudgetProperties;
import com.tandem.discovery.CsvLayout;
import com.tandem.discovery.DiscoveryFile;
import com.tandem.discovery.DiscoveryImports;
import com.tandem.discovery.DiscoveryProperties;
import com.tandem.discovery.DiscoverySource;
import com.tandem.discovery.FindingService;
import com.tandem.discovery.ImportSummary;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.JdbcInventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.request.RequestNumbers;
import com.tandem.request.RequestRegistry;
import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.ServiceTestConfig;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Not a test: generates an expense export of {@code bench.lines} lines (default 50 000: owned
 * tools, a few hundred unknown vendors, card-statement noise, a few bad lines) and imports it on a
 * fresh H2 database and on MariaDB (unless {@code -Dbench.db=h2}), printing the time of each beside
 * the baseline of reading and checking the file alone.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dbench.main=com.tandem.bench.DiscoveryImportBenchmark
 * # MariaDB from TANDEM_TEST_MYSQL_HOST/PORT/USER/PASSWORD, as the MariaDB tests
 * </pre>
 */
public final class DiscoveryImportBenchmark {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryImportBenchmark.class);

  private static final List<String> OWNED =
      List.of(
          "HUBSPOT INC 888-4827768 MA",
          "PAYPAL *CANVA",
          "SEMRUSH INC 800-815-9959 MA",
          "HOTJAR LTD",
          "TYPEFORM S.L.");

  /** 300 made-up vendor names different enough not to be typos of each other. */
  private static final String[] VENDORS = vendors(300);

  private DiscoveryImportBenchmark() {}

  private static String[] vendors(int count) {
    String[] first = {
      "BRIGHT",
      "QUANTA",
      "NIMBUS",
      "ORBIT",
      "PIXEL",
      "LUMEN",
      "VERTEX",
      "ZEPHYR",
      "CANDOR",
      "MOSAIC",
      "TALLY",
      "RIVET",
      "SPROCKET",
      "HALCYON",
      "JUNIPER"
    };
    String[] second = {
      "WORKS", "LABS", "FLOW", "HQ", "STACK", "GRID", "BASE", "LOOP", "DESK", "PILOT", "CAST",
      "FORGE", "MINT", "SCOPE", "HIVE", "NEST", "PATH", "WAVE", "YARD", "ZONE"
    };
    String[] names = new String[count];
    for (int i = 0; i < count; i++) {
      names[i] = first[i % first.length] + second[(i / first.length) % second.length];
    }
    return names;
  }

  public static void main(String[] args) throws Exception {
    int lines = Integer.getInteger("bench.lines", 50_000);
    String db = System.getProperty("bench.db", "both");
    byte[] file = generate(lines, new Random(42));
    Path out = Path.of("target", "discovery-bench-expenses.csv");
    Files.createDirectories(out.getParent());
    Files.write(out, file);

    // baseline: reading and checking the file, nothing written (best of three, after a warm-up)
    long parse = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      long t = System.nanoTime();
      DiscoveryFile.parse(
          file, DiscoverySource.EXPENSE, CsvLayout.BUILT_IN, 20L << 20, 100_000, LocalDate.now());
      parse = Math.min(parse, System.nanoTime() - t);
    }
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            "%n%d lines, %.1f MB; load average before: %s%n",
            lines, file.length / 1e6, loadAverage()));
    report.append(String.format("parse and check only: %6d ms%n", parse / 1_000_000));
    if (!db.equals("mysql")) {
      report.append(run("H2 (in memory)", MigratedDatabase.h2(), file));
    }
    if (!db.equals("h2")) {
      report.append(run("MariaDB", MigratedDatabase.mysql(), file));
    }
    // the same file through the whole application: each new finding also starts its
    // shadow-it-review instance (with its first task) in the import's transaction
    if (!db.equals("mysql")) {
      report.append(runApplication("H2 (in memory)", null, file));
    }
    if (!db.equals("h2")) {
      try (var scratch =
          com.tandem.testsupport.MySqlTestServer.fromEnvironment()
              .createScratchDatabase("tandem_bench_")) {
        report.append(runApplication("MariaDB", scratch, file));
      }
    }
    report.append(String.format("load average after: %s%n", loadAverage()));
    LOG.info("Discovery import benchmark:{}", report);
  }

  private static String run(String name, MigratedDatabase database, byte[] file) throws Exception {
    // the context closes the database (the bean's close method) when it closes
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(MigratedDatabase.class, () -> database);
      context.register(
          ServiceTestConfig.class,
          JdbcInventoryService.class,
          RequestRegistry.class,
          RequestNumbers.class,
          DiscoveryImports.class,
          FindingService.class);
      context.registerBean(
          JdbcTemplate.class, () -> new JdbcTemplate(context.getBean(DataSource.class)));
      context.registerBean(Clock.class, Clock::systemDefaultZone);
      context.registerBean(BudgetProperties.class, () -> new BudgetProperties("USD", 1));
      context.registerBean(
          DiscoveryProperties.class,
          () -> new DiscoveryProperties(DataSize.ofMegabytes(20), 100_000, Map.of()));
      context.refresh();
      registerOwnedTools(context.getBean(InventoryService.class));
      long t = System.nanoTime();
      ImportSummary summary =
          context
              .getBean(DiscoveryImports.class)
              .importFile(DiscoverySource.EXPENSE, "bench.csv", file, "bench");
      long ms = (System.nanoTime() - t) / 1_000_000;
      return String.format(
          "%-22s %6d ms  (%d owned-tool sightings, %d new findings, %d refused)%n",
          "import on " + name + ":",
          ms,
          summary.matchedOwnedTools(),
          summary.newFindings(),
          summary.refused().size());
    }
  }

  /**
   * Imports {@code file} through the running application (its own Spring context, the engine, the
   * listeners): the figure a user of {@code POST /api/discovery-imports} waits for, with the
   * shadow-it-review starts included.
   */
  private static String runApplication(
      String name, com.tandem.testsupport.ScratchDatabase mysql, byte[] file) {
    Map<String, Object> properties = new java.util.LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("tandem.demo-data.enabled", "false");
    properties.put("logging.level.liquibase", "warn");
    String profile = null;
    if (mysql == null) {
      properties.put("spring.datasource.url", "jdbc:h2:mem:bench-" + System.nanoTime());
    } else {
      var server = com.tandem.testsupport.MySqlTestServer.fromEnvironment();
      profile = "mysql";
      properties.put("TANDEM_DB_URL", mysql.jdbcUrl());
      properties.put("TANDEM_DB_USER", server.user());
      properties.put("TANDEM_DB_PASSWORD", server.password());
      properties.put("TANDEM_ADMIN_USER", "bench");
      properties.put("TANDEM_ADMIN_PASSWORD", "bench-admin");
    }
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    var builder =
        new org.springframework.boot.builder.SpringApplicationBuilder(
            com.tandem.TandemApplication.class);
    if (profile != null) {
      builder.profiles(profile);
    }
    try (var app = builder.run(args)) {
      InventoryService inventory = app.getBean(InventoryService.class);
      registerOwnedTools(inventory);
      var runtime = app.getBean(org.camunda.bpm.engine.RuntimeService.class);
      long instancesBefore = runtime.createProcessInstanceQuery().count();
      long t = System.nanoTime();
      ImportSummary summary =
          app.getBean(DiscoveryImports.class)
              .importFile(DiscoverySource.EXPENSE, "bench.csv", file, "bench");
      long ms = (System.nanoTime() - t) / 1_000_000;
      long started = runtime.createProcessInstanceQuery().count() - instancesBefore;
      return String.format(
          "%-22s %6d ms  (whole application: %d new findings, %d shadow-it-review instances"
              + " started)%n",
          "import on " + name + ":", ms, summary.newFindings(), started);
    }
  }

  private static void registerOwnedTools(InventoryService inventory) {
    String[][] tools = {
      {"HubSpot Marketing Hub", "HubSpot, Inc."},
      {"Canva Teams", "Canva Pty Ltd"},
      {"Semrush", "Semrush Inc."},
      {"Hotjar", "Hotjar Ltd"},
      {"Typeform", "Typeform S.L."}
    };
    for (int i = 0; i < tools.length; i++) {
      inventory.registerProcurement(
          "MTR-2026-9999" + i,
          new NewTool(
              tools[i][0],
              tools[i][1],
              List.of("crm"),
              "Marketing",
              new BigDecimal("1000.00"),
              "USD",
              LocalDate.now().plusYears(1),
              "SAML",
              "PERSONAL"));
    }
  }

  static byte[] generate(int lines, Random random) {
    StringBuilder csv =
        new StringBuilder("date,merchant,amount,currency,employeeEmail,costCentre\r\n");
    String[] prefixes = {"SQ *", "PAYPAL *", "PP*", "STRIPE*", "", "", ""};
    LocalDate start = LocalDate.now().minusDays(365);
    for (int i = 0; i < lines; i++) {
      String merchant;
      if (i % 1000 == 999) {
        merchant = ""; // a bad line: no vendor
      } else if (random.nextInt(10) < 6) {
        merchant = OWNED.get(random.nextInt(OWNED.size()));
      } else {
        merchant =
            prefixes[random.nextInt(prefixes.length)]
                + VENDORS[random.nextInt(VENDORS.length)]
                + " LTD #"
                + random.nextInt(100_000);
      }
      csv.append(start.plusDays(random.nextInt(365)))
          .append(',')
          .append(merchant.contains(",") ? '"' + merchant + '"' : merchant)
          .append(',')
          .append(random.nextInt(5000))
          .append('.')
          .append(String.format("%02d", random.nextInt(100)))
          .append(",USD,person")
          .append(random.nextInt(400))
          .append("@tandem.example,MKT-")
          .append(random.nextInt(12))
          .append("\r\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(
        "%.2f (%d cores)",
        load, ManagementFactory.getOperatingSystemMXBean().getAvailableProcessors());
  }
}
