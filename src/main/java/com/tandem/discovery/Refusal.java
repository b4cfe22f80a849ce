package com.tandem.discovery;

/** A line of an import that was refused, and why, in words the importer can act on. */
public record Refusal(int line, String reason) {}
