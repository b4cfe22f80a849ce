package com.tandem.intake;

import static com.tandem.process.PurchaseProcess.*;

import com.tandem.inventory.InventoryService;
import com.tandem.request.PurchaseRequest.IntakeData;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Writes a request's data into the process in the canonical form the forms, the routing decision
 * and the gateways read: money and counts as numbers, choices as their codes, lists as text.
 */
@Component
public class RequestVariables {

  private final InventoryService inventory;

  public RequestVariables(InventoryService inventory) {
    this.inventory = inventory;
  }

  public void writeRequest(VariableScope scope, IntakeData data) {
    TOOL_NAME.set(scope, data.toolName());
    VENDOR.set(scope, data.vendor());
    VENDOR_URL.set(scope, data.vendorUrl());
    BUSINESS_JUSTIFICATION.set(scope, data.businessJustification());
    ANNUAL_LICENSE_COST.set(scope, data.annualLicenseCost());
    IMPLEMENTATION_COST.set(scope, data.implementationCost());
    TOTAL_FIRST_YEAR_COST.set(scope, data.totalFirstYearCost());
    CURRENCY.set(scope, data.currency());
    SEATS.set(scope, (long) data.seats());
    CONTRACT_TERM_MONTHS.set(scope, (long) data.contractTermMonths());
    NEEDED_BY.set(scope, data.neededBy().toString());
    PERSONAL_DATA.set(scope, data.personalData().name());
    SSO.set(scope, data.sso().name());
    DATA_EXPORT_SUPPORTED.set(scope, data.dataExportSupported());
    CAPABILITIES.set(scope, String.join(",", data.capabilities()));
    INTEGRATIONS.set(scope, String.join(",", data.integrations()));
    Function<List<String>, String> names = inventory.capabilityNames();
    CAPABILITIES_TEXT.set(scope, names.apply(data.capabilities()));
    INTEGRATIONS_TEXT.set(
        scope, data.integrations().isEmpty() ? "none" : names.apply(data.integrations()));
  }
}
