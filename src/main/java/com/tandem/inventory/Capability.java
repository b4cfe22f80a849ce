package com.tandem.inventory;

/** A capability of the taxonomy, e.g. {@code email-marketing}. */
public record Capability(String code, String name) {}
