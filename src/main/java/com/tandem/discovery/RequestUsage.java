package com.tandem.discovery;

import java.time.LocalDate;
import java.util.List;

/**
 * The tool of an open request as discovery already saw it in use (PRODUCT.md §5): how many lines of
 * SSO or expense exports named it, how many people were seen using it, the money seen spent on it
 * per currency, when, and in which sources ({@code SSO}, {@code EXPENSE}, {@code PUSH}).
 */
public record RequestUsage(
    int sightings,
    int usersSeen,
    List<Spend> spendSeen,
    LocalDate firstSeen,
    LocalDate lastSeen,
    List<String> sources) {}
