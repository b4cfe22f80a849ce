package com.tandem.shadowit;

/**
 * What the shadow-IT review needs of the findings discovery keeps (PRODUCT.md §5): what is known
 * about one, and setting its status as the review moves. Discovery owns the findings; its service
 * is plugged in behind this port (see {@link UnwiredFindings}).
 */
public interface Findings {

  /** What is known about the finding; fails when there is no such finding. */
  FindingSummary describe(String findingId);

  /**
   * Sets the finding's status. Idempotent: setting the status it has changes nothing.
   *
   * @param reason why, when the status needs one (DISMISSED: the CMO's office's comment); else null
   */
  void setStatus(String findingId, FindingStatus status, String reason);
}
