package com.tandem.chaos;

import java.time.Duration;

/**
 * The long form of the chaos run (not a test): {@code -Dchaos.requests} (default 500) requests, a
 * kill in every phase, the outcome printed and checked as in the short form.
 *
 * <pre>
 * mvn -q test-compile exec:java -Dbench.main=com.tandem.chaos.ClusterChaosRun -Dchaos.requests=500
 * </pre>
 */
public final class ClusterChaosRun {

  private ClusterChaosRun() {}

  public static void main(String[] args) throws Exception {
    long seed = Long.getLong("chaos.seed", System.nanoTime());
    ClusterChaos chaos =
        new ClusterChaos(Integer.getInteger("chaos.requests", 500), seed, Duration.ofMinutes(15));
    ClusterChaos.Outcome outcome = chaos.run();
    System.out.println("[chaos] " + outcome.describe());
    ClusterChaosTest.check(outcome);
    System.out.println("[chaos] every check held");
  }
}
