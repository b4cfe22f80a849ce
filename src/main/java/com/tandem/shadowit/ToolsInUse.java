package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.CURRENCY;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static com.tandem.process.ShadowItProcess.ANNUAL_COST;
import static com.tandem.process.ShadowItProcess.OWNER_TEAM;

import com.tandem.inventory.NewTool;
import java.math.BigDecimal;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The inventory entry of a tool found in use, as its review knows it. */
final class ToolsInUse {

  private ToolsInUse() {}

  static NewTool of(VariableScope review) {
    return new NewTool(
        TOOL_NAME.get(review),
        VENDOR.get(review),
        List.of(),
        OWNER_TEAM.get(review),
        ANNUAL_COST
            .find(review)
            .orElse(BigDecimal.ZERO)
            .setScale(2, java.math.RoundingMode.HALF_UP),
        CURRENCY.get(review),
        null,
        SSO.get(review),
        PERSONAL_DATA.get(review));
  }
}
