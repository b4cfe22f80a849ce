package com.tandem.discovery;

import com.tandem.testsupport.MigratedDatabase;
import com.tandem.testsupport.RequiresMySql;
import com.tandem.testsupport.ServiceTestConfig;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** The import scenarios on the MySQL-protocol server, in a scratch database dropped afterwards. */
@RequiresMySql
@SpringJUnitConfig(DiscoveryImportsMySqlTest.Config.class)
@DirtiesContext
class DiscoveryImportsMySqlTest extends DiscoveryImportsContract {

  @TestConfiguration(proxyBeanMethods = false)
  @Import({ServiceTestConfig.class, ImportBeans.class})
  static class Config {
    @Bean(destroyMethod = "close")
    MigratedDatabase database() {
      return MigratedDatabase.mysql();
    }
  }
}
