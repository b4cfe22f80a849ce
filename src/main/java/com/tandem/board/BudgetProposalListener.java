package com.tandem.board;

import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.IT_SHORTFALL;
import static com.tandem.process.PurchaseProcess.MARKETING_SHORTFALL;
import static com.tandem.process.PurchaseProcess.PROPOSAL_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_IT_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_MARKETING_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_SUMMARY;
import static com.tandem.process.PurchaseProcess.SHORTFALL_SUMMARY;

import com.tandem.budget.BudgetCheck;
import com.tandem.budget.BudgetService;
import com.tandem.budget.BudgetSummaries;
import com.tandem.process.CaseIds;
import com.tandem.process.ProcessVariable;
import java.math.BigDecimal;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The joint proposal, per budget line, for any case before the board (a purchase request, a tool in
 * use being adopted: {@link Cases}). When the draft task is created, each line's amount is
 * prefilled with what the line lacks (its shortfall), and the shortfalls are written in words for
 * the form. When it is completed, each line's amount must be at least its shortfall (refused with
 * both amounts in words otherwise), {@code proposalAmount} becomes their sum, and the proposal is
 * written in words ("asked X, shortfall Y" per line) for the co-signer and the board.
 */
@Component
public class BudgetProposalListener implements TaskListener {

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");

  private final Cases cases;
  private final BudgetService budget;

  public BudgetProposalListener(Cases cases, BudgetService budget) {
    this.cases = cases;
    this.budget = budget;
  }

  @Override
  public void notify(DelegateTask task) {
    BudgetCheck check = cases.get(CaseIds.get(task)).needs().checkWith(budget);
    String currency = CURRENCY.get(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      prefill(task, check, currency);
    } else {
      complete(task, check, currency);
    }
  }

  private static void prefill(DelegateTask task, BudgetCheck check, String currency) {
    MARKETING_SHORTFALL.set(task, check.marketingShortfall());
    IT_SHORTFALL.set(task, check.itShortfall());
    prefillLine(task, PROPOSAL_MARKETING_AMOUNT, check.marketingShortfall());
    prefillLine(task, PROPOSAL_IT_AMOUNT, check.itShortfall());
    SHORTFALL_SUMMARY.set(
        task,
        "Marketing line (FY%d): short by %s; ask at least that.\nIT line (FY%d): short by %s; ask at least that."
            .formatted(
                check.fiscalYear(),
                BudgetSummaries.money(check.marketingShortfall(), currency),
                check.fiscalYear(),
                BudgetSummaries.money(check.itShortfall(), currency)));
  }

  /** A line's amount starts at its shortfall; a draft sent back keeps a higher amount asked. */
  private static void prefillLine(
      DelegateTask task, ProcessVariable<BigDecimal> line, BigDecimal shortfall) {
    BigDecimal asked = line.find(task).orElse(BigDecimal.ZERO);
    line.set(task, asked.max(shortfall));
  }

  private static void complete(DelegateTask task, BudgetCheck check, String currency) {
    BigDecimal marketing =
        asked(task, PROPOSAL_MARKETING_AMOUNT, "marketing", check.marketingShortfall(), currency);
    BigDecimal it = asked(task, PROPOSAL_IT_AMOUNT, "IT", check.itShortfall(), currency);
    BigDecimal total = marketing.add(it);
    PROPOSAL_AMOUNT.set(task, total);
    PROPOSAL_SUMMARY.set(
        task,
        "Marketing line: asked %s, shortfall %s\nIT line: asked %s, shortfall %s\nTotal asked: %s\n%s"
            .formatted(
                BudgetSummaries.money(marketing, currency),
                BudgetSummaries.money(check.marketingShortfall(), currency),
                BudgetSummaries.money(it, currency),
                BudgetSummaries.money(check.itShortfall(), currency),
                BudgetSummaries.money(total, currency),
                PROPOSAL_JUSTIFICATION.find(task).orElse("")));
  }

  private static BigDecimal asked(
      DelegateTask task,
      ProcessVariable<BigDecimal> line,
      String label,
      BigDecimal shortfall,
      String currency) {
    BigDecimal asked;
    try {
      asked = line.find(task).orElse(null);
    } catch (RuntimeException notANumber) {
      asked = null;
    }
    if (asked == null) {
      throw new BadUserRequestException(
          "Please enter what the %s line should be raised by (%s): at least its shortfall of %s."
              .formatted(label, line.name(), BudgetSummaries.money(shortfall, currency)));
    }
    if (asked.signum() < 0
        || asked.stripTrailingZeros().scale() > 2
        || asked.compareTo(MAX_AMOUNT) > 0) {
      throw new BadUserRequestException(
          "The amount for the %s line (%s) must be a positive amount with at most two decimals, below %s."
              .formatted(label, line.name(), BudgetSummaries.money(MAX_AMOUNT, currency)));
    }
    if (asked.compareTo(shortfall) < 0) {
      throw new BadUserRequestException(
          "The %s line is short by %s: ask at least that for it (you asked %s)."
              .formatted(
                  label,
                  BudgetSummaries.money(shortfall, currency),
                  BudgetSummaries.money(asked, currency)));
    }
    return asked.setScale(2);
  }
}
