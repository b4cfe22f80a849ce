package com.tandem.discovery;

import java.time.LocalDate;

/** A shadow-IT finding: one vendor in use that never went through {@code martech-purchase}. */
public record Finding(
    String id,
    String vendor,
    FindingStatus status,
    LocalDate firstSeen,
    LocalDate lastSeen,
    String processInstanceId) {}
