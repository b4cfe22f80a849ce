package com.tandem.discovery;

import java.util.List;

/**
 * The answer to an import (PRODUCT.md §5): lines read, how many were usage of owned tools, linked
 * to open requests, how many findings are new, and the refused lines. A file imported before is
 * answered with its first summary and {@code alreadyImported} true; nothing changes then.
 */
public record ImportSummary(
    int linesRead,
    int matchedOwnedTools,
    int linkedToRequests,
    int newFindings,
    List<Refusal> refused,
    String layout,
    boolean alreadyImported,
    String message) {}
