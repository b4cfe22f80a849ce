package com.tandem.inventory;

/** An ACTIVE tool with its contract: what the renewal scan and the renewals list read. */
public record ContractedTool(
    long toolId,
    String name,
    String vendor,
    String owner,
    String currency,
    ToolContract contract) {}
