package com.tandem.request;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A martech purchase request as the registry keeps it. */
public record PurchaseRequest(
    String id,
    String processInstanceId,
    String requester,
    RequestStatus status,
    IntakeData data,
    String newToolJustification,
    Instant createdAt,
    Instant updatedAt) {

  /** What the requester filled in; the same at intake and after a revision. */
  public record IntakeData(
      String toolName,
      String vendor,
      String vendorUrl,
      List<String> capabilities,
      String businessJustification,
      BigDecimal annualLicenseCost,
      BigDecimal implementationCost,
      String currency,
      int seats,
      int contractTermMonths,
      LocalDate neededBy,
      PersonalData personalData,
      SsoSupport sso,
      List<String> integrations,
      boolean dataExportSupported) {

    /** First-year cost: the licence plus the implementation. */
    public BigDecimal totalFirstYearCost() {
      return annualLicenseCost.add(implementationCost);
    }
  }
}
