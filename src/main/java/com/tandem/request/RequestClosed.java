package com.tandem.request;

/**
 * A request ended without becoming ACTIVE (its status says how). Whatever was placed for it must be
 * taken back: holds released, a PROCUREMENT inventory entry removed; the requester is told.
 * Published inside the transaction that closed it; listeners must be idempotent.
 */
public record RequestClosed(PurchaseRequest request) {}
