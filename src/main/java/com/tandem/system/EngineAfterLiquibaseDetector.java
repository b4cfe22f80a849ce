package com.tandem.system;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the process engine wait for Liquibase. The engine runs with schema-update off and checks
 * the schema version at start, so the tables must exist before it is built; Spring Boot orders
 * beans after database initialization only for the types a detector like this one names.
 */
public class EngineAfterLiquibaseDetector
    extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(
        ProcessEngine.class,
        ProcessEngineFactoryBean.class,
        SpringProcessEngineConfiguration.class);
  }
}
