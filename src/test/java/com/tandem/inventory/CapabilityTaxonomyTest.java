package com.tandem.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.testsupport.MigratedDatabase;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The capability taxonomy is read once a minute per node, not on every request: a capability added
 * to {@code tandem_capability} (a later changeset, or an administrator by hand) is accepted and
 * named within {@link JdbcInventoryService#TAXONOMY_TTL}.
 */
class CapabilityTaxonomyTest {

  private final MigratedDatabase database = MigratedDatabase.h2();
  private final JdbcClient jdbc = JdbcClient.create(database.dataSource());
  private final AtomicLong nanos = new AtomicLong(1_000);
  private final JdbcInventoryService inventory = new JdbcInventoryService(jdbc, nanos::get);

  @AfterEach
  void close() throws Exception {
    database.close();
  }

  @Test
  void aCapabilityAddedToTheTableIsKnownWithinAMinute() {
    int seeded = inventory.capabilities().size();
    assertThat(inventory.isKnownCapability("email-marketing")).isTrue();
    assertThat(inventory.isKnownCapability("podcast-hosting")).isFalse();

    jdbc.sql("INSERT INTO tandem_capability (code, name) VALUES ('podcast-hosting', 'Podcasts')")
        .update();
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
    // the taxonomy as read: every request's validation and summaries use it without a query
    assertThat(inventory.isKnownCapability("podcast-hosting")).isFalse();
    assertThat(inventory.capabilities()).hasSize(seeded);

    nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(inventory.isKnownCapability("podcast-hosting")).isTrue();
    assertThat(inventory.capabilities())
        .hasSize(seeded + 1)
        .contains(new Capability("podcast-hosting", "Podcasts"));
    assertThat(inventory.capabilityNames().apply(java.util.List.of("podcast-hosting")))
        .isEqualTo("Podcasts");
  }

  @Test
  void nullIsNoCapability() {
    assertThat(inventory.isKnownCapability(null)).isFalse();
  }
}
