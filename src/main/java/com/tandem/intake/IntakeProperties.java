package com.tandem.intake;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.intake.*}.
 *
 * @param maxAmount the largest licence or implementation cost an intake may state; more is refused
 *     as absurd
 */
@Validated
@ConfigurationProperties("tandem.intake")
public record IntakeProperties(@DefaultValue("10000000") @NotNull @Positive BigDecimal maxAmount) {}
