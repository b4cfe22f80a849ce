package com.tandem.inventory;

import com.tandem.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The capability taxonomy and the tools the company owns, for every signed-in user: intake forms
 * offer the capabilities, and a requester should see what we already have before asking.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Inventory", description = "Capability taxonomy and owned tools")
public class InventoryController {

  private final InventoryService inventory;
  private final CustodyGaps custodyGaps;

  public InventoryController(InventoryService inventory, CustodyGaps custodyGaps) {
    this.inventory = inventory;
    this.custodyGaps = custodyGaps;
  }

  @Operation(
      summary =
          "Open custody gaps: tools onboarded without single sign-on or without a signed"
              + " data-processing agreement, with the reason given")
  @GetMapping("/inventory/custody-gaps")
  public List<CustodyGap> custodyGaps() {
    return custodyGaps.open();
  }

  @Operation(summary = "The capability taxonomy (code, name), ordered by name")
  @GetMapping("/capabilities")
  public List<Capability> capabilities() {
    return inventory.capabilities();
  }

  @Operation(
      summary = "Tools of the inventory (all statuses), optionally those covering a capability")
  @GetMapping("/inventory/tools")
  public List<Tool> tools(
      @Parameter(description = "a capability code, e.g. email-marketing")
          @RequestParam(required = false)
          String capability) {
    if (capability == null || capability.isBlank()) {
      return inventory.tools(Optional.empty());
    }
    String code = capability.strip();
    if (code.length() > 64 || !inventory.isKnownCapability(code)) {
      throw ApiException.badInput(
          "capability", "unknown capability code (see GET /api/capabilities)");
    }
    return inventory.tools(Optional.of(code));
  }
}
