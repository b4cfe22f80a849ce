package com.tandem.renewal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A renewal case as Tandem records it ({@code tandem_renewal}). */
public record Renewal(
    String id,
    long toolId,
    LocalDate contractEnd,
    LocalDate noticeDate,
    RenewalStatus status,
    String marketingDecision,
    String marketingDecidedBy,
    String itDecision,
    String itDecidedBy,
    String itComment,
    Integer newSeats,
    BigDecimal askedAnnualCost,
    BigDecimal negotiatedAnnualCost,
    String negotiationNote,
    LocalDate newContractEnd,
    Instant startedAt,
    Instant endedAt) {}
