package com.tandem.offboarding;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.tandem.inventory.CustodyGap;
import com.tandem.inventory.Tool;
import java.util.List;

/**
 * {@code GET /api/inventory/tools/{id}}: the tool as the inventory holds it (every field of {@link
 * Tool}, contract fields included as far as the inventory has them), the integrations recorded on
 * it, its offboardings (the record of a RETIRED tool's exit), and its custody gaps (what onboarding
 * left open: single sign-on, the data-processing agreement).
 */
public record ToolRecord(
    @JsonUnwrapped Tool tool,
    List<String> integrations,
    List<Offboarding> offboardings,
    List<CustodyGap> custodyGaps) {}
