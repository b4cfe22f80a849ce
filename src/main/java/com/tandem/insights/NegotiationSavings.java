package com.tandem.insights;

import com.tandem.budget.BudgetOwner;
import java.math.BigDecimal;

/**
 * Savings from negotiation (PRODUCT.md §2.8) per budget line of a fiscal year: what the contracts
 * were negotiated below the requested amounts. Insights shows them when a bean of this type exists,
 * and says "not yet available" otherwise.
 */
public interface NegotiationSavings {

  /**
   * What negotiation saved on the line of {@code owner} in {@code fiscalYear} (zero if nothing).
   */
  BigDecimal savedOn(BudgetOwner owner, int fiscalYear);
}
