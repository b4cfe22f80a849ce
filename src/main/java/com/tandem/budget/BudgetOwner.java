package com.tandem.budget;

/** Who a budget line belongs to. */
public enum BudgetOwner {
  MARKETING,
  IT
}
