package com.tandem.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tandem.api.*}: limits of Tandem's REST API (see application.yaml for what each means).
 *
 * @param maxBodyBytes request bodies above this many bytes are refused with 413
 * @param authCacheTtl how long a successful HTTP Basic check is remembered; zero checks every call
 * @param maxConcurrentSubmissions submissions registered in parallel
 * @param submissionWait how long a submission waits for a free slot before it gets 503
 */
@Validated
@ConfigurationProperties("tandem.api")
public record ApiProperties(
    @DefaultValue("65536") @Min(1024) int maxBodyBytes,
    @DefaultValue("PT30S") @NotNull Duration authCacheTtl,
    @DefaultValue("8") @Min(1) int maxConcurrentSubmissions,
    @DefaultValue("PT10S") @NotNull Duration submissionWait) {}
