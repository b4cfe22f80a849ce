package com.tandem.discovery;

import java.time.LocalDate;
import java.util.List;

/**
 * What is known about a finding, for its reviewers in place of a requester's justification: where
 * it was seen, how often, by how many people, what was paid for it, since when, under which names
 * and domains.
 *
 * @param usersSeen the largest user count a source reported, or the number of distinct people seen
 *     using or paying for it, whichever is larger
 */
public record FindingSummary(
    String id,
    String vendor,
    FindingStatus status,
    List<DiscoverySource> sources,
    int sightings,
    int usersSeen,
    List<Spend> spendSeen,
    LocalDate firstSeen,
    LocalDate lastSeen,
    List<String> domains,
    List<String> applications,
    List<String> costCentres) {}
