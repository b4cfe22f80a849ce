package com.tandem.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo contracts right after the first start: some renewals are due (notice date within the
 * renewal scan's 60-day window), and none has its notice date behind it (it would be "renewed
 * without review" at once). Checked on days that stress month arithmetic.
 */
class InventoryDemoDataTest {

  @ParameterizedTest
  @ValueSource(strings = {"2026-01-31", "2026-02-28", "2026-03-01", "2026-06-15", "2026-11-25"})
  void shouldSeedSomeRenewalsDueAndNoneWithItsNoticeDatePassed(String day) {
    LocalDate today = LocalDate.parse(day);
    List<LocalDate> noticeDates =
        InventoryDemoData.CATALOG.stream()
            .filter(tool -> tool.status() == ToolStatus.ACTIVE)
            .map(tool -> InventoryDemoData.demoContract(entry(today, tool), tool).noticeDate())
            .toList();

    assertThat(noticeDates).allSatisfy(notice -> assertThat(notice).isAfter(today.plusDays(14)));
    assertThat(noticeDates.stream().filter(notice -> !notice.isAfter(today.plusDays(60))))
        .as("tools in their renewal window right after start")
        .hasSizeGreaterThanOrEqualTo(3);
  }

  static NewTool entry(LocalDate today, InventoryDemoData.CatalogTool tool) {
    return new NewTool(
        tool.name(),
        tool.vendor(),
        tool.capabilities(),
        tool.owner(),
        new BigDecimal(tool.annualCost()),
        "USD",
        InventoryDemoData.renewalDate(today, tool),
        tool.sso(),
        tool.personalData());
  }
}
