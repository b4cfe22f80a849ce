package com.tandem.offboarding;

import com.tandem.web.StrictJson;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/inventory/tools/{id}/retire}. */
public record RetireCommand(
    @Schema(
            description = "why the tool is retired; at most 4000 characters",
            example = "Replaced by Sprout Social; nobody logged in for 90 days",
            requiredMode = Schema.RequiredMode.REQUIRED)
        String reason)
    implements StrictJson {}
