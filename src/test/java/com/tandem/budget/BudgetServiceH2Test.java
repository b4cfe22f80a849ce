package com.tandem.budget;

import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.ServiceTestConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The budget scenarios on H2, Tandem's default database. */
@SpringJUnitConfig(BudgetServiceH2Test.Config.class)
class BudgetServiceH2Test extends BudgetServiceContract {

  @TestConfiguration(proxyBeanMethods = false)
  @Import({ServiceTestConfig.class, JdbcBudgetService.class})
  static class Config {
    @Bean(destroyMethod = "close")
    MigratedDatabase database() {
      return MigratedDatabase.h2();
    }

    @Bean
    BudgetProperties budgetProperties() {
      return new BudgetProperties("USD", 1);
    }
  }
}
