package com.tandem.discovery;

import java.time.LocalDate;

/**
 * A vendor nobody bought through {@code martech-purchase} was seen for the first time: a new
 * finding in status DISCOVERED. Published inside the transaction that records it, so a listener
 * that joins it (starting {@code shadow-it-review}) commits or rolls back with the finding.
 *
 * @param findingId the {@code SIT-<year>-<5 digits>} key, the business key of its review
 * @param vendor the vendor's name as first seen
 * @param source where it was first seen
 * @param firstSeen the date of the first sighting
 */
public record FindingDiscovered(
    String findingId, String vendor, DiscoverySource source, LocalDate firstSeen) {}
