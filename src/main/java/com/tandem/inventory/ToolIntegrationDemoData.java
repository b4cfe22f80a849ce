package com.tandem.inventory;

import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The integrations of the demo catalog's tools where a real company would have them (the CRM syncs
 * with the marketing automation, the CDP feeds the e-mail tool, ...), so that offboarding one of
 * them shows its checklist of connections to cut. Runs after {@link InventoryDemoData}; idempotent.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo-data.enabled", havingValue = "true")
public class ToolIntegrationDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(ToolIntegrationDemoData.class);

  /** Tool (name, vendor) → the systems it is connected to. */
  record Connected(String name, String vendor, List<String> integrations) {}

  static final List<Connected> INTEGRATIONS =
      List.of(
          new Connected(
              "HubSpot Marketing Hub",
              "HubSpot, Inc.",
              List.of("Salesforce Sales Cloud", "Google Ads", "LinkedIn Campaign Manager")),
          new Connected(
              "Salesforce Marketing Cloud",
              "Salesforce, Inc.",
              List.of("Salesforce Sales Cloud", "Segment")),
          new Connected(
              "Segment",
              "Twilio Inc.",
              List.of("Google Analytics 4", "Braze", "Klaviyo", "Salesforce Sales Cloud")),
          new Connected(
              "Hootsuite",
              "Hootsuite Inc.",
              List.of("Bynder", "Canva Teams", "LinkedIn Campaign Manager")),
          new Connected(
              "Sprout Social", "Sprout Social, Inc.", List.of("Salesforce Sales Cloud", "Bynder")),
          new Connected("Intercom", "Intercom, Inc.", List.of("Salesforce Sales Cloud", "Segment")),
          new Connected("Drift", "Salesloft, Inc.", List.of("Salesforce Sales Cloud")),
          new Connected("Typeform", "Typeform S.L.", List.of("HubSpot Marketing Hub")),
          new Connected("SurveyMonkey", "SurveyMonkey Inc.", List.of("Salesforce Sales Cloud")),
          new Connected("Klaviyo", "Klaviyo, Inc.", List.of("Segment")),
          new Connected("Braze", "Braze, Inc.", List.of("Segment")),
          new Connected("Hotjar", "Hotjar Ltd", List.of("Google Analytics 4")),
          new Connected(
              "Dreamdata", "Dreamdata ApS", List.of("Salesforce Sales Cloud", "Google Ads")));

  private final ObjectProvider<JdbcInventoryService> inventory;

  public ToolIntegrationDemoData(ObjectProvider<JdbcInventoryService> inventory) {
    this.inventory = inventory;
  }

  @EventListener
  @Order(21)
  public void onDeployed(PostDeployEvent deployed) {
    apply();
  }

  /** Records what is missing; idempotent. */
  public void apply() {
    JdbcInventoryService jdbcInventory = inventory.getIfAvailable();
    if (jdbcInventory == null) {
      return;
    }
    int tools = 0;
    for (Connected tool : INTEGRATIONS) {
      var id = jdbcInventory.ownedToolId(tool.name(), tool.vendor());
      if (id.isPresent()) {
        jdbcInventory.addIntegrations(id.get(), tool.integrations());
        tools++;
      }
    }
    LOG.info("Integration demo data: integrations recorded for {} tools", tools);
  }
}
