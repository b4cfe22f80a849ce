package com.tandem.request;

/**
 * A request's tool is onboarded and the request ACTIVE: the tool becomes ACTIVE in the inventory,
 * the holds become commitments, the requester is told. Published inside the transaction that
 * activated it; listeners must be idempotent.
 */
public record RequestActivated(PurchaseRequest request) {}
