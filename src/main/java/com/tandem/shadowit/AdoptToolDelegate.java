package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.ShadowItProcess.ADOPTION_FISCAL_YEAR;
import static com.tandem.process.ShadowItProcess.ANNUAL_COST_TEXT;
import static com.tandem.process.ShadowItProcess.BUDGET_NOTE;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.SPEND_COMMITTED;
import static com.tandem.process.ShadowItProcess.TOOL_ID;

import com.tandem.budget.BudgetService;
import com.tandem.budget.BudgetSummaries;
import com.tandem.inventory.NewTool;
import com.tandem.process.RequestStep;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * ADOPT: commits the tool's annual cost on the MARKETING line of the fiscal year of the decision
 * and registers it ACTIVE with its owner ({@link Adoptions}). When the line lacks the money,
 * nothing is held or registered and the budget situation is written in words for the joint proposal
 * that follows (PRODUCT.md §5, §2.6).
 */
@Component
public class AdoptToolDelegate extends RequestStep {

  private final Adoptions adoptions;
  private final BudgetService budget;
  private final BudgetSummaries summaries;
  private final Clock clock;

  public AdoptToolDelegate(
      Adoptions adoptions, BudgetService budget, BudgetSummaries summaries, Clock clock) {
    super("commit the tool's spend and register it in the inventory");
    this.adoptions = adoptions;
    this.budget = budget;
    this.summaries = summaries;
    this.clock = clock;
  }

  @Override
  protected void run(DelegateExecution execution) {
    int fiscalYear =
        ADOPTION_FISCAL_YEAR
            .find(execution)
            .map(Long::intValue)
            // a review decided before the year was recorded adopts in the current one
            .orElseGet(() -> budget.fiscalYearOf(LocalDate.now(clock)));
    NewTool tool = ToolsInUse.of(execution);
    Adoptions.Adoption adoption = adoptions.adopt(FINDING_ID.get(execution), tool, fiscalYear);
    SPEND_COMMITTED.set(execution, adoption.adopted());
    if (adoption.adopted()) {
      TOOL_ID.set(execution, adoption.tool().orElseThrow().id());
      BUDGET_NOTE.remove(execution);
    } else {
      BUDGET_SUMMARY.set(
          execution,
          summaries.describe(adoption.check(), CURRENCY.get(execution), "Adopting the tool"));
      ANNUAL_COST_TEXT.set(execution, BudgetSummaries.money(tool.annualCost(), tool.currency()));
    }
  }
}
