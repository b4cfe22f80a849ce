package com.tandem.system;

import com.tandem.TandemApplication;
import com.tandem.testsupport.OneApplicationContextAtATime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the packaged application as `java -jar` would, with the given profile and settings. */
final class TandemRestart {

  private TandemRestart() {}

  static ConfigurableApplicationContext start(String profile, Map<String, Object> settings) {
    Map<String, Object> properties = new HashMap<>(settings);
    properties.put("server.port", "0");
    properties.put("camunda.bpm.job-execution.enabled", "false");
    properties.put("logging.level.liquibase", "warn");
    // As command-line arguments, so that they win over application.yaml, as they would in
    // production.
    String[] args =
        properties.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    // the engine "default" of a cached test context would refuse this application's engine
    OneApplicationContextAtATime.closeCurrent();
    var builder = new SpringApplicationBuilder(TandemApplication.class);
    if (profile != null) {
      builder.profiles(profile);
    }
    return builder.run(args);
  }
}
