package com.tandem.web;

/**
 * Marks a request body that the API reads strictly (see {@link ApiWebConfig#strictJsonConverter}):
 * unknown fields, numbers for text, text for numbers, fractions for counts, NaN, duplicate keys,
 * deep nesting and trailing garbage are refused instead of being guessed at.
 */
public interface StrictJson {}
