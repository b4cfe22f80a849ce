package com.tandem.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A realistic catalog of well-known martech tools (PRODUCT.md §3), so that the inventory check of a
 * demo request finds real overlaps. No tool covers {@code event-management}: a request for an event
 * platform shows the path without overlap. Idempotent: only tools missing by name and vendor are
 * added. The taxonomy itself is reference data from Liquibase, not part of the demo.
 *
 * <p>Does nothing when a company's own inventory is plugged in: its CMDB has its own data.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo-data.enabled", havingValue = "true")
public class InventoryDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryDemoData.class);

  /**
   * A catalog entry; the renewal date is this many months and three weeks after the first load (see
   * {@link #renewalDate}).
   */
  record CatalogTool(
      String name,
      String vendor,
      List<String> capabilities,
      String owner,
      ToolStatus status,
      String annualCost,
      int renewalInMonths,
      String sso,
      String personalData) {}

  static final List<CatalogTool> CATALOG =
      List.of(
          new CatalogTool(
              "HubSpot Marketing Hub",
              "HubSpot, Inc.",
              List.of("email-marketing", "marketing-automation", "crm"),
              "Marketing Operations",
              ToolStatus.ACTIVE,
              "43200.00",
              5,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Salesforce Marketing Cloud",
              "Salesforce, Inc.",
              List.of("email-marketing", "marketing-automation", "personalization"),
              "Marketing Operations",
              ToolStatus.ACTIVE,
              "96000.00",
              9,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Mailchimp",
              "Intuit Inc.",
              List.of("email-marketing"),
              "Growth Marketing",
              ToolStatus.RETIRED,
              "4800.00",
              2,
              "NONE",
              "PERSONAL"),
          new CatalogTool(
              "Marketo Engage",
              "Adobe Inc.",
              List.of("marketing-automation", "email-marketing"),
              "Marketing Operations",
              ToolStatus.RETIRED,
              "54000.00",
              1,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Google Analytics 4",
              "Google LLC",
              List.of("web-analytics", "attribution"),
              "Digital Analytics",
              ToolStatus.ACTIVE,
              "0.00",
              12,
              "OIDC",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Adobe Analytics",
              "Adobe Inc.",
              List.of("web-analytics", "attribution"),
              "Digital Analytics",
              ToolStatus.ACTIVE,
              "120000.00",
              7,
              "SAML",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Segment",
              "Twilio Inc.",
              List.of("customer-data-platform"),
              "Data Platform",
              ToolStatus.ACTIVE,
              "60000.00",
              4,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Hootsuite",
              "Hootsuite Inc.",
              List.of("social-media-management"),
              "Social Media",
              ToolStatus.ACTIVE,
              "9000.00",
              3,
              "SAML",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Sprout Social",
              "Sprout Social, Inc.",
              List.of("social-media-management"),
              "Social Media",
              ToolStatus.ACTIVE,
              "14400.00",
              8,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Semrush",
              "Semrush Inc.",
              List.of("seo"),
              "Content & SEO",
              ToolStatus.ACTIVE,
              "5400.00",
              6,
              "NONE",
              "NONE"),
          new CatalogTool(
              "Ahrefs",
              "Ahrefs Pte. Ltd.",
              List.of("seo"),
              "Content & SEO",
              ToolStatus.ACTIVE,
              "4800.00",
              10,
              "NONE",
              "NONE"),
          new CatalogTool(
              "WordPress VIP",
              "Automattic Inc.",
              List.of("content-management"),
              "Web Team",
              ToolStatus.ACTIVE,
              "60000.00",
              11,
              "SAML",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Contentful",
              "Contentful GmbH",
              List.of("content-management"),
              "Web Team",
              ToolStatus.ACTIVE,
              "48000.00",
              5,
              "SAML",
              "NONE"),
          new CatalogTool(
              "Optimizely Web Experimentation",
              "Optimizely, Inc.",
              List.of("ab-testing", "personalization"),
              "Growth Marketing",
              ToolStatus.ACTIVE,
              "36000.00",
              7,
              "SAML",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "VWO",
              "Wingify Software Pvt. Ltd.",
              List.of("ab-testing"),
              "Growth Marketing",
              ToolStatus.ACTIVE,
              "12000.00",
              2,
              "NONE",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "SurveyMonkey",
              "SurveyMonkey Inc.",
              List.of("survey"),
              "Customer Insights",
              ToolStatus.ACTIVE,
              "6000.00",
              9,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Typeform",
              "Typeform S.L.",
              List.of("survey"),
              "Customer Insights",
              ToolStatus.ACTIVE,
              "3600.00",
              4,
              "NONE",
              "PERSONAL"),
          new CatalogTool(
              "Bynder",
              "Bynder B.V.",
              List.of("digital-asset-management"),
              "Brand & Creative",
              ToolStatus.ACTIVE,
              "30000.00",
              6,
              "SAML",
              "NONE"),
          new CatalogTool(
              "Salesforce Sales Cloud",
              "Salesforce, Inc.",
              List.of("crm"),
              "Sales Operations",
              ToolStatus.ACTIVE,
              "180000.00",
              9,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Google Ads",
              "Google LLC",
              List.of("ad-management"),
              "Performance Marketing",
              ToolStatus.ACTIVE,
              "0.00",
              12,
              "OIDC",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "LinkedIn Campaign Manager",
              "LinkedIn Corporation",
              List.of("ad-management"),
              "Performance Marketing",
              ToolStatus.ACTIVE,
              "0.00",
              12,
              "NONE",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Dreamdata",
              "Dreamdata ApS",
              List.of("attribution"),
              "Marketing Operations",
              ToolStatus.ACTIVE,
              "18000.00",
              3,
              "OIDC",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Intercom",
              "Intercom, Inc.",
              List.of("chat"),
              "Customer Success",
              ToolStatus.ACTIVE,
              "24000.00",
              8,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Drift",
              "Salesloft, Inc.",
              List.of("chat"),
              "Growth Marketing",
              ToolStatus.ACTIVE,
              "30000.00",
              5,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Dynamic Yield",
              "Mastercard Incorporated",
              List.of("personalization", "ab-testing"),
              "Digital Experience",
              ToolStatus.ACTIVE,
              "72000.00",
              10,
              "SAML",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Wistia",
              "Wistia, Inc.",
              List.of("video-hosting"),
              "Brand & Creative",
              ToolStatus.ACTIVE,
              "9600.00",
              4,
              "NONE",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Vimeo Enterprise",
              "Vimeo.com, Inc.",
              List.of("video-hosting"),
              "Brand & Creative",
              ToolStatus.ACTIVE,
              "2400.00",
              11,
              "OIDC",
              "NONE"),
          new CatalogTool(
              "Grin",
              "Grin Technologies Inc.",
              List.of("influencer-marketing"),
              "Social Media",
              ToolStatus.ACTIVE,
              "25000.00",
              6,
              "NONE",
              "PERSONAL"),
          new CatalogTool(
              "Canva Teams",
              "Canva Pty Ltd",
              List.of("digital-asset-management"),
              "Brand & Creative",
              ToolStatus.ACTIVE,
              "3000.00",
              1,
              "SAML",
              "NONE"),
          new CatalogTool(
              "Hotjar",
              "Hotjar Ltd",
              List.of("web-analytics", "survey"),
              "Digital Analytics",
              ToolStatus.ACTIVE,
              "3800.00",
              3,
              "SAML",
              "PSEUDONYMOUS"),
          new CatalogTool(
              "Braze",
              "Braze, Inc.",
              List.of("email-marketing", "marketing-automation", "personalization"),
              "CRM Marketing",
              ToolStatus.ACTIVE,
              "85000.00",
              8,
              "SAML",
              "PERSONAL"),
          new CatalogTool(
              "Klaviyo",
              "Klaviyo, Inc.",
              List.of("email-marketing", "marketing-automation"),
              "E-commerce Marketing",
              ToolStatus.ACTIVE,
              "20000.00",
              2,
              "NONE",
              "PERSONAL"));

  private final ObjectProvider<JdbcInventoryService> inventory;
  private final Clock clock;

  @Autowired
  public InventoryDemoData(ObjectProvider<JdbcInventoryService> inventory) {
    this(inventory, Clock.systemDefaultZone());
  }

  InventoryDemoData(ObjectProvider<JdbcInventoryService> inventory, Clock clock) {
    this.inventory = inventory;
    this.clock = clock;
  }

  /** Runs once the process application is deployed, after the steps of lower order. */
  @EventListener
  @Order(20)
  public void onDeployed(PostDeployEvent deployed) {
    apply();
  }

  /**
   * A realistic contract for a catalog tool: a one-year term ending on its renewal date, renewing
   * by itself. Tools renewing within three months have a 30-day notice period (monthly-cancellable
   * SaaS), the others the usual 90 days; seats in proportion to the cost (about 1 200 a seat a
   * year, at least 3). With the renewal dates of {@link #renewalDate}, right after the first start
   * the tools renewing in 1, 2 and 4 months are in their renewal window with their notice date 3 to
   * 8 weeks ahead (21, about 50 and about 52 days), and no tool's notice date has passed.
   */
  static ToolContract demoContract(NewTool entry, CatalogTool tool) {
    LocalDate end = entry.renewalDate();
    int seats = Math.max(3, entry.annualCost().intValue() / 1200);
    return new ToolContract(
        end.minusYears(1),
        end,
        tool.renewalInMonths() <= 3 ? 30 : ToolContract.DEFAULT_NOTICE_PERIOD_DAYS,
        true,
        entry.annualCost(),
        seats);
  }

  /**
   * The renewal date of a catalog tool loaded {@code today}: {@code renewalInMonths} months and
   * three weeks on, so that even the one-month tools (30-day notice) have three weeks until their
   * notice date.
   */
  static LocalDate renewalDate(LocalDate today, CatalogTool tool) {
    return today.plusMonths(tool.renewalInMonths()).plusWeeks(3);
  }

  /** Creates what is missing; idempotent. */
  public void apply() {
    JdbcInventoryService jdbcInventory = inventory.getIfAvailable();
    if (jdbcInventory == null) {
      LOG.info("Inventory demo data skipped: tandem.inventory.provider is not jdbc");
      return;
    }
    LocalDate today = LocalDate.now(clock);
    int added = 0;
    for (CatalogTool tool : CATALOG) {
      NewTool entry =
          new NewTool(
              tool.name(),
              tool.vendor(),
              tool.capabilities(),
              tool.owner(),
              new BigDecimal(tool.annualCost()),
              "USD",
              renewalDate(today, tool),
              tool.sso(),
              tool.personalData());
      if (jdbcInventory.addOwnedTool(entry, tool.status())) {
        added++;
        jdbcInventory
            .ownedToolId(tool.name(), tool.vendor())
            .ifPresent(id -> jdbcInventory.setContract(id, demoContract(entry, tool)));
      }
    }
    LOG.info("Inventory demo data: {} of {} catalog tools added", added, CATALOG.size());
  }
}
