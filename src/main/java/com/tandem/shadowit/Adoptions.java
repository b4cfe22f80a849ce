package com.tandem.shadowit;

import com.tandem.budget.BudgetCheck;
import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.inventory.Tool;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brings a tool found in use into the company's books, all or nothing: its annual cost held and
 * committed on the MARKETING line of the fiscal year IT leadership decided to adopt it in, and the
 * tool registered ACTIVE with its owner. When the line lacks the money nothing is held or
 * registered. Idempotent per finding id: a retry finds the commitment and the entry the first call
 * made.
 */
@Service
public class Adoptions {

  private static final Logger LOG = LoggerFactory.getLogger(Adoptions.class);

  private final BudgetService budget;
  private final InventoryService inventory;

  public Adoptions(BudgetService budget, InventoryService inventory) {
    this.budget = budget;
    this.inventory = inventory;
  }

  /** The outcome: the budget check, and the tool when adopted. */
  public record Adoption(BudgetCheck check, Optional<Tool> tool) {
    public boolean adopted() {
      return tool.isPresent();
    }
  }

  /** Adopts the tool on the MARKETING line of the fiscal year it was decided in. */
  @Transactional
  public Adoption adopt(String findingId, NewTool tool, int fiscalYear) {
    BigDecimal annualCost = tool.annualCost();
    BudgetCheck check = budget.placeHolds(findingId, fiscalYear, annualCost, BigDecimal.ZERO);
    if (!check.sufficient()) {
      LOG.info(
          "Finding {}: cannot adopt {}, the MARKETING line of {} lacks {}",
          findingId,
          tool.name(),
          fiscalYear,
          check.marketingShortfall());
      return new Adoption(check, Optional.empty());
    }
    Tool registered = inventory.registerInUse(findingId, tool);
    budget.commit(findingId);
    LOG.info(
        "Finding {}: {} adopted as tool {}, {} committed on MARKETING {}",
        findingId,
        tool.name(),
        registered.id(),
        annualCost,
        fiscalYear);
    return new Adoption(check, Optional.of(registered));
  }
}
