package com.tandem.discovery;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A vendor seen in use, as read from one line of an export or one push: checked, not yet matched.
 * {@code line} is the line of the file the record starts on (1 is the header); a push has line 1.
 */
public record Sighting(
    int line,
    DiscoverySource source,
    String vendor,
    String application,
    String domain,
    Integer users,
    BigDecimal amount,
    String currency,
    LocalDate firstSeen,
    LocalDate seenOn,
    String employeeEmail,
    String costCentre) {}
