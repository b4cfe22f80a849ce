package com.tandem.budget;

import java.math.BigDecimal;

/** A budget line; available = amount − held − committed. */
public record BudgetLine(
    BudgetOwner owner,
    int fiscalYear,
    BigDecimal amount,
    BigDecimal held,
    BigDecimal committed,
    BigDecimal available,
    String currency) {}
