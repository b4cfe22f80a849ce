package com.tandem.testsupport;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Lets every test class share one JVM without two Tandem applications ever running at once.
 *
 * <p>The Camunda engine registers itself as "default" in a JVM-wide container (and the webapps and
 * the engine REST API look it up there), so a second application context cannot start while another
 * is open: "Cannot register service org.camunda.bpm.platform.process-engine:type=default ...
 * already registered". Spring's context cache alone does not prevent that, not even with {@code
 * spring.test.context.cache.maxSize=1}: it evicts the old context only after the new one has
 * started.
 *
 * <p>So before a test class whose context is not cached yet, this listener closes the context of
 * the test class before it. Consecutive test classes with the same configuration (the subclasses of
 * {@code ApiTestSupport}, of {@code ProcessScenario}) still share one context. Code that starts an
 * application itself ({@code TandemRestart}) calls {@link #closeCurrent()} first. Registered in
 * {@code META-INF/spring.factories}; it runs before every other listener.
 */
public class OneApplicationContextAtATime implements TestExecutionListener, Ordered {

  private static TestContext current;

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void beforeTestClass(TestContext testContext) {
    synchronized (OneApplicationContextAtATime.class) {
      if (!testContext.hasApplicationContext()) {
        closeCurrent();
      }
      current = testContext;
    }
  }

  /** Closes the application context of the last Spring test class, if it is still open. */
  public static synchronized void closeCurrent() {
    if (current != null && current.hasApplicationContext()) {
      current.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
    }
    current = null;
  }
}
