package com.tandem.insights;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Gives the engine's history events to the {@link StageRollup} as well, beside the engine's own
 * handler that writes them to the history tables (which stays on).
 */
@Component
class StageRollupPlugin extends AbstractProcessEnginePlugin {

  private final StageRollup rollup;

  StageRollupPlugin(StageRollup rollup) {
    this.rollup = rollup;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(rollup);
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }
}
