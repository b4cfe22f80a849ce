package com.tandem.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inventory implementation is chosen by tandem.inventory.provider (docs/plug-in-services.md).
 */
class InventoryProviderTest {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(JdbcClient.class, () -> JdbcClient.create(mock(DataSource.class)))
          .withUserConfiguration(JdbcInventoryService.class);

  @Test
  void shouldUseTheJdbcInventoryByDefaultAndWhenNamed() {
    context.run(
        ctx ->
            assertThat(ctx)
                .getBean(InventoryService.class)
                .isInstanceOf(JdbcInventoryService.class));
    context
        .withPropertyValues("tandem.inventory.provider=jdbc")
        .run(
            ctx ->
                assertThat(ctx)
                    .getBean(InventoryService.class)
                    .isInstanceOf(JdbcInventoryService.class));
  }

  @Test
  void shouldLeaveTheInventoryToACompanysOwnBean() {
    InventoryService cmdb = mock(InventoryService.class);

    context
        .withPropertyValues("tandem.inventory.provider=cmdb")
        .withBean(InventoryService.class, () -> cmdb)
        .run(
            ctx -> {
              assertThat(ctx).doesNotHaveBean(JdbcInventoryService.class);
              assertThat(ctx.getBean(InventoryService.class)).isSameAs(cmdb);
            });
  }
}
