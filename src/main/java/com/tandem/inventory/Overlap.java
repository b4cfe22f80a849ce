package com.tandem.inventory;

import java.util.List;

/** An owned ACTIVE tool overlapping with a request, and the requested capabilities it covers. */
public record Overlap(
    long toolId, String toolName, String vendor, OverlapReason reason, List<String> capabilities) {}
