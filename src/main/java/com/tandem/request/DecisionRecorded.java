package com.tandem.request;

import java.time.LocalDateTime;

/**
 * A decision was written to the decision log ({@code tandem_request_decision}) of a case: a request
 * ({@code MTR-…}) or another case decided in Tandem's tasks. Published once per row written, inside
 * the writing transaction; {@code decidedAt} is the value written.
 */
public record DecisionRecorded(
    String caseId, String stage, String decision, LocalDateTime decidedAt) {}
