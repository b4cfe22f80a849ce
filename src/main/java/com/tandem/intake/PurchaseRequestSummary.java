package com.tandem.intake;

import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request in a list: enough to show a row and link to {@code GET /api/purchase-requests/{id}}.
 */
public record PurchaseRequestSummary(
    String id,
    RequestStatus status,
    String requester,
    String toolName,
    String vendor,
    List<String> capabilities,
    BigDecimal annualLicenseCost,
    BigDecimal implementationCost,
    String currency,
    LocalDate neededBy,
    Instant createdAt,
    Instant updatedAt) {

  static PurchaseRequestSummary of(PurchaseRequest r) {
    var d = r.data();
    return new PurchaseRequestSummary(
        r.id(),
        r.status(),
        r.requester(),
        d.toolName(),
        d.vendor(),
        d.capabilities(),
        d.annualLicenseCost(),
        d.implementationCost(),
        d.currency(),
        d.neededBy(),
        r.createdAt(),
        r.updatedAt());
  }

  /** A page of requests: its items and where it lies in the whole list. */
  public record Page(
      List<PurchaseRequestSummary> items, int page, int size, long totalItems, int totalPages) {}
}
