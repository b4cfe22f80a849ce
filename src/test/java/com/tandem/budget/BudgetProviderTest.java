package com.tandem.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.LocalDate;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The budget implementation is chosen by tandem.budget.provider (docs/plug-in-services.md). */
class BudgetProviderTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(BudgetProperties.class)
  static class Properties {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withBean(JdbcClient.class, () -> JdbcClient.create(mock(DataSource.class)))
          .withUserConfiguration(Properties.class, JdbcBudgetService.class);

  @Test
  void shouldUseTheJdbcBudgetByDefaultWithTheConfiguredCalendar() {
    context
        .withPropertyValues(
            "tandem.budget.fiscal-year-start-month=10", "tandem.budget.currency=EUR")
        .run(
            ctx -> {
              assertThat(ctx).getBean(BudgetService.class).isInstanceOf(JdbcBudgetService.class);
              assertThat(ctx.getBean(BudgetProperties.class))
                  .isEqualTo(new BudgetProperties("EUR", 10));
              assertThat(ctx.getBean(BudgetService.class).fiscalYearOf(LocalDate.of(2025, 10, 1)))
                  .isEqualTo(2026);
            });
    context.run(
        ctx ->
            assertThat(ctx.getBean(BudgetProperties.class))
                .isEqualTo(new BudgetProperties("USD", 1)));
  }

  @Test
  void shouldLeaveTheBudgetToACompanysOwnBean() {
    BudgetService finance = mock(BudgetService.class);

    context
        .withPropertyValues("tandem.budget.provider=sap")
        .withBean(BudgetService.class, () -> finance)
        .run(
            ctx -> {
              assertThat(ctx).doesNotHaveBean(JdbcBudgetService.class);
              assertThat(ctx.getBean(BudgetService.class)).isSameAs(finance);
            });
  }
}
