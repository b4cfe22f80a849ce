package com.tandem.intake;

import com.tandem.intake.PurchaseRequestView.OpenTask;
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
    Instant updatedAt,
    String requesterName,
    List<OpenTask> waitingFor,
    boolean withdrawable) {

  /**
   * A row of the list: the request, who it waits for ({@code waitingFor}: its open tasks with group
   * and assignee names and since when; empty while Tandem works by itself or once it ended) and
   * whether its requester may still withdraw it.
   */
  static PurchaseRequestSummary of(
      PurchaseRequest r, String requesterName, List<OpenTask> waitingFor) {
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
        r.updatedAt(),
        requesterName,
        waitingFor,
        r.status().isWithdrawable());
  }

  /** A page of requests: its items and where it lies in the whole list. */
  public record Page(
      List<PurchaseRequestSummary> items, int page, int size, long totalItems, int totalPages) {}
}
