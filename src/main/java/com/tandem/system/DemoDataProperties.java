package com.tandem.system;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.demo-data.*}: whether the demo users, groups, inventory and budgets are created at
 * start (on in the default H2 run, off in the mysql profile), and the demo users' password.
 */
@Validated
@ConfigurationProperties("tandem.demo-data")
public record DemoDataProperties(
    @DefaultValue("false") boolean enabled, @DefaultValue("demo") @NotBlank String password) {}
