package com.tandem.onboarding;

import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.inventory.ToolContract;
import com.tandem.process.ProcessVariable;
import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
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
    recordContract(execution, tool.id(), data);
    registry.setStatus(request.id(), RequestStatus.ONBOARDING);
    LOG.info(
        "Request {}: {} registered in the inventory as {}",
        request.id(),
        tool.name(),
        tool.status());
  }

  /**
   * The cost negotiated for the request (PRODUCT.md §2.8), when negotiation ran before onboarding;
   * the requested licence cost otherwise.
   */
  static final ProcessVariable<BigDecimal> NEGOTIATED_ANNUAL_COST =
      ProcessVariable.decimal("negotiatedAnnualCost");

  /**
   * The tool's contract (PRODUCT.md §7): a term of the requested length starting when the tool is
   * needed, the usual 90-day notice, renewing by itself, at the negotiated (else requested) cost,
   * with the requested seats. IT operations correct it when the signed contract differs.
   */
  private void recordContract(
      DelegateExecution execution,
      long toolId,
      com.tandem.request.PurchaseRequest.IntakeData data) {
    ToolContract contract =
        new ToolContract(
            data.neededBy(),
            data.neededBy().plusMonths(data.contractTermMonths()),
            ToolContract.DEFAULT_NOTICE_PERIOD_DAYS,
            true,
            NEGOTIATED_ANNUAL_COST.find(execution).orElse(data.annualLicenseCost()),
            data.seats());
    try {
      inventory.setContract(toolId, contract);
    } catch (UnsupportedOperationException inventoryWithoutContracts) {
      LOG.info("The inventory keeps no contracts; tool {} has none in Tandem", toolId);
    }
  }
}
