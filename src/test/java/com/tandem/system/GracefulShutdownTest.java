package com.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.testsupport.TandemProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run (H2 in a file, job executor on) as a real process, stopped as a supervisor stops
 * it: SIGTERM stops job acquisition first, then the web server drains, and the process exits 0
 * without an error in its log (H2 no longer closes under Tandem's feet).
 */
class GracefulShutdownTest {

  @TempDir Path dir;

  @Test
  void shouldStopJobAcquisitionFirstAndExitZeroWithoutErrorsOnSigterm() throws Exception {
    try (TandemProcess tandem =
        TandemProcess.start(
            dir, Map.of("TANDEM_DATA_DIR", dir.resolve("data").toString()), "--server.port=0")) {
      assertThat(tandem.awaitOutput("Started TandemApplication", Duration.ofMinutes(4)))
          .as("started; output:\n%s", tandem.output())
          .isTrue();
      // the Camunda starter starts the job executor just after "Started" (on the application's
      // ready event): stopped before that, there is no acquisition to stop
      assertThat(tandem.awaitOutput("Starting up the JobExecutor", Duration.ofMinutes(1)))
          .as("job executor started; output:\n%s", tandem.output())
          .isTrue();

      tandem.terminate();
      int exit = tandem.awaitExit(Duration.ofMinutes(2));

      String log = tandem.output();
      assertThat(exit).as("exit code; output:\n%s", log).isZero();
      int acquisitionStopped = log.indexOf("job acquisition stopped");
      int webDraining = log.indexOf("Commencing graceful shutdown");
      assertThat(acquisitionStopped).as("job acquisition stopped").isPositive();
      assertThat(webDraining).as("web server drained").isGreaterThan(acquisitionStopped);
      assertThat(log).contains("Graceful shutdown complete");
      assertThat(log.substring(acquisitionStopped))
          .doesNotContain(" ERROR ")
          .doesNotContain("Database is already closed")
          .doesNotContain("Exception");
    }
  }
}
