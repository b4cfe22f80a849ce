package com.tandem.board;

import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import com.tandem.web.SystemAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board packet of a case as a PDF, for those who decide on money: the board, marketing and IT
 * leadership, and admins (403 for everyone else, 404 for a case that does not exist). A purchase
 * request's under {@code /api/purchase-requests/{id}}, a shadow-IT finding's (its adoption before
 * the board) under {@code /api/discoveries/{id}}, a renewal's under {@code /api/renewals/{id}}.
 */
@RestController
@Tag(name = "Purchase requests")
public class BoardPacketController {

  private final BoardPacketPdf pdf;
  private final Cases cases;
  private final IdentityService identityService;
  private final SystemAccess system;

  public BoardPacketController(
      BoardPacketPdf pdf, Cases cases, IdentityService identityService, SystemAccess system) {
    this.pdf = pdf;
    this.cases = cases;
    this.identityService = identityService;
    this.system = system;
  }

  @Operation(
      summary =
          "The board packet of a request as a PDF; board, marketing and IT leadership, admins")
  @GetMapping(
      path = "/api/purchase-requests/{id}/board-packet.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> boardPacket(@PathVariable String id) {
    return pdfOf(id, BudgetCase::request, "There is no purchase request " + id + ".");
  }

  @Operation(
      summary =
          "The board packet of a shadow-IT finding whose adoption needs the board, as a PDF; board,"
              + " marketing and IT leadership, admins")
  @Tag(name = "Discovery")
  @GetMapping(
      path = "/api/discoveries/{id}/board-packet.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> findingBoardPacket(@PathVariable String id) {
    return pdfOf(id, BudgetCase::inUse, "There is no shadow-IT finding " + id + " under review.");
  }

  @Operation(
      summary =
          "The board packet of a renewal whose next term needs the board, as a PDF; board,"
              + " marketing and IT leadership, admins")
  @Tag(name = "Renewals")
  @GetMapping(
      path = "/api/renewals/{id}/board-packet.pdf",
      produces = MediaType.APPLICATION_PDF_VALUE)
  public ResponseEntity<byte[]> renewalBoardPacket(@PathVariable String id) {
    return pdfOf(id, BudgetCase::renewing, "There is no renewal " + id + ".");
  }

  private ResponseEntity<byte[]> pdfOf(
      String id, Function<BudgetCase, Object> ofKind, String notFound) {
    if (!ApiCaller.current(identityService).mayReadBudgets()) {
      throw ApiException.forbidden(
          "The board packet is open to the board, marketing and IT leadership and administrators.");
    }
    // the case of a finding is read from its review's history, reserved to administrators
    if (system.call(() -> cases.find(id)).map(ofKind).isEmpty()) {
      throw ApiException.notFound(notFound);
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("board-packet-" + id + ".pdf").build().toString())
        // the role was checked above; the packet reads the case's history, which Camunda's
        // authorizations reserve to administrators
        .body(system.call(() -> pdf.forRequest(id)));
  }
}
