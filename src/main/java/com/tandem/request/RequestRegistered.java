package com.tandem.request;

/**
 * A request was registered and has its id, whichever way it came in (Tandem's API, the intake page,
 * Tasklist's start form, engine REST). Published inside the start's transaction; listeners must be
 * idempotent.
 */
public record RequestRegistered(PurchaseRequest request) {}
