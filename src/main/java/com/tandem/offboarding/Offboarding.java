package com.tandem.offboarding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The record of one offboarding ({@code OFF-<year>-<5 digits>}): why and by whom it was started,
 * what was exported (or why nothing was), what was revoked, the vendor's deletion confirmation.
 * Parts not done yet are null.
 *
 * @param ownerContact the user mailed when the tool is retired: the requester of the purchase
 *     request that brought the tool in, or, for a tool without one, whoever started the offboarding
 */
public record Offboarding(
    String id,
    long toolId,
    OffboardingStatus status,
    String reason,
    String originCaseId,
    String startedBy,
    Instant startedAt,
    String ownerContact,
    Export export,
    Revocation revocation,
    Deletion deletion,
    Instant finishedAt) {

  /** The data brought out of the tool, or why there was none. */
  public record Export(
      boolean noDataHeld,
      String noDataReason,
      String location,
      String format,
      Long recordCount,
      String verifiedBy,
      String recordedBy,
      Instant recordedAt) {}

  /** Access taken away: SSO, API keys, and each integration recorded on the tool. */
  public record Revocation(
      Boolean ssoRemoved,
      Boolean apiKeysRevoked,
      List<IntegrationCut> integrations,
      String recordedBy,
      Instant recordedAt) {}

  /** One integration of the tool and whether it was confirmed disconnected. */
  public record IntegrationCut(String integration, boolean disconnected) {}

  /** The vendor's confirmation that our data is deleted. */
  public record Deletion(
      LocalDate confirmedOn,
      String reference,
      String recordedBy,
      Instant recordedAt,
      Instant escalatedAt) {}
}
