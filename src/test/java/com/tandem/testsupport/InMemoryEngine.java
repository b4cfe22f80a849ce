package com.tandem.testsupport;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

/**
 * A bare engine for tests of one engine plug-in: its own in-memory H2 database (created and dropped
 * with the engine), Tandem's history level ({@code audit}), no job executor (a test runs the jobs).
 */
public final class InMemoryEngine {

  private InMemoryEngine() {}

  /** The configuration to add the plug-in and beans to, then {@code buildProcessEngine()}. */
  public static ProcessEngineConfigurationImpl configuration(String name) {
    String unique = name + "-" + System.nanoTime();
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(unique);
    configuration.setJdbcUrl("jdbc:h2:mem:" + unique);
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("audit");
    return configuration;
  }
}
