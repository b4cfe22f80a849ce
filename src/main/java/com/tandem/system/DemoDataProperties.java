package com.tandem.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tandem.demo-data.*}: whether the demo users, groups, inventory and budgets are created at
 * start (on in the default H2 run, off in the mysql profile), and the demo users' password.
 */
@ConfigurationProperties("tandem.demo-data")
public record DemoDataProperties(
    @DefaultValue("false") boolean enabled, @DefaultValue("demo") String password) {}
