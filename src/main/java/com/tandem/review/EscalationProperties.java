package com.tandem.review;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.escalation.leadership.<group>}: the users a late review of {@code <group>} is
 * escalated to. A group without an entry escalates to the administrators' group.
 */
@ConfigurationProperties("tandem.escalation")
public record EscalationProperties(@DefaultValue Map<String, List<String>> leadership) {}
