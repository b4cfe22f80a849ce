package com.tandem.process;

import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.budget.AllocationState;
import com.tandem.budget.BudgetCheck;
import com.tandem.budget.BudgetLine;
import com.tandem.budget.BudgetOwner;
import com.tandem.budget.BudgetService;
import com.tandem.budget.JdbcBudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.JdbcInventoryService;
import com.tandem.inventory.Overlap;
import com.tandem.request.RequestOutcomes;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the inventory or budget service is down, the step becomes an incident in Cockpit that says
 * which request and what failed, and "Retry" resumes it with exactly one side effect.
 */
@Import(ServiceOutageTest.Outages.class)
class ServiceOutageTest extends ProcessScenario {

  static final AtomicBoolean INVENTORY_DOWN = new AtomicBoolean();
  static final AtomicBoolean BUDGET_DOWN_AFTER_WRITING = new AtomicBoolean();

  /** Set: the request is withdrawn, committed, between the holds' insert and their commit. */
  static final AtomicReference<Runnable> WHILE_HOLDS_PLACED = new AtomicReference<>();

  /** The real services behind a switch that makes them fail as an outage would. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Outages {
    @Bean
    @Primary
    InventoryService flakyInventory(JdbcInventoryService real) {
      return new ForwardingInventory(real) {
        @Override
        public List<Overlap> findOverlaps(String vendor, Collection<String> capabilities) {
          if (INVENTORY_DOWN.get()) {
            throw new IllegalStateException("Connection refused: cmdb.example:443");
          }
          return super.findOverlaps(vendor, capabilities);
        }
      };
    }

    @Bean
    @Primary
    BudgetService flakyBudget(JdbcBudgetService real) {
      return new ForwardingBudget(real) {
        @Override
        public BudgetCheck placeHolds(
            String requestId, int fiscalYear, BigDecimal marketing, BigDecimal it) {
          BudgetCheck placed = super.placeHolds(requestId, fiscalYear, marketing, it);
          Runnable meanwhile = WHILE_HOLDS_PLACED.getAndSet(null);
          if (meanwhile != null) {
            meanwhile.run();
          }
          if (BUDGET_DOWN_AFTER_WRITING.get()) {
            throw new IllegalStateException(
                "Read timed out waiting for the finance system's answer");
          }
          return placed;
        }
      };
    }
  }

  @Autowired BudgetService budget;

  @Override
  protected boolean failOnJobErrors() {
    return false;
  }

  @AfterEach
  void servicesBackUp() {
    INVENTORY_DOWN.set(false);
    BUDGET_DOWN_AFTER_WRITING.set(false);
    WHILE_HOLDS_PLACED.set(null);
  }

  /** Runs the failing job until its retries are used up, as the job executor would over minutes. */
  Incident exhaustRetries(String activityId) {
    Job job = managementService.createJobQuery().activityId(activityId).singleResult();
    while (job.getRetries() > 0) {
      String jobId = job.getId();
      assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
      job = managementService.createJobQuery().jobId(jobId).singleResult();
    }
    assertThat(job.getRetries()).isZero();
    return runtimeService.createIncidentQuery().configuration(job.getId()).singleResult();
  }

  /** What Cockpit's "Retry" does: give the failed job a retry; then the executor runs it. */
  void retryInCockpit(Incident incident) {
    managementService.setJobRetries(incident.getConfiguration(), 1);
    managementService.executeJob(incident.getConfiguration());
    runJobs();
  }

  @Test
  void shouldExplainAnInventoryOutageInTheIncidentAndResumeOnRetry() {
    INVENTORY_DOWN.set(true);
    String id = submit(intake());
    Incident incident = exhaustRetries(PurchaseProcess.Elements.CHECK_INVENTORY);
    assertThat(incident.getIncidentMessage())
        .contains(id)
        .contains("Eventful")
        .contains("could not check the inventory")
        .contains("Connection refused: cmdb.example:443")
        .contains("Retrying is safe");
    assertThat(status(id)).isEqualTo(RequestStatus.SUBMITTED);

    INVENTORY_DOWN.set(false);
    retryInCockpit(incident);
    assertThat(runtimeService.createIncidentQuery().incidentId(incident.getId()).count()).isZero();
    assertThat(status(id)).isEqualTo(RequestStatus.IN_REVIEW);
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT);
  }

  @Test
  void shouldPlaceEachHoldExactlyOnceWhenTheBudgetStepIsRetried() {
    String id = submit(intake());
    int fiscalYear = budget.fiscalYearOf(request(id).data().neededBy());
    BigDecimal marketingBefore = available(fiscalYear, BudgetOwner.MARKETING);
    BUDGET_DOWN_AFTER_WRITING.set(true);
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    Incident incident = exhaustRetries(PurchaseProcess.Elements.PLACE_BUDGET_HOLDS);
    assertThat(incident.getIncidentMessage())
        .contains(id)
        .contains("could not place the budget holds")
        .contains("finance system");
    assertThat(budget.allocations(id)).as("a failed attempt holds nothing").isEmpty();

    BUDGET_DOWN_AFTER_WRITING.set(false);
    retryInCockpit(incident);
    assertThat(status(id)).isEqualTo(RequestStatus.NEGOTIATION);
    assertThat(budget.allocations(id)).hasSize(2).allMatch(a -> a.state() == AllocationState.HELD);
    assertThat(available(fiscalYear, BudgetOwner.MARKETING))
        .isEqualByComparingTo(marketingBefore.subtract(new BigDecimal("12000.00")));
  }

  @Autowired RequestOutcomes outcomes;

  @Autowired PlatformTransactionManager transactions;

  /**
   * The holds commit in a short transaction of their own. A withdrawal that closes the request (and
   * releases what it holds, finding nothing yet) while they are placed must not leave them HELD:
   * the placement sees the close and gives the money back.
   */
  @Test
  void shouldLeaveNoHoldWhenTheRequestIsWithdrawnWhileItsHoldsArePlaced() {
    String id = submit(intake());
    int fiscalYear = budget.fiscalYearOf(request(id).data().neededBy());
    BigDecimal marketingBefore = available(fiscalYear, BudgetOwner.MARKETING);
    TransactionTemplate elsewhere = new TransactionTemplate(transactions);
    elsewhere.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    WHILE_HOLDS_PLACED.set(
        () -> elsewhere.executeWithoutResult(s -> outcomes.close(id, RequestStatus.WITHDRAWN)));
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    complete(id, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    runJobs();

    assertThat(WHILE_HOLDS_PLACED.get()).as("the withdrawal ran during the placement").isNull();
    // (the process itself was not told here, so it went on to negotiation; a real withdrawal
    // cancels it, and the step's own transaction then fails on the engine's optimistic lock)
    assertThat(budget.allocations(id))
        .as("holds placed while the request closed are released again")
        .allMatch(a -> a.state() == AllocationState.RELEASED);
    assertThat(available(fiscalYear, BudgetOwner.MARKETING)).isEqualByComparingTo(marketingBefore);
  }

  BigDecimal available(int fiscalYear, BudgetOwner owner) {
    return budget.lines(fiscalYear).stream()
        .filter(l -> l.owner() == owner)
        .map(BudgetLine::available)
        .findFirst()
        .orElseThrow();
  }
}
