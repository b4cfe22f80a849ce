package com.tandem.testsupport;

import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The few beans a JDBC service needs, without the application around it: the DataSource of a {@link
 * MigratedDatabase} (which a test configuration declares), transactions and a JdbcClient.
 * {@code @Transactional} works as in the application, so locks are held for the same span.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true) // class proxies, as Spring Boot makes them
public class ServiceTestConfig {

  @Bean
  DataSource dataSource(MigratedDatabase database) {
    return database.dataSource();
  }

  @Bean
  PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  @Bean
  JdbcClient jdbcClient(DataSource dataSource) {
    return JdbcClient.create(dataSource);
  }
}
