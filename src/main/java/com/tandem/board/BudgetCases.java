package com.tandem.board;

import java.util.Optional;

/**
 * Where the cases that come before the joint proposal and the board are kept. Each feature that
 * brings cases before the board provides one (the purchase requests: {@link PurchaseCases}; the
 * shadow-IT review: the findings it adopts); {@link Cases} asks them all.
 */
public interface BudgetCases {

  /** The case, when this source keeps it. */
  Optional<BudgetCase> find(String caseId);
}
