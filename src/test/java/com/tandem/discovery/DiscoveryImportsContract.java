package com.tandem.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.budget.BudgetProperties;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.JdbcInventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.request.RequestNumbers;
import com.tandem.request.RequestRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * The import service on a real database without the application around it: owned tools, one finding
 * per vendor, the same file twice, a crashed import re-run. Run on H2 and on MariaDB.
 */
abstract class DiscoveryImportsContract {

  /** The beans of an import; a subclass adds the database. */
  @TestConfiguration(proxyBeanMethods = false)
  @Import({
    JdbcInventoryService.class,
    RequestRegistry.class,
    RequestNumbers.class,
    DiscoveryImports.class,
    FindingService.class
  })
  static class ImportBeans {
    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
      return new JdbcTemplate(dataSource);
    }

    @Bean
    Clock clock() {
      return Clock.systemDefaultZone();
    }

    @Bean
    BudgetProperties budgetProperties() {
      return new BudgetProperties("USD", 1);
    }

    @Bean
    DiscoveryProperties discoveryProperties() {
      return new DiscoveryProperties(DataSize.ofMegabytes(20), 100_000, Map.of());
    }
  }

  @Autowired DiscoveryImports imports;
  @Autowired FindingService findings;
  @Autowired InventoryService inventory;
  @Autowired JdbcClient jdbc;

  String vendor;

  @BeforeEach
  void ownedTool() {
    vendor = "Qxv" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    if (inventory.tools(java.util.Optional.empty()).stream()
        .noneMatch(t -> t.name().equals("Hubspot Hub"))) {
      inventory.registerProcurement(
          "MTR-2026-99999",
          new NewTool(
              "Hubspot Hub",
              "HubSpot, Inc.",
              List.of("crm"),
              "Marketing",
              new BigDecimal("1000.00"),
              "USD",
              LocalDate.now().plusYears(1),
              "SAML",
              "PERSONAL"));
    }
  }

  static byte[] expenses(String... lines) {
    return ("date,merchant,amount,currency,employeeEmail,costCentre\r\n"
            + String.join("\r\n", lines)
            + "\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  @Test
  void shouldImportAnExpenseFileExactlyOnce() {
    byte[] file =
        expenses(
            "2026-02-03,HUBSPOT INC 888-4827768 MA,3600.00,USD,ben@x.example,MKT",
            "2026-02-04,SQ *" + vendor.toUpperCase() + " LTD,10.00,USD,ann@x.example,MKT",
            "2026-02-05,PAYPAL *" + vendor.toUpperCase() + ",12.50,USD,bob@x.example,MKT",
            "2026-02-06,,1.00,USD,bob@x.example,MKT");
    long findingsBefore = count("tandem_discovery_finding");

    ImportSummary first = imports.importFile(DiscoverySource.EXPENSE, "e.csv", file, "itops");
    ImportSummary second = imports.importFile(DiscoverySource.EXPENSE, "e.csv", file, "itops");

    assertThat(first.linesRead()).isEqualTo(4);
    assertThat(first.matchedOwnedTools()).isEqualTo(1);
    assertThat(first.newFindings()).isEqualTo(1);
    assertThat(first.refused()).extracting(Refusal::line).containsExactly(5);
    assertThat(second.alreadyImported()).isTrue();
    assertThat(second.refused()).isEqualTo(first.refused());
    assertThat(count("tandem_discovery_finding") - findingsBefore).isEqualTo(1);
    FindingService.ListedFinding finding =
        findings.list(FindingStatus.DISCOVERED).stream()
            .filter(f -> f.vendor().equalsIgnoreCase(vendor))
            .findFirst()
            .orElseThrow();
    assertThat(finding.sightings()).isEqualTo(2);
    assertThat(finding.spendSeen()).containsExactly(new Spend("USD", new BigDecimal("22.50")));
    long tool =
        inventory.tools(java.util.Optional.empty()).stream()
            .filter(t -> t.name().equals("Hubspot Hub"))
            .findFirst()
            .orElseThrow()
            .id();
    assertThat(findings.usageOf(tool))
        .anySatisfy(
            u -> {
              assertThat(u.fiscalYear()).isEqualTo(2026);
              assertThat(u.usersSeen()).isGreaterThanOrEqualTo(1);
            });
  }

  @Test
  void shouldWriteOnlyTheMissingLinesWhenACrashedImportIsRepeated() {
    String[] lines = new String[2500];
    for (int i = 0; i < lines.length; i++) {
      lines[i] = "2026-03-01," + vendor + " " + (i % 3) + ",1.00,USD,p" + i + "@x.example,X";
    }
    byte[] file = expenses(lines);
    long before = count("tandem_discovery_sighting");
    assertThatThrownBy(
            () -> imports.importFile(DiscoverySource.EXPENSE, "c.csv", file, "itops", 1500))
        .hasMessageContaining("Simulated crash");
    assertThat(count("tandem_discovery_sighting") - before).isEqualTo(1500);

    ImportSummary rerun = imports.importFile(DiscoverySource.EXPENSE, "c.csv", file, "itops");

    assertThat(rerun.linesRead()).isEqualTo(2500);
    assertThat(rerun.newFindings())
        .isEqualTo(1); // "Qxv… 0", "… 1", "… 2": one vendor by its first word
    assertThat(count("tandem_discovery_sighting") - before).isEqualTo(2500);
  }
}
