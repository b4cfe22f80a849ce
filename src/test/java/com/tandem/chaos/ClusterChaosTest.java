package com.tandem.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.testsupport.RequiresMySql;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The short form of the chaos run of issue 13, in every build: two real nodes on one scratch
 * MariaDB/MySQL database, {@code kill -9} of a node at a random point of each phase, then checks
 * straight on the database and the mail server. {@code -Dchaos.requests} (default 30) and {@code
 * -Dchaos.seed} (default: random, printed) repeat or widen it, {@code -Dchaos.timeoutMinutes}
 * (default 4) bounds each phase: the long form is {@code -Dchaos.requests=500
 * -Dchaos.timeoutMinutes=15}. The long form (100 requests or more) also cuts both nodes off the
 * database for 30 s during the onboarding phase ({@code -Dchaos.outageSeconds}; 0 leaves it out, as
 * the short form does: DatabaseOutageTest covers the outage in every build).
 */
@RequiresMySql
@Tag("chaos")
class ClusterChaosTest {

  @Test
  void killedNodesLoseNothingDoubleNothingAndLeaveNothingStuck() throws Exception {
    long seed = Long.getLong("chaos.seed", System.nanoTime());
    int requests = Integer.getInteger("chaos.requests", 30);
    ClusterChaos chaos =
        new ClusterChaos(
            requests,
            seed,
            Duration.ofMinutes(Integer.getInteger("chaos.timeoutMinutes", 4)),
            Duration.ofSeconds(
                Integer.getInteger("chaos.outageSeconds", requests >= 100 ? 30 : 0)));
    ClusterChaos.Outcome outcome = chaos.run();
    System.out.println("[chaos] " + outcome.describe());
    check(outcome);
  }

  static void check(ClusterChaos.Outcome outcome) {
    int n = outcome.requests();
    String context = "seed and log: " + outcome.log();
    assertThat(outcome.acknowledged()).as("acknowledged submits; %s", context).hasSize(n);
    assertThat(outcome.requestsPerKey().values())
        .as("requests per Idempotency-Key; %s", context)
        .hasSize(n)
        .containsOnly(1L);
    assertThat(outcome.requestRows()).as("request rows; %s", context).isEqualTo(n);
    assertThat(outcome.statuses())
        .as("statuses; %s", context)
        .isEqualTo(Map.of("ACTIVE", (long) n));
    assertThat(outcome.allocationsPerRequest().values())
        .as("one allocation per line and request")
        .hasSize(n)
        .containsOnly(2L);
    assertThat(outcome.committedAllocations()).isEqualTo(2L * n);
    assertThat(outcome.committedLicence())
        .as("committed on the MARKETING line")
        .isEqualByComparingTo(ClusterChaos.LICENCE.multiply(BigDecimal.valueOf(n)));
    assertThat(outcome.committedImplementation())
        .as("committed on the IT line")
        .isEqualByComparingTo(ClusterChaos.IMPLEMENTATION.multiply(BigDecimal.valueOf(n)));
    assertThat(outcome.toolsPerRequest().values())
        .as("one inventory row per request")
        .hasSize(n)
        .containsOnly(1L);
    assertThat(outcome.activeMailsPerRequest().values())
        .as("one 'ready to use' mail per request; %s", context)
        .hasSize(n)
        .containsOnly(1L);
    assertThat(outcome.duplicateMails()).as("mails sent twice").isEmpty();
    assertThat(outcome.incidents()).as("incidents; %s", context).isZero();
    assertThat(outcome.jobsWithoutRetries()).as("jobs with no retries left").isZero();
  }
}
