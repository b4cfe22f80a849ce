package com.tandem.request;

/**
 * The requester resubmitted a request with changes: {@code previousCapabilities} are the
 * capabilities (comma-separated codes, as stored) it named before. Published inside the
 * resubmission's transaction, after the new fields are written.
 */
public record RequestRevised(String requestId, String previousCapabilities) {}
