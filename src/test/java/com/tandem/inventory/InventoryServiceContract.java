package com.tandem.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What users notice of the inventory, run on each database by a subclass: overlaps found (or not),
 * procurement entries registered once, discarded or activated.
 */
abstract class InventoryServiceContract {

  @Autowired JdbcInventoryService inventory;
  @Autowired JdbcClient jdbc;
  @Autowired ObjectProvider<JdbcInventoryService> inventoryProvider;

  @BeforeEach
  void emptyInventory() {
    jdbc.sql("DELETE FROM tandem_tool_capability").update();
    jdbc.sql("DELETE FROM tandem_tool").update();
  }

  @Test
  void shouldOfferTheWholeTaxonomyOrderedByName() {
    List<Capability> capabilities = inventory.capabilities();

    assertThat(capabilities)
        .extracting(Capability::code)
        .containsExactlyInAnyOrder(
            "email-marketing",
            "marketing-automation",
            "web-analytics",
            "customer-data-platform",
            "social-media-management",
            "seo",
            "content-management",
            "ab-testing",
            "survey",
            "event-management",
            "digital-asset-management",
            "crm",
            "ad-management",
            "attribution",
            "chat",
            "personalization",
            "video-hosting",
            "influencer-marketing");
    assertThat(capabilities).extracting(Capability::name).isSorted().doesNotContainNull();
    assertThat(inventory.isKnownCapability("event-management")).isTrue();
    assertThat(inventory.isKnownCapability("time-travel")).isFalse();
  }

  @Test
  void shouldReportActiveToolsCoveringRequestedCapabilities() {
    owned(
        "HubSpot Marketing Hub",
        "HubSpot, Inc.",
        ToolStatus.ACTIVE,
        "email-marketing",
        "marketing-automation",
        "crm");
    owned("Klaviyo", "Klaviyo, Inc.", ToolStatus.ACTIVE, "email-marketing");
    owned("Hotjar", "Hotjar Ltd", ToolStatus.ACTIVE, "web-analytics");

    List<Overlap> overlaps =
        inventory.findOverlaps("Brevo", List.of("marketing-automation", "email-marketing"));

    assertThat(overlaps)
        .extracting(Overlap::toolName, Overlap::reason, Overlap::capabilities)
        .containsExactly(
            tuple(
                "HubSpot Marketing Hub",
                OverlapReason.CAPABILITY,
                List.of("email-marketing", "marketing-automation")),
            tuple("Klaviyo", OverlapReason.CAPABILITY, List.of("email-marketing")));
  }

  @Test
  void shouldReportToolsOfTheSameVendorWrittenDifferently() {
    long crm = owned("HubSpot Sales Hub", "HubSpot, Inc.", ToolStatus.ACTIVE, "crm");
    owned("Wistia", "Wistia, Inc.", ToolStatus.ACTIVE, "video-hosting");

    List<Overlap> overlaps = inventory.findOverlaps("Hubspot", List.of("seo"));

    assertThat(overlaps)
        .containsExactly(
            new Overlap(
                crm, "HubSpot Sales Hub", "HubSpot, Inc.", OverlapReason.VENDOR, List.of()));
    assertThat(inventory.findOverlaps("HUBSPOT inc", List.of())).hasSize(1);
    assertThat(inventory.findOverlaps("Hubspott", null))
        .extracting(Overlap::toolId)
        .containsExactly(crm);
    assertThat(inventory.findOverlaps("Hub", List.of("seo"))).isEmpty();
  }

  @Test
  void shouldReportAToolFoundBothWaysOnceAsCapability() {
    owned("HubSpot Marketing Hub", "HubSpot, Inc.", ToolStatus.ACTIVE, "email-marketing", "crm");

    List<Overlap> overlaps = inventory.findOverlaps("Hubspot", List.of("crm"));

    assertThat(overlaps)
        .singleElement()
        .satisfies(
            overlap -> {
              assertThat(overlap.reason()).isEqualTo(OverlapReason.CAPABILITY);
              assertThat(overlap.capabilities()).containsExactly("crm");
            });
  }

