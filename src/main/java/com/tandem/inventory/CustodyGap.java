package com.tandem.inventory;

import java.time.Instant;

/**
 * What onboarding left open on a tool, with the reason given: {@code SSO} (single sign-on not
 * configured) or {@code DPA} (no signed data-processing agreement). Open while {@code closedAt} is
 * null.
 */
public record CustodyGap(
    long id,
    long toolId,
    String toolName,
    String kind,
    String description,
    String reason,
    String caseId,
    String recordedBy,
    Instant recordedAt,
    Instant closedAt) {}
