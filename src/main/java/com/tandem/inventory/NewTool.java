package com.tandem.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What onboarding registers in the inventory for a request. */
public record NewTool(
    String name,
    String vendor,
    List<String> capabilities,
    String owner,
    BigDecimal annualCost,
    String currency,
    LocalDate renewalDate,
    String sso,
    String personalData) {}