  @Test
  void shouldFindNoOverlapForEventManagementInTheDemoCatalog() {
    InventoryDemoData demo =
        new InventoryDemoData(
            inventoryProvider, Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneOffset.UTC));
    demo.apply();
    demo.apply();

    assertThat(inventory.tools(Optional.empty()))
        .hasSize(InventoryDemoData.CATALOG.size())
        .hasSizeGreaterThanOrEqualTo(30);
    assertThat(inventory.tools(Optional.of("event-management"))).isEmpty();
    assertThat(inventory.findOverlaps("Cvent, Inc.", List.of("event-management"))).isEmpty();
    assertThat(inventory.findOverlaps("Mailchimp", List.of("email-marketing")))
        .extracting(Overlap::toolName)
        .contains("HubSpot Marketing Hub", "Braze")
        .doesNotContain("Mailchimp");
  }

  @Test
  void shouldNotReportRetiredOrProcuredTools() {
    owned("Mailchimp", "Intuit Inc.", ToolStatus.RETIRED, "email-marketing");
    inventory.registerProcurement(
        "PR-2025-0001", newTool("Klaviyo", "Klaviyo, Inc.", "email-marketing"));

    assertThat(inventory.findOverlaps("Intuit", List.of("email-marketing"))).isEmpty();
    assertThat(inventory.findOverlaps("Klaviyo", List.of("email-marketing"))).isEmpty();
  }

  @Test
  void shouldRegisterAProcurementOncePerRequest() {
    NewTool tool = newTool("Cvent Event Management", "Cvent, Inc.", "event-management");

    Tool first = inventory.registerProcurement("PR-2025-0002", tool);
    Tool second = inventory.registerProcurement("PR-2025-0002", tool);

    assertThat(second).isEqualTo(first);
    assertThat(first.status()).isEqualTo(ToolStatus.PROCUREMENT);
    assertThat(first.capabilities()).containsExactly("event-management");
    assertThat(first.annualCost()).isEqualTo(new BigDecimal("18000.00"));
    assertThat(first.requestId()).isEqualTo("PR-2025-0002");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM tandem_tool WHERE request_id = 'PR-2025-0002'")
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(inventory.toolOfRequest("PR-2025-0002")).contains(first);
  }

  @Test
  void shouldRegisterAToolFoundInUseOnceAsActiveAndReportItAsOverlap() {
    NewTool tool = newTool("Hopin", "Hopin Ltd", "event-management");

    Tool first = inventory.registerInUse("SIT-2026-00003", tool);
    Tool second = inventory.registerInUse("SIT-2026-00003", tool);
    inventory.discardProcurement("SIT-2026-00003");

    assertThat(second).isEqualTo(first);
    assertThat(first.status()).isEqualTo(ToolStatus.ACTIVE);
    assertThat(first.requestId()).isEqualTo("SIT-2026-00003");
    assertThat(inventory.toolOfRequest("SIT-2026-00003")).contains(first);
    assertThat(inventory.findOverlaps("Hopin", List.of()))
        .extracting(Overlap::toolName)
        .containsExactly("Hopin");
  }

  @Test
  void shouldRefuseCapabilitiesOutsideTheTaxonomy() {
    assertThatThrownBy(
            () ->
                inventory.registerProcurement(
                    "PR-2025-0003", newTool("X", "X Corp", "time-travel")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("time-travel");
    assertThat(inventory.toolOfRequest("PR-2025-0003")).isEmpty();
  }

  @Test
  void shouldDiscardAProcurementEntryWithItsCapabilities() {
    inventory.registerProcurement(
        "PR-2025-0004", newTool("Cvent", "Cvent, Inc.", "event-management"));

    inventory.discardProcurement("PR-2025-0004");
    inventory.discardProcurement("PR-2025-0004");

    assertThat(inventory.toolOfRequest("PR-2025-0004")).isEmpty();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM tandem_tool_capability").query(Integer.class).single())
        .isZero();
  }

  @Test
  void shouldActivateAProcurementEntryWhichThenOverlaps() {
    inventory.registerProcurement(
        "PR-2025-0005", newTool("Cvent", "Cvent, Inc.", "event-management"));

    inventory.activate("PR-2025-0005");
    inventory.activate("PR-2025-0005");
    inventory.discardProcurement("PR-2025-0005");

    assertThat(inventory.toolOfRequest("PR-2025-0005"))
        .get()
        .extracting(Tool::status)
        .isEqualTo(ToolStatus.ACTIVE);
    assertThat(inventory.findOverlaps("Cvent", List.of("event-management")))
        .extracting(Overlap::toolName, Overlap::reason)
        .containsExactly(tuple("Cvent", OverlapReason.CAPABILITY));
    assertThatThrownBy(() -> inventory.activate("PR-2025-9999"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldListToolsOfOneCapability() {
    owned("Semrush", "Semrush Inc.", ToolStatus.ACTIVE, "seo");
    owned("Ahrefs", "Ahrefs Pte. Ltd.", ToolStatus.RETIRED, "seo");
    owned("Canva Teams", "Canva Pty Ltd", ToolStatus.ACTIVE, "digital-asset-management");

    assertThat(inventory.tools(Optional.of("seo")))
        .extracting(Tool::name)
        .containsExactly("Ahrefs", "Semrush");
    assertThat(inventory.tools(Optional.empty())).hasSize(3);
  }

  @Test
  void shouldRetireAnActiveToolOnceKeepingItInTheInventory() {
    long hootsuite =
        owned("Hootsuite", "Hootsuite Inc.", ToolStatus.ACTIVE, "social-media-management");
    long queued = owned("Queued", "Queued Ltd", ToolStatus.PROCUREMENT, "social-media-management");

    inventory.retire(hootsuite);
    inventory.retire(hootsuite);

    assertThat(inventory.tool(hootsuite))
        .get()
        .extracting(Tool::status)
        .isEqualTo(ToolStatus.RETIRED);
    assertThat(inventory.tool(hootsuite).get().capabilities())
        .containsExactly("social-media-management");
    assertThat(inventory.findOverlaps("Hootsuite", List.of("social-media-management"))).isEmpty();
    assertThatThrownBy(() -> inventory.retire(queued)).hasMessageContaining("PROCUREMENT");
    assertThatThrownBy(() -> inventory.retire(999_999L)).hasMessageContaining("no tool 999999");
    assertThat(inventory.tool(999_999L)).isEmpty();
  }

  @Test
  void shouldRecordTheIntegrationsOfAToolOnce() {
    long hootsuite =
        owned("Hootsuite", "Hootsuite Inc.", ToolStatus.ACTIVE, "social-media-management");
    assertThat(inventory.integrations(hootsuite)).isEmpty();

    inventory.addIntegrations(hootsuite, List.of("Canva Teams", "Bynder"));
    inventory.addIntegrations(hootsuite, List.of("Bynder"));

    assertThat(inventory.integrations(hootsuite)).containsExactly("Bynder", "Canva Teams");
  }

  private long owned(String name, String vendor, ToolStatus status, String... capabilities) {
    assertThat(inventory.addOwnedTool(newTool(name, vendor, capabilities), status)).isTrue();
    return inventory.tools(Optional.empty()).stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private static NewTool newTool(String name, String vendor, String... capabilities) {
    return new NewTool(
        name,
        vendor,
        List.of(capabilities),
        "Marketing Operations",
        new BigDecimal("18000"),
        "USD",
        LocalDate.of(2026, 3, 1),
        "SAML",
        "PERSONAL");
  }
}
