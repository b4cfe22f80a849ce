package com.tandem.budget;

import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ServiceTestConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * The budget scenarios on the MySQL-protocol server, in a scratch database dropped afterwards; the
 * race above all.
 */
@RequiresMySql
@SpringJUnitConfig(BudgetServiceMySqlTest.Config.class)
@DirtiesContext
class BudgetServiceMySqlTest extends BudgetServiceContract {

  @TestConfiguration(proxyBeanMethods = false)
  @Import({ServiceTestConfig.class, JdbcBudgetService.class})
  static class Config {
    @Bean(destroyMethod = "close")
    MigratedDatabase database() {
      return MigratedDatabase.mysql();
    }

    @Bean
    BudgetProperties budgetProperties() {
      return new BudgetProperties("USD", 1);
    }
  }
}
