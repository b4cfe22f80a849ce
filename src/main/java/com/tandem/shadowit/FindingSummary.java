package com.tandem.shadowit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What discovery knows of the tool behind a finding: the evidence its reviewers see instead of a
 * requester's justification.
 *
 * @param application the application's name as the sources give it (the vendor when none does)
 * @param sources the discovery sources that saw it, e.g. {@code SSO}, {@code EXPENSE}
 * @param usersSeen distinct users seen using it
 * @param spendSeen the money seen spent on it over the last twelve months, in {@code currency}
 */
public record FindingSummary(
    String findingId,
    String vendor,
    String application,
    List<String> sources,
    long usersSeen,
    BigDecimal spendSeen,
    String currency,
    LocalDate firstSeen) {}
