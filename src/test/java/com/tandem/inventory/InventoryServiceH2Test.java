package com.tandem.inventory;

import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.ServiceTestConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The inventory scenarios on H2, Tandem's default database. */
@SpringJUnitConfig(InventoryServiceH2Test.Config.class)
class InventoryServiceH2Test extends InventoryServiceContract {

  @TestConfiguration(proxyBeanMethods = false)
  @Import({ServiceTestConfig.class, JdbcInventoryService.class})
  static class Config {
    @Bean(destroyMethod = "close")
    MigratedDatabase database() {
      return MigratedDatabase.h2();
    }
  }
}
