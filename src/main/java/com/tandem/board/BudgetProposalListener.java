package com.tandem.board;

import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.PROPOSAL_AMOUNT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.PROPOSAL_SUMMARY;

import com.tandem.budget.BudgetSummaries;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Writes the drafted joint proposal in words for the co-signer and the board (draft task,
 * complete).
 */
@Component
public class BudgetProposalListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    BigDecimal amount = PROPOSAL_AMOUNT.find(task).orElse(BigDecimal.ZERO);
    PROPOSAL_SUMMARY.set(
        task,
        "Budget augmentation asked: %s\n%s"
            .formatted(
                BudgetSummaries.money(amount, CURRENCY.get(task)),
                PROPOSAL_JUSTIFICATION.find(task).orElse("")));
  }
}
