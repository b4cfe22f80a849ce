package com.tandem.system;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Two costs of the engine that a profile of the intake benchmark showed, removed without changing
 * what the engine does (docs/benchmark.md):
 *
 * <ul>
 *   <li>DMN: FEEL expressions are parsed once, not on every evaluation ({@link
 *       ParseCachingFeelEngineFactory}).
 *   <li>Timers: Camunda reads every duration (the review SLA timers, the board cycle) with a new
 *       {@link DatatypeFactory}, and {@code DatatypeFactory.newInstance()} searches the whole class
 *       path for a provider each time. Naming the JDK's own implementation, which that search ends
 *       with anyway (Tandem ships no other), skips the search.
 * </ul>
 */
@Component
public class EngineTuning extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
      System.setProperty(
          DatatypeFactory.DATATYPEFACTORY_PROPERTY,
          DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }
    DefaultDmnEngineConfiguration dmn =
        configuration.getDmnEngineConfiguration() != null
            ? configuration.getDmnEngineConfiguration()
            : (DefaultDmnEngineConfiguration)
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    dmn.setFeelEngineFactory(
        new ParseCachingFeelEngineFactory(dmn::getFeelCustomFunctionProviders));
    configuration.setDmnEngineConfiguration(dmn);
  }
}
