package com.tandem.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.TandemApplication;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.inventory.ToolContract;
import com.tandem.testsupport.MySqlTestServer;
import com.tandem.testsupport.OneApplicationContextAtATime;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ScratchDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two Tandem nodes (two application contexts, two process engines) on one MariaDB database run the
 * renewal scan at the same moment, over the same due tools: each tool gets exactly one renewal for
 * its term, with one process instance, and the second node's starts are rolled back.
 */
@RequiresMySql
class RenewalScanClusterTest {

  static final int TOOLS = 40;

  ScratchDatabase database;
  final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @BeforeEach
  void emptyDatabase() {
    database = MySqlTestServer.fromEnvironment().createScratchDatabase("tandem_ren_");
  }

  @AfterEach
  void stopNodesAndDropDatabase() {
    nodes.forEach(ConfigurableApplicationContext::close);
    database.close();
  }

  ConfigurableApplicationContext startNode() {
    var server = MySqlTestServer.fromEnvironment();
    Map<String, Object> properties = new HashMap<>();
    properties.put("TANDEM_DB_URL", database.jdbcUrl());
    properties.put("TANDEM_DB_USER", server.user());
    properties.put("TANDEM_DB_PASSWORD", server.password());
    properties.put("TANDEM_ADMIN_USER", "ops");
    properties.put("TANDEM_ADMIN_PASSWORD", "s3cret-ops");
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    // two engines in one JVM: each registers under a name of its own
    properties.put("camunda.bpm.generate-unique-process-engine-name", "true");
    properties.put("tandem.renewals.scan-enabled", "false");
    properties.put("logging.level.liquibase", "warn");
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    Class<?> application = TandemApplication.class;
    if (nodes.isEmpty()) {
      OneApplicationContextAtATime.closeCurrent();
    } else {
      // The first node deployed the models as the process application "tandem"; a second one
      // by that name cannot register in this JVM (a real second node, in its own JVM, can).
      application = com.tandemnode.SecondNode.class;
      args =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(args),
                  java.util.stream.Stream.of("--camunda.bpm.auto-deployment-enabled=false"))
              .toArray(String[]::new);
    }
    ConfigurableApplicationContext node =
        new SpringApplicationBuilder(application).profiles("mysql").run(args);
    nodes.add(node);
    return node;
  }

  @Test
  void shouldStartExactlyOneRenewalPerToolAndTermWhenTwoNodesScanAtOnce() throws Exception {
    ConfigurableApplicationContext first = startNode();
    ConfigurableApplicationContext second = startNode();

    InventoryService inventory = first.getBean(InventoryService.class);
    LocalDate today = LocalDate.now();
    for (int i = 0; i < TOOLS; i++) {
      LocalDate end = today.plusDays(30 + i);
      long id =
          inventory
              .registerInUse(
                  "CLU-" + i,
                  new NewTool(
                      "Clustered " + i,
                      "Cluster Vendor " + i,
                      List.of("survey"),
                      "Growth Marketing",
                      new BigDecimal("1200.00"),
                      "USD",
                      end,
                      "SAML",
                      "NONE"))
              .id();
      inventory.setContract(
          id, new ToolContract(end.minusYears(1), end, 30, true, new BigDecimal("1200.00"), 5));
    }

    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<RenewalScan.Result>> scans = new ArrayList<>();
      for (ConfigurableApplicationContext node : List.of(first, second)) {
        RenewalScan scan = node.getBean(RenewalScan.class);
        scans.add(
            threads.submit(
                () -> {
                  together.await();
                  return scan.scan();
                }));
      }
      RenewalScan.Result a = scans.get(0).get();
      RenewalScan.Result b = scans.get(1).get();
      assertThat(a.started() + b.started()).as("started by both nodes").isEqualTo(TOOLS);
    } finally {
      threads.shutdownNow();
    }

    JdbcClient jdbc = first.getBean(JdbcClient.class);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM tandem_renewal r JOIN tandem_tool t ON t.id = r.tool_id"
                        + " WHERE t.request_id LIKE 'CLU-%'")
                .query(Long.class)
                .single())
        .isEqualTo(TOOLS);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM (SELECT r.tool_id FROM tandem_renewal r"
                        + " GROUP BY r.tool_id, r.contract_end HAVING COUNT(*) > 1) twice")
                .query(Long.class)
                .single())
        .as("tools with two renewals of one term")
        .isZero();
    RuntimeService runtime = first.getBean(RuntimeService.class);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(RenewalProcess.PROCESS_KEY)
                .count())
        .as("one tool-renewal instance per renewal")
        .isEqualTo(TOOLS);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM tandem_renewal r WHERE NOT EXISTS (SELECT 1 FROM"
                        + " ACT_RU_EXECUTION e WHERE e.PROC_INST_ID_ = r.process_instance_id"
                        + " AND e.BUSINESS_KEY_ = r.id)")
                .query(Long.class)
                .single())
        .as("renewals without their instance")
        .isZero();

    // and again, on both nodes: nothing more
    assertThat(second.getBean(RenewalScan.class).scan().started()).isZero();
    assertThat(first.getBean(RenewalScan.class).scan().started()).isZero();
  }
}
