package com.tandem.request;

import java.time.Instant;

/** A decision taken on a request: which stage, what, by whom, when, and why. */
public record Decision(String stage, String decision, String by, Instant at, String comment) {}
