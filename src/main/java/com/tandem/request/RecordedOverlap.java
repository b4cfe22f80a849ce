package com.tandem.request;

import java.util.List;

/** An owned tool found overlapping with the request at the inventory check. */
public record RecordedOverlap(
    long toolId, String toolName, String vendor, String reason, List<String> capabilities) {}
