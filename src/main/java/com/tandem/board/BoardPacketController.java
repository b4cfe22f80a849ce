package com.tandem.board;

import com.tandem.request.RequestRegistry;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import com.tandem.web.SystemAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The board packet of a request as a PDF, for those who decide on money: the board, marketing and
 * IT leadership, and admins (403 for everyone else, 404 for a request that does not exist).
 */
@RestController
@Tag(name = "Purchase requests")
public class BoardPacketController {

  private final BoardPacketPdf pdf;
  private final RequestRegistry registry;
  private final IdentityService identityService;
  private final SystemAccess system;

  public BoardPacketController(
      BoardPacketPdf pdf,
      RequestRegistry registry,
      IdentityService identityService,
      SystemAccess system) {
    this.pdf = pdf;
    this.registry = registry;
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
    if (!ApiCaller.current(identityService).mayReadBudgets()) {
      throw ApiException.forbidden(
          "The board packet is open to the board, marketing and IT leadership and administrators.");
    }
    if (registry.find(id).isEmpty()) {
      throw ApiException.notFound("There is no purchase request " + id + ".");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("board-packet-" + id + ".pdf").build().toString())
        // the role was checked above; the packet reads the request's history, which Camunda's
        // authorizations reserve to administrators
        .body(system.call(() -> pdf.forRequest(id)));
  }
}
