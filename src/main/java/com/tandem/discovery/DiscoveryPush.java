package com.tandem.discovery;

import com.tandem.web.StrictJson;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/discoveries}: one sighting pushed by another system. */
public record DiscoveryPush(
    DiscoverySource source,
    String vendor,
    String application,
    String domain,
    Integer users,
    BigDecimal amount,
    String currency,
    LocalDate seenOn)
    implements StrictJson {}
