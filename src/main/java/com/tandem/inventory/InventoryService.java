package com.tandem.inventory;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The company's inventory of martech tools and the capability taxonomy. Tandem ships a
 * database-backed implementation; a company's own CMDB can be plugged in instead (see
 * docs/plug-in-services.md, "Plugging in your own inventory or budget system").
 *
 * <p>Every method that changes something is idempotent per request: calling it again for the same
 * request id changes nothing more.
 */
public interface InventoryService {

  /** The capability taxonomy, ordered by name. */
  List<Capability> capabilities();

  /** Whether {@code code} is a capability of the taxonomy. */
  boolean isKnownCapability(String code);

  /** Tools of the inventory, all statuses, optionally only those covering {@code capability}. */
  List<Tool> tools(Optional<String> capability);

  /**
   * ACTIVE tools that cover any of {@code capabilities}, and ACTIVE tools of the same vendor
   * (vendor names compared the way people write them: "HubSpot, Inc." is "Hubspot"). One entry per
   * tool; a tool found both ways is reported as {@link OverlapReason#CAPABILITY}.
   */
  List<Overlap> findOverlaps(String vendor, Collection<String> capabilities);

  /**
   * Registers the tool a request buys with status PROCUREMENT. Idempotent per request id: a second
   * call returns the entry the first one made.
   */
  Tool registerProcurement(String requestId, NewTool tool);

  /**
   * Registers a tool already in use that a shadow-IT finding brought to light, as ACTIVE with the
   * owner its review assigned (it is adopted, or about to be offboarded, which needs an inventory
   * entry). Idempotent per finding id: a second call returns the entry the first one made; {@link
   * #toolOfRequest} finds it by the finding id.
   */
  Tool registerInUse(String findingId, NewTool tool);

  /** Moves the request's PROCUREMENT entry to ACTIVE. Idempotent. */
  void activate(String requestId);

  /** Removes the request's entry if it is still in PROCUREMENT. Idempotent; no entry is fine. */
  void discardProcurement(String requestId);

  /** The tool with this id, whatever its status. */
  default Optional<Tool> tool(long toolId) {
    return tools(Optional.empty()).stream().filter(tool -> tool.id() == toolId).findFirst();
  }

  /**
   * The integrations recorded on the tool (the systems it is connected to, e.g. "Salesforce Sales
   * Cloud"), by name; empty when none are recorded.
   */
  default List<String> integrations(long toolId) {
    return List.of();
  }

  /**
   * Retires an ACTIVE tool: it stays in the inventory, with its history, as RETIRED; it is never
   * deleted. Idempotent: a RETIRED tool stays as it is.
   *
   * @throws IllegalStateException when the tool is unknown or in PROCUREMENT
   */
  void retire(long toolId);

  /** The tool's contract (PRODUCT.md §7), if the inventory has one. */
  default Optional<ToolContract> contract(long toolId) {
    return Optional.empty();
  }

  /**
   * Replaces the tool's contract (its annual cost and renewal date follow it). Idempotent.
   *
   * @throws IllegalArgumentException when {@link ToolContract#problems()} is not empty
   * @throws java.util.NoSuchElementException when there is no such tool
   */
  default void setContract(long toolId, ToolContract contract) {
    throw new UnsupportedOperationException("This inventory keeps no contracts");
  }

  /**
   * ACTIVE tools whose notice date ({@code contractEnd − noticePeriodDays}) is {@code date} or
   * earlier: the renewal scan's candidates. Ordered by notice date.
   */
  default List<ContractedTool> contractsWithNoticeBy(LocalDate date) {
    return List.of();
  }

  /** ACTIVE tools whose contract ends on {@code date} or earlier, ordered by contract end. */
  default List<ContractedTool> contractsEndingBy(LocalDate date) {
    return List.of();
  }

  /** The entry a request (or a shadow-IT finding) registered, if any. */
  Optional<Tool> toolOfRequest(String requestId);

  /**
   * Turns capability codes into the names people read, e.g. "Email marketing, CRM"; a code the
   * taxonomy lacks is shown as it is. The taxonomy is read once per call of this method: use the
   * function for as many lists as needed.
   */
  default Function<List<String>, String> capabilityNames() {
    Map<String, String> names =
        capabilities().stream()
            .collect(Collectors.toMap(Capability::code, Capability::name, (a, b) -> a));
    return codes ->
        codes.stream()
            .map(code -> names.getOrDefault(code, code))
            .collect(Collectors.joining(", "));
  }
}
