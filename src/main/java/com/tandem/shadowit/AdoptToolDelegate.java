package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.ShadowItProcess.BUDGET_NOTE;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.SPEND_COMMITTED;
import static com.tandem.process.ShadowItProcess.TOOL_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * ADOPT: commits the tool's annual cost on the MARKETING line and registers it ACTIVE with its
 * owner ({@link Adoptions}); when the line lacks the money, nothing happens and IT leadership is
 * told why.
 */
@Component
public class AdoptToolDelegate extends RequestStep {

  private final Adoptions adoptions;

  public AdoptToolDelegate(Adoptions adoptions) {
    super("commit the tool's spend and register it in the inventory");
    this.adoptions = adoptions;
  }

  @Override
  protected void run(DelegateExecution execution) {
    Adoptions.Adoption adoption =
        adoptions.adopt(FINDING_ID.get(execution), ToolsInUse.of(execution));
    SPEND_COMMITTED.set(execution, adoption.adopted());
    if (adoption.adopted()) {
      TOOL_ID.set(execution, adoption.tool().orElseThrow().id());
      BUDGET_NOTE.remove(execution);
    } else {
      var check = adoption.check();
      BUDGET_NOTE.set(
          execution,
          ("Not adopted: the MARKETING line of fiscal year %d has %s %s available, %s short of the"
                  + " annual cost. Raising the line takes the joint budget proposal and the board;"
                  + " until then, choose to replace or sunset the tool, or adopt it at a cost the"
                  + " line can carry.")
              .formatted(
                  check.fiscalYear(),
                  check.marketingAvailable().toPlainString(),
                  CURRENCY.get(execution),
                  check.marketingShortfall().toPlainString()));
    }
  }
}
