package com.tandem.discovery;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports the sample exports of docs/samples (on the classpath under {@code samples/}) after the
 * demo inventory (order 20) and budgets (30): usage of owned tools and a handful of findings to
 * review. Idempotent through the file hash: a restart imports nothing again.
 */
@Component
@ConditionalOnProperty(name = "tandem.demo-data.enabled", havingValue = "true")
public class DiscoveryDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DiscoveryDemoData.class);

  /** The samples and their sources, in the order they are imported. */
  static final List<Sample> SAMPLES =
      List.of(
          new Sample("okta-app-usage.csv", DiscoverySource.SSO),
          new Sample("entra-signins.csv", DiscoverySource.SSO),
          new Sample("google-workspace-apps.csv", DiscoverySource.SSO),
          new Sample("expenses.csv", DiscoverySource.EXPENSE));

  record Sample(String file, DiscoverySource source) {}

  private final DiscoveryImports imports;

  public DiscoveryDemoData(DiscoveryImports imports) {
    this.imports = imports;
  }

  @EventListener
  @Order(40)
  public void onDeployed(PostDeployEvent deployed) {
    for (Sample sample : SAMPLES) {
      try (InputStream in = new ClassPathResource("samples/" + sample.file()).getInputStream()) {
        ImportSummary summary =
            imports.importFile(sample.source(), sample.file(), in.readAllBytes(), "demo-data");
        LOG.info(
            "Discovery demo data {}: {} lines, {} owned-tool sightings, {} new findings, {}"
                + " refused{}",
            sample.file(),
            summary.linesRead(),
            summary.matchedOwnedTools(),
            summary.newFindings(),
            summary.refused().size(),
            summary.alreadyImported() ? " (imported before)" : "");
      } catch (IOException | RuntimeException e) {
        LOG.warn("Discovery demo data {} not imported: {}", sample.file(), e.getMessage());
      }
    }
  }
}
