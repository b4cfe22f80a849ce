package com.tandem.budget;

import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The budget steps of a request, each reading what the request asks (licence on MARKETING,
 * implementation on IT, in the fiscal year of its needed-by date) from the registry: check it, hold
 * it, shrink the holds to what was negotiated. (Raising the lines is the board's: any case before
 * it, see {@code board.Cases}.) Every step answers with the situation in words for the forms that
 * follow.
 */
@Service
public class RequestBudgets {

  /**
   * Whether the lines carry the request (or carried it, for holds), and the situation in words,
   * written when asked for: it sums every hold and commitment of the year's lines, and only the
   * budget proposal's forms show it.
   */
  public record Outcome(boolean sufficient, Supplier<String> describe) {

    /** The lines and the request's needs in words ({@link BudgetSummaries}). */
    public String summary() {
      return describe.get();
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(RequestBudgets.class);
  private final BudgetService budget;
  private final RequestRegistry registry;
  private final BudgetSummaries summaries;

  private final NegotiationSavings savings;

  private final TransactionTemplate ownTransaction;

  public RequestBudgets(
      BudgetService budget,
      RequestRegistry registry,
      BudgetSummaries summaries,
      NegotiationSavings savings,
      PlatformTransactionManager transactions) {
    this.budget = budget;
    this.registry = registry;
    this.summaries = summaries;
    this.savings = savings;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The fiscal year the request's costs fall in. */
  public int fiscalYear(String requestId) {
    return RequestBudget.of(registry.get(requestId), budget).fiscalYear();
  }

  /**
   * The contract was negotiated: the holds shrink to the negotiated amounts and what was won is
   * recorded as savings of the request's fiscal year, per line. Idempotent.
   */
  @Transactional
  public void applyNegotiation(
      String requestId, BigDecimal negotiatedAnnual, BigDecimal negotiatedImplementation) {
    RequestBudget needs = RequestBudget.of(registry.get(requestId), budget);
    budget.shrinkHolds(requestId, needs.fiscalYear(), negotiatedAnnual, negotiatedImplementation);
    savings.record(
        requestId, needs.fiscalYear(), BudgetOwner.MARKETING, needs.marketing(), negotiatedAnnual);
    savings.record(
        requestId, needs.fiscalYear(), BudgetOwner.IT, needs.it(), negotiatedImplementation);
    LOG.info(
        "Request {}: negotiated MARKETING {} (requested {}) and IT {} (requested {}) in FY{}",
        requestId,
        negotiatedAnnual,
        needs.marketing(),
        negotiatedImplementation,
        needs.it(),
        needs.fiscalYear());
  }

  /** Whether both lines can carry the request now; nothing is held. */
  public Outcome check(String requestId) {
    return step(requestId, "check", needs -> needs.checkWith(budget));
  }

  /**
   * Places the request's holds on both lines, or none if money ran short since the check (another
   * request may have taken it). Idempotent.
   *
   * <p>In a short transaction of its own, committed before the step's process transaction goes on:
   * the holds lock the year's two lines (every request of the year queues on them), and inside the
   * job's transaction those locks were kept until the engine had created the negotiation task and
   * written its history. A hold committed by a step that then fails is found again by the step's
   * retry (a hold is placed once per request and line), and a request that ends without using it
   * releases it, as a finance system behind {@link BudgetService} would hold outside the engine's
   * transaction anyway.
   */
  public Outcome placeHolds(String requestId) {
    return ownTransaction.execute(
        status ->
            step(
                requestId,
                "holds",
                needs -> {
                  BudgetCheck placed =
                      budget.placeHolds(
                          requestId, needs.fiscalYear(), needs.marketing(), needs.it());
                  releaseIfClosedMeanwhile(requestId);
                  return placed;
                }));
  }

  /**
   * A withdrawal (or any close) commits the request's final status and releases its holds in one
   * transaction. Read after the holds were inserted, a committed close is seen here and the holds
   * go back in this same transaction; a close committed later releases them itself. What remains is
   * the instant between this read and the commit below, not the wait for the line locks.
   */
  private void releaseIfClosedMeanwhile(String requestId) {
    RequestStatus now = registry.get(requestId).status();
    if (now.isFinal()) {
      LOG.info(
          "Request {} closed ({}) while its holds were placed: released again", requestId, now);
      budget.release(requestId);
    }
  }

  private Outcome step(
      String requestId, String what, java.util.function.Function<RequestBudget, BudgetCheck> step) {
    var request = registry.get(requestId);
    RequestBudget needs = RequestBudget.of(request, budget);
    BudgetCheck result = step.apply(needs);
    LOG.info(
        "Request {}: budget {} FY{}: {}",
        requestId,
        what,
        needs.fiscalYear(),
        result.sufficient() ? "sufficient" : "short by " + result.totalShortfall());
    return new Outcome(
        result.sufficient(), () -> summaries.describe(result, request.data().currency()));
  }
}
