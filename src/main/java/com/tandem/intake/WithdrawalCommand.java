package com.tandem.intake;

import com.tandem.web.StrictJson;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /api/purchase-requests/{id}/withdraw}. */
public record WithdrawalCommand(
    @Schema(
            description = "why the requester withdraws; shown with the decisions",
            example = "Found budget elsewhere")
        @Size(
            max = PurchaseRequestSubmission.MAX_TEXT,
            message = "must be at most {max} characters")
        @Pattern(
            regexp = PurchaseRequestSubmission.TEXT,
            message = "must not contain control characters")
        String reason)
    implements StrictJson {}
