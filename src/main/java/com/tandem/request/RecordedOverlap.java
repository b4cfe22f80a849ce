package com.tandem.request;

import java.util.List;

/**
 * Something found overlapping with the request at the inventory check: a tool we own ({@link
 * #OWNED_TOOL}: {@code toolId}, its name and vendor) or another request still open ({@link
 * #OPEN_REQUEST}: {@code requestId}, its tool, vendor, requester and current status).
 *
 * @param reason CAPABILITY (it covers a requested capability) or VENDOR (same vendor)
 * @param capabilities the requested capabilities it covers
 */
public record RecordedOverlap(
    String kind,
    Long toolId,
    String toolName,
    String vendor,
    String reason,
    List<String> capabilities,
    String requestId,
    String requestedBy,
    RequestStatus requestStatus) {

  public static final String OWNED_TOOL = "OWNED_TOOL";
  public static final String OPEN_REQUEST = "OPEN_REQUEST";

  public static RecordedOverlap ownedTool(
      long toolId, String toolName, String vendor, String reason, List<String> capabilities) {
    return new RecordedOverlap(
        OWNED_TOOL, toolId, toolName, vendor, reason, capabilities, null, null, null);
  }

  public static RecordedOverlap openRequest(
      String requestId,
      String toolName,
      String vendor,
      String reason,
      List<String> capabilities,
      String requestedBy,
      RequestStatus status) {
    return new RecordedOverlap(
        OPEN_REQUEST, null, toolName, vendor, reason, capabilities, requestId, requestedBy, status);
  }

  /** Whether this is another open request (not named isOpenRequest: it is no JSON field). */
  public boolean concernsOpenRequest() {
    return OPEN_REQUEST.equals(kind);
  }
}
