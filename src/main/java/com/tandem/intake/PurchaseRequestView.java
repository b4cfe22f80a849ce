package com.tandem.intake;

import com.tandem.discovery.RequestUsage;
import com.tandem.request.Decision;
import com.tandem.request.PersonalData;
import com.tandem.request.PurchaseRequest;
import com.tandem.request.RecordedOverlap;
import com.tandem.request.RequestStatus;
import com.tandem.request.SsoSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A request as {@code GET /api/purchase-requests/{id}} shows it: the submitted fields, where it
 * stands ({@code status}, {@code openTasks}) and what happened to it ({@code decisions}, {@code
 * overlaps}, and {@code usageSeen}: what discovery already saw of the tool in use, or null).
 */
public record PurchaseRequestView(
    String id,
    RequestStatus status,
    String requester,
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
    boolean dataExportSupported,
    String newToolJustification,
    Instant createdAt,
    Instant updatedAt,
    List<OpenTask> openTasks,
    List<Decision> decisions,
    List<RecordedOverlap> overlaps,
    RequestUsage usageSeen,
    Map<String, String> people) {

  /**
   * A task waiting on someone: in the request's process or in one it called. {@code group} and
   * {@code assignee} are ids; {@code groupName} and {@code assigneeName} what people read.
   */
  public record OpenTask(
      String taskId,
      String key,
      String name,
      String group,
      String groupName,
      String assignee,
      String assigneeName,
      Instant created) {}

  /**
   * {@code people}: the name of every user the view mentions by id (the requester, who decided), so
   * that a page shows "Casey Marketing-Officer", not "cmo".
   */
  static PurchaseRequestView of(
      PurchaseRequest request,
      List<OpenTask> openTasks,
      List<Decision> decisions,
      List<RecordedOverlap> overlaps,
      RequestUsage usageSeen,
      Map<String, String> people) {
    var data = request.data();
    return new PurchaseRequestView(
        request.id(),
        request.status(),
        request.requester(),
        data.toolName(),
        data.vendor(),
        data.vendorUrl(),
        data.capabilities(),
        data.businessJustification(),
        data.annualLicenseCost(),
        data.implementationCost(),
        data.currency(),
        data.seats(),
        data.contractTermMonths(),
        data.neededBy(),
        data.personalData(),
        data.sso(),
        data.integrations(),
        data.dataExportSupported(),
        request.newToolJustification(),
        request.createdAt(),
        request.updatedAt(),
        openTasks,
        decisions,
        overlaps,
        usageSeen,
        people);
  }
}
