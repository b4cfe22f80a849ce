package com.tandem.intake;

import com.tandem.request.PurchaseRequest;
import com.tandem.request.RequestStatus;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/purchase-requests}: the front door for intake forms (PRODUCT.md §4). Marketing
 * submits and sees and withdraws its own requests; the reviewing roles read every request; admins
 * do everything. See docs/api.md.
 */
@RestController
@RequestMapping(path = "/api/purchase-requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Purchase requests",
    description = "Submit, follow and withdraw martech purchase requests")
public class PurchaseRequestController {

  static final int MAX_PAGE_SIZE = 100;
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");
  private static final String EXAMPLE =
      """
      {
        "toolName": "Eventful", "vendor": "Eventful Inc.", "vendorUrl": "https://eventful.example",
        "capabilities": ["event-management"],
        "businessJustification": "Run our webinar programme in-house.",
        "annualLicenseCost": 12000.00, "implementationCost": 3000.00, "currency": "USD",
        "seats": 5, "contractTermMonths": 12, "neededBy": "2027-02-01",
        "personalData": "NONE", "sso": "SAML", "integrations": ["crm"], "dataExportSupported": true
      }""";

  private final PurchaseRequestService requests;
  private final IdentityService identityService;

  public PurchaseRequestController(
      PurchaseRequestService requests, IdentityService identityService) {
    this.requests = requests;
    this.identityService = identityService;
  }

  @Operation(
      summary = "Submit a request as the signed-in user (group marketing, or an admin)",
      responses = {
        @ApiResponse(responseCode = "201", description = "registered; Location names it"),
        @ApiResponse(
            responseCode = "200",
            description =
                "a retry with a known Idempotency-Key and the same body: the first request"),
        @ApiResponse(
            responseCode = "400",
            description = "bad input; errors name each field",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description = "the Idempotency-Key was used with another body",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "413",
            description = "body over 64 KiB",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "415",
            description = "body not application/json",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<PurchaseRequestView> submit(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = PurchaseRequestSubmission.class),
                      examples = @ExampleObject(name = "event-management tool", value = EXAMPLE)))
          @Valid
          @RequestBody
          PurchaseRequestSubmission body,
      @Parameter(
              description =
                  "makes a retry safe: same key and body return the first request; up to 128 visible ASCII characters")
          @RequestHeader(name = "Idempotency-Key", required = false)
          String idempotencyKey) {
    ApiCaller caller = ApiCaller.current(identityService);
    if (!caller.maySubmit()) {
      throw ApiException.forbidden("Only marketing (and administrators) submit purchase requests.");
    }
    if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
      throw ApiException.badInput(
          "Idempotency-Key", "must be 1 to 128 visible ASCII characters, e.g. a UUID");
    }
    try {
      var submitted = requests.submit(caller, body, idempotencyKey);
      PurchaseRequest request = requests.find(submitted.requestId()).orElseThrow();
      return ResponseEntity.status(submitted.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
          .location(URI.create("/api/purchase-requests/" + submitted.requestId()))
          .header("Idempotent-Replayed", String.valueOf(submitted.replayed()))
          .body(requests.view(request));
    } finally {
      MDC.remove("requestId");
    }
  }

  @Operation(summary = "A request: its fields, status, open tasks, decisions and overlaps")
  @GetMapping("/{id}")
  public PurchaseRequestView get(@PathVariable String id) {
    return requests.view(readable(id));
  }

  @Operation(summary = "A page of requests, newest first; marketing sees only its own")
  @GetMapping
  public PurchaseRequestSummary.Page list(
      @Parameter(description = "one of the request statuses") @RequestParam(required = false)
          String status,
      @Parameter(description = "user id of the requester") @RequestParam(required = false)
          String requester,
      @Parameter(description = "0-based") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
    ApiCaller caller = ApiCaller.current(identityService);
    if (page < 0 || page > 1_000_000) {
      throw ApiException.badInput("page", "must be between 0 and 1000000");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw ApiException.badInput("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    RequestStatus wanted = null;
    if (status != null && !status.isBlank()) {
      wanted =
          Arrays.stream(RequestStatus.values())
              .filter(s -> s.name().equals(status.strip()))
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.badInput(
                          "status",
                          "must be one of "
                              + Arrays.stream(RequestStatus.values())
                                  .map(Enum::name)
                                  .collect(Collectors.joining(", "))));
    }
    String whose = requester == null || requester.isBlank() ? null : requester.strip();
    if (!caller.mayReadAllRequests()) {
      if (whose != null && !whose.equals(caller.userId())) {
        throw ApiException.forbidden("You may list only your own requests.");
      }
      whose = caller.userId();
    }
    return requests.page(wanted, whose, page, size);
  }

  @Operation(
      summary = "Withdraw a request (its requester or an admin), until onboarding starts",
      responses = {
        @ApiResponse(
            responseCode = "202",
            description = "withdrawn; the status becomes WITHDRAWN as the process closes it"),
        @ApiResponse(
            responseCode = "409",
            description = "no longer withdrawable",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping("/{id}/withdraw")
  public ResponseEntity<PurchaseRequestView> withdraw(
      @PathVariable String id, @Valid @RequestBody(required = false) WithdrawalCommand body) {
    ApiCaller caller = ApiCaller.current(identityService);
    PurchaseRequest request = find(id);
    if (!caller.mayWithdraw(request.requester())) {
      throw ApiException.forbidden("Only the requester (or an administrator) withdraws a request.");
    }
    requests.withdraw(request, caller.userId(), body == null ? null : body.reason());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(requests.view(find(id)));
  }

  private PurchaseRequest readable(String id) {
    ApiCaller caller = ApiCaller.current(identityService);
    PurchaseRequest request = find(id);
    if (!caller.mayRead(request.requester())) {
      throw ApiException.forbidden("You may read only your own requests.");
    }
    return request;
  }

  private PurchaseRequest find(String id) {
    return requests
        .find(id)
        .orElseThrow(() -> ApiException.notFound("There is no purchase request " + id + "."));
  }
}
