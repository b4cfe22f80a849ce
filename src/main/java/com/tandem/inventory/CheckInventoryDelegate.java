package com.tandem.inventory;

import static com.tandem.process.PurchaseProcess.OVERLAPS_FOUND;
import static com.tandem.process.PurchaseProcess.OVERLAP_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import com.tandem.request.RecordedOverlap;
import com.tandem.request.RequestRegistry;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Looks for owned ACTIVE tools that already cover what the request asks for. */
@Component
public class CheckInventoryDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(CheckInventoryDelegate.class);
  private final InventoryService inventory;
  private final RequestRegistry registry;

  public CheckInventoryDelegate(InventoryService inventory, RequestRegistry registry) {
    super("check the inventory for tools that overlap with it");
    this.inventory = inventory;
    this.registry = registry;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String requestId = REQUEST_ID.get(execution);
    var request = registry.get(requestId);
    List<Overlap> overlaps =
        inventory.findOverlaps(request.data().vendor(), request.data().capabilities());
    registry.replaceOverlaps(
        requestId,
        overlaps.stream()
            .map(
                o ->
                    new RecordedOverlap(
                        o.toolId(), o.toolName(), o.vendor(), o.reason().name(), o.capabilities()))
            .toList());
    OVERLAPS_FOUND.set(execution, !overlaps.isEmpty());
    OVERLAP_SUMMARY.set(
        execution, overlaps.isEmpty() ? "No tool we own covers this request." : describe(overlaps));
    LOG.info("Request {}: {} overlapping tool(s) in the inventory", requestId, overlaps.size());
  }

  private String describe(List<Overlap> overlaps) {
    Function<List<String>, String> names = inventory.capabilityNames();
    return overlaps.stream()
        .map(
            overlap ->
                switch (overlap.reason()) {
                  case CAPABILITY ->
                      "• %s (%s) already covers: %s"
                          .formatted(
                              overlap.toolName(),
                              overlap.vendor(),
                              names.apply(overlap.capabilities()));
                  case VENDOR ->
                      "• %s comes from the same vendor, %s"
                          .formatted(overlap.toolName(), overlap.vendor());
                })
        .collect(Collectors.joining("\n"));
  }
}
