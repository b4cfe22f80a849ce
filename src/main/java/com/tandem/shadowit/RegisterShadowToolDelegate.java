package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.ShadowItProcess.DECIDED_BY;
import static com.tandem.process.ShadowItProcess.FINDING_ID;
import static com.tandem.process.ShadowItProcess.OFFBOARDING_REASON;
import static com.tandem.process.ShadowItProcess.REPLACEMENT_TOOL_ID;
import static com.tandem.process.ShadowItProcess.REQUESTED_BY;
import static com.tandem.process.ShadowItProcess.SHADOW_DECISION;
import static com.tandem.process.ShadowItProcess.TOOL_ID;

import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.process.RequestStep;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * REPLACE or SUNSET: only a tool of the inventory can be offboarded, so the tool found in use is
 * registered (ACTIVE, with the owner its review assigned, no budget) and handed to {@code
 * tool-offboarding} with the reason and the IT leader who decided.
 */
@Component
public class RegisterShadowToolDelegate extends RequestStep {

  private final InventoryService inventory;

  public RegisterShadowToolDelegate(InventoryService inventory) {
    super("register the tool in use in the inventory so that it can be offboarded");
    this.inventory = inventory;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String findingId = FINDING_ID.get(execution);
    Tool tool = inventory.registerInUse(findingId, ToolsInUse.of(execution));
    TOOL_ID.set(execution, tool.id());
    String decision = SHADOW_DECISION.get(execution);
    String reason =
        "REPLACE".equals(decision)
            ? "Shadow IT (%s): %s is replaced by %s."
                .formatted(findingId, TOOL_NAME.get(execution), replacement(execution))
            : "Shadow IT (%s): %s is sunset.".formatted(findingId, TOOL_NAME.get(execution));
    // IT leadership's comment stays in the decision log: it may be as long as 4000 characters
    OFFBOARDING_REASON.set(execution, reason);
    REQUESTED_BY.set(execution, DECIDED_BY.get(execution));
  }

  private String replacement(DelegateExecution execution) {
    long id = REPLACEMENT_TOOL_ID.get(execution);
    Optional<Tool> tool =
        inventory.tools(Optional.empty()).stream().filter(t -> t.id() == id).findFirst();
    return tool.map(t -> "%s (tool %d)".formatted(t.name(), t.id())).orElse("tool " + id);
  }
}
