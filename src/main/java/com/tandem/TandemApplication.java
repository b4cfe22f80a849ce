package com.tandem;

import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.spring.boot.starter.annotation.EnableProcessApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Tandem: martech purchases decided jointly by marketing and IT, on the Camunda 7 engine.
 *
 * <p>Spring Security is on the class path for the {@code oidc} profile only (com.tandem.identity
 * sets it up itself there); its auto-configuration would put a password form in front of every page
 * of the default run, which signs people in with Camunda's own users instead.
 */
@SpringBootApplication(
    excludeName = {
      "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration"
    })
@ConfigurationPropertiesScan
@EnableProcessApplication("tandem")
public class TandemApplication {

  private static final AtomicReference<ConfigurableApplicationContext> RUNNING =
      new AtomicReference<>();

  public static void main(String[] args) {
    closeFirstThenExitZero("TERM");
    closeFirstThenExitZero("INT");
    RUNNING.set(SpringApplication.run(TandemApplication.class, args));
  }

  /**
   * SIGTERM is how Tandem is asked to stop (docker stop, Kubernetes, systemd), SIGINT is Ctrl-C.
   * Tandem closes first -- gracefully: job acquisition stops, running jobs and requests finish
   * (spring.lifecycle.timeout-per-shutdown-phase), the engine undeploys -- and only then does the
   * JVM shut down, exiting 0 instead of 143: a supervisor records a clean stop, and shutdown hooks
   * of libraries (H2 closing its database) no longer race Tandem's own shutdown.
   */
  @SuppressWarnings("sunapi")
  private static void closeFirstThenExitZero(String signal) {
    try {
      sun.misc.Signal.handle(
          new sun.misc.Signal(signal),
          received -> {
            ConfigurableApplicationContext context = RUNNING.get();
            if (context != null) {
              context.close();
            }
            System.exit(0);
          });
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // no such signal here: the JVM's own handling (Spring's shutdown hook) stays
    }
  }
}
