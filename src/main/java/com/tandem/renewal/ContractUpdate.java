package com.tandem.renewal;

import com.tandem.inventory.ToolContract;
import com.tandem.web.StrictJson;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Body of {@code PUT /api/inventory/tools/{id}/contract}: the whole contract. {@code
 * noticePeriodDays} defaults to 90 and {@code autoRenews} to true; {@code seatsBought} may be left
 * out when unknown.
 */
public record ContractUpdate(
    LocalDate contractStart,
    LocalDate contractEnd,
    Integer noticePeriodDays,
    Boolean autoRenews,
    BigDecimal annualCost,
    Integer seatsBought)
    implements StrictJson {

  public ToolContract toContract() {
    return new ToolContract(
        contractStart,
        contractEnd,
        noticePeriodDays == null ? ToolContract.DEFAULT_NOTICE_PERIOD_DAYS : noticePeriodDays,
        autoRenews == null || autoRenews,
        annualCost,
        seatsBought);
  }
}
