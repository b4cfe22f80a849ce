package com.tandem.budget;

import java.math.BigDecimal;

/** A request's hold or commitment on one line. */
public record BudgetAllocation(
    String requestId,
    BudgetOwner owner,
    int fiscalYear,
    BigDecimal amount,
    AllocationState state) {}
