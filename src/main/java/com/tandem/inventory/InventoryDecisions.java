package com.tandem.inventory;

import static com.tandem.process.PurchaseProcess.NEW_TOOL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;
import static com.tandem.process.PurchaseProcess.USE_EXISTING_TOOL;

import com.tandem.process.PurchaseProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import com.tandem.request.RequestRegistry;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The requester's answer to the overlaps found: use a tool we own, or explain why a new one is
 * needed; the explanation is kept with the request for the reviewers.
 */
@Component
class InventoryDecisions implements TaskDecisions {

  private final RequestRegistry registry;

  InventoryDecisions(RequestRegistry registry) {
    this.registry = registry;
  }

  @Override
  public List<TaskDecision> decisions() {
    return List.of(
        new TaskDecision(
                PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
                "INVENTORY",
                USE_EXISTING_TOOL,
                Set.of("true", "false"),
                NEW_TOOL_JUSTIFICATION,
                Set.of("false"))
            .withCommentMissing(
                "Please tell the reviewers why the tools we own do not fit (newToolJustification).")
            .recordedAs(
                (task, decision, justification) -> {
                  registry.setNewToolJustification(REQUEST_ID.get(task), justification);
                  return new TaskDecision.Recorded(
                      Boolean.parseBoolean(decision) ? "USE_EXISTING_TOOL" : "NEW_TOOL_NEEDED",
                      justification);
                }));
  }
}
