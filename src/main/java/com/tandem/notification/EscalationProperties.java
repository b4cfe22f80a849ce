package com.tandem.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.escalation.leadership.<group>}: the users a late review of {@code <group>} is
 * escalated to. A group without an entry escalates to the administrators' group.
 */
@Validated
@ConfigurationProperties("tandem.escalation")
public record EscalationProperties(
    @DefaultValue @NotNull Map<String, List<@NotBlank String>> leadership) {}
