package com.tandem.discovery;

import java.math.BigDecimal;

/** Money seen spent, in the currency it was paid in. */
public record Spend(String currency, BigDecimal amount) {}
