package com.tandem.system;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LongTextsScenario} on the default run's H2 database, a fresh one. */
class LongTextsOnH2Test {

  @TempDir Path dataDir;

  @Test
  void shouldCarryMaximumLengthTextsAnd200OverlapsToTheBoardAndOnWithoutIncident() {
    try (var app =
        TandemRestart.start(
            null,
            Map.of("TANDEM_DATA_DIR", dataDir.toString(), "tandem.demo-data.enabled", "true"))) {
      new LongTextsScenario(app).run();
    }
  }
}
