package com.tandem.offboarding;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tandem.inventory.CustodyGap;
import com.tandem.inventory.Tool;
import java.util.List;

/**
 * {@code GET /api/inventory/tools/{id}}: the tool as the inventory holds it (every field of {@link
 * Tool}, contract fields included as far as the inventory has them), the integrations recorded on
 * it, its offboardings (the record of a RETIRED tool's exit), its contract (PRODUCT.md §7: {@code
 * contractStart}, {@code contractEnd}, {@code noticePeriodDays}, {@code noticeDate}, {@code
 * autoRenews}, {@code annualCost}, {@code seatsBought}; null when none is recorded) and its custody
 * gaps (what onboarding left open: single sign-on, the data-processing agreement).
 */
public record ToolRecord(
    @JsonUnwrapped Tool tool,
    List<String> integrations,
    List<Offboarding> offboardings,
    com.tandem.inventory.ToolContract contract,
    List<CustodyGap> custodyGaps) {}
