package com.tandem.system;

import java.util.List;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Runs every {@link DemoDataStep} once the process application is deployed. */
@Component
@ConditionalOnProperty(name = "tandem.demo-data.enabled", havingValue = "true")
class DemoDataLoader {

  private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);
  private final List<DemoDataStep> steps;

  DemoDataLoader(List<DemoDataStep> steps) {
    this.steps = steps;
  }

  @EventListener
  public void onDeployed(PostDeployEvent event) {
    LOG.info("Loading demo data ({} steps)", steps.size());
    steps.forEach(DemoDataStep::apply);
  }
}
