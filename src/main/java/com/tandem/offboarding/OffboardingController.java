package com.tandem.offboarding;

import com.tandem.request.TandemGroups;
import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One tool of the inventory with its offboarding record (every signed-in user, like the inventory
 * list), and the start of its offboarding (it-leadership and admins). See docs/api.md.
 */
@RestController
@RequestMapping(path = "/api/inventory/tools", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inventory", description = "Capability taxonomy and owned tools")
public class OffboardingController {

  private final OffboardingService offboarding;
  private final IdentityService identityService;

  public OffboardingController(OffboardingService offboarding, IdentityService identityService) {
    this.offboarding = offboarding;
    this.identityService = identityService;
  }

  @Operation(
      summary = "One tool: its inventory fields, integrations and offboarding record(s)",
      responses = {
        @ApiResponse(responseCode = "200", description = "the tool"),
        @ApiResponse(
            responseCode = "404",
            description = "no such tool",
            content = @Content(mediaType = "application/problem+json"))
      })
  @GetMapping("/{id}")
  public ToolRecord tool(@PathVariable String id) {
    long toolId = toolId(id);
    return offboarding
        .toolRecord(toolId)
        .orElseThrow(() -> ApiException.notFound("There is no tool " + toolId + "."));
  }

  @Operation(
      summary = "Offboard an ACTIVE tool (it-leadership, admins): starts tool-offboarding",
      responses = {
        @ApiResponse(
            responseCode = "202",
            description =
                "offboarding started: its record (id OFF-…, status RUNNING); Location is the tool"),
        @ApiResponse(
            responseCode = "400",
            description = "no reason, or one over 4000 characters",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "403",
            description = "not it-leadership nor an admin",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "404",
            description = "no such tool",
            content = @Content(mediaType = "application/problem+json")),
        @ApiResponse(
            responseCode = "409",
            description = "the tool is not ACTIVE, or is being offboarded already",
            content = @Content(mediaType = "application/problem+json"))
      })
  @PostMapping(path = "/{id}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Offboarding> retire(
      @PathVariable String id, @RequestBody(required = false) RetireCommand body) {
    ApiCaller caller = ApiCaller.current(identityService);
    if (!caller.isAdmin() && !caller.groups().contains(TandemGroups.IT_LEADERSHIP)) {
      throw ApiException.forbidden("Only IT leadership (or an administrator) retires a tool.");
    }
    long toolId = toolId(id);
    if (body == null || body.reason() == null || body.reason().isBlank()) {
      throw ApiException.badInput("reason", "must not be blank: say why the tool is retired");
    }
    if (body.reason().strip().length() > OffboardingService.MAX_REASON) {
      throw ApiException.badInput("reason", "must be at most 4000 characters");
    }
    if (body.reason()
        .chars()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw ApiException.badInput("reason", "must not contain control characters");
    }
    Offboarding started = offboarding.start(toolId, body.reason().strip(), caller.userId());
    MDC.put("requestId", started.id());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/inventory/tools/" + toolId))
        .body(started);
  }

  private static long toolId(String id) {
    try {
      long toolId = Long.parseLong(id);
      if (toolId > 0) {
        return toolId;
      }
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw ApiException.badInput(
        "id", "must be the number of a tool (see GET /api/inventory/tools)");
  }
}
