package com.tandem.inventory;

import com.tandem.process.BoundedText;
import com.tandem.request.People;
import com.tandem.request.PurchaseRequest;
import com.tandem.request.RecordedOverlap;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The inventory check of one request: the ACTIVE tools we own that cover a requested capability or
 * come from its vendor, and the other requests still open for the same capability or vendor (two
 * teams asking for event management at once should hear of each other). What it finds is recorded
 * whole on the request; the summary for the forms is fitted to a String variable.
 */
@Component
public class OverlapCheck {

  /** What the check found, and the summary the forms show. */
  public record Result(List<RecordedOverlap> overlaps, boolean ownedToolsFound, String summary) {}

  static final String NOTHING_FOUND =
      "No tool we own and no other open request covers this request.";

  private final InventoryService inventory;
  private final RequestRegistry registry;
  private final People people;

  public OverlapCheck(InventoryService inventory, RequestRegistry registry, People people) {
    this.inventory = inventory;
    this.registry = registry;
    this.people = people;
  }

  public Result check(PurchaseRequest request) {
    var data = request.data();
    List<RecordedOverlap> found = new ArrayList<>();
    for (Overlap o : inventory.findOverlaps(data.vendor(), data.capabilities())) {
      found.add(
          RecordedOverlap.ownedTool(
              o.toolId(), o.toolName(), o.vendor(), o.reason().name(), o.capabilities()));
    }
    boolean ownedToolsFound = !found.isEmpty();
    found.addAll(openRequests(request));
    return new Result(found, ownedToolsFound, summary(found));
  }

  /** Other requests not yet finished asking for a capability of this one, or for its vendor. */
  private List<RecordedOverlap> openRequests(PurchaseRequest request) {
    var data = request.data();
    String vendorKey = VendorNames.key(data.vendor());
    List<RecordedOverlap> found = new ArrayList<>();
    for (PurchaseRequest other : registry.open()) {
      if (other.id().equals(request.id()) || other.status().isFinal()) {
        continue;
      }
      List<String> shared =
          other.data().capabilities().stream().filter(data.capabilities()::contains).toList();
      boolean sameVendor =
          !vendorKey.isEmpty()
              && VendorNames.sameKey(vendorKey, VendorNames.key(other.data().vendor()));
      if (shared.isEmpty() && !sameVendor) {
        continue;
      }
      found.add(
          RecordedOverlap.openRequest(
              other.id(),
              other.data().toolName(),
              other.data().vendor(),
              shared.isEmpty() ? OverlapReason.VENDOR.name() : OverlapReason.CAPABILITY.name(),
              shared,
              other.requester(),
              other.status()));
    }
    return found;
  }

  /**
   * One line per overlap, in words, as many as a String variable holds; a long list ends with how
   * many more there are (the request lists them all).
   */
  String summary(List<RecordedOverlap> overlaps) {
    if (overlaps.isEmpty()) {
      return NOTHING_FOUND;
    }
    Function<List<String>, String> names = inventory.capabilityNames();
    List<String> lines =
        overlaps.stream()
            .map(
                o ->
                    o.concernsOpenRequest()
                        ? "• Already requested by %s in %s (%s from %s), status %s%s"
                            .formatted(
                                personName(o.requestedBy()),
                                o.requestId(),
                                o.toolName(),
                                o.vendor(),
                                statusInWords(o.requestStatus()),
                                o.capabilities().isEmpty()
                                    ? ": the same vendor"
                                    : ": " + names.apply(o.capabilities()))
                        : "CAPABILITY".equals(o.reason())
                            ? "• %s (%s) already covers: %s"
                                .formatted(o.toolName(), o.vendor(), names.apply(o.capabilities()))
                            : "• %s comes from the same vendor, %s"
                                .formatted(o.toolName(), o.vendor()))
            .toList();
    return BoundedText.list(
        lines,
        "\n",
        BoundedText.MAX_STRING,
        more -> "… and %d more (the request lists them all)".formatted(more));
  }

  /** The person's first and last name as Camunda knows them, else their user id. */
  String personName(String userId) {
    return people.userName(userId);
  }

  /** A request status as people say it: "in review", "board review". */
  public static String statusInWords(RequestStatus status) {
    return status == null
        ? "unknown"
        : switch (status) {
          case AWAITING_REQUESTER -> "waiting for the requester";
          case BUDGET_PROPOSAL -> "budget proposal";
          default -> status.name().toLowerCase(Locale.ENGLISH).replace('_', ' ');
        };
  }
}
