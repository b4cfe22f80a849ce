package com.tandem.onboarding;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Registers the approved tool in the inventory as PROCUREMENT, once per request. */
@Component
public class RegisterToolDelegate extends RequestStep {

  private static final Logger LOG = LoggerFactory.getLogger(RegisterToolDelegate.class);
  private final InventoryService inventory;
  private final RequestRegistry registry;

  public RegisterToolDelegate(InventoryService inventory, RequestRegistry registry) {
    super("register the tool in the inventory as PROCUREMENT");
    this.inventory = inventory;
    this.registry = registry;
  }

  @Override
  protected void run(DelegateExecution execution) {
    var request = registry.get(REQUEST_ID.get(execution));
    var data = request.data();
    var tool =
        inventory.registerProcurement(
            request.id(),
            new NewTool(
                data.toolName(),
                data.vendor(),
                data.capabilities(),
                "Marketing (requested by " + request.requester() + ")",
                data.annualLicenseCost(),
                data.currency(),
                data.neededBy().plusMonths(data.contractTermMonths()),
                data.sso().name(),
                data.personalData().name()));
    registry.setStatus(request.id(), RequestStatus.ONBOARDING);
    LOG.info(
        "Request {}: {} registered in the inventory as {}",
        request.id(),
        tool.name(),
        tool.status());
  }
}
