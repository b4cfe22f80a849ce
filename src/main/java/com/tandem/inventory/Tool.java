package com.tandem.inventory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tool of the inventory. {@code requestId} is the purchase request that brought it in, if any.
 */
public record Tool(
    long id,
    String name,
    String vendor,
    List<String> capabilities,
    String owner,
    ToolStatus status,
    BigDecimal annualCost,
    String currency,
    LocalDate renewalDate,
    String sso,
    String personalData,
    String requestId) {}
