package com.tandem.discovery;

import java.util.List;

/** Usage evidence of an owned tool in one fiscal year: people seen and money seen spent on it. */
public record ToolUsage(
    long toolId, int fiscalYear, int sightings, int usersSeen, List<Spend> spendSeen) {}
