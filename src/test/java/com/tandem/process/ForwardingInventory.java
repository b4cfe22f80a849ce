package com.tandem.process;

import com.tandem.inventory.Capability;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.inventory.Overlap;
import com.tandem.inventory.Tool;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Hands every call to the real inventory; a test overrides the call it wants to break. */
class ForwardingInventory implements InventoryService {

  private final InventoryService real;

  ForwardingInventory(InventoryService real) {
    this.real = real;
  }

  @Override
  public List<Capability> capabilities() {
    return real.capabilities();
  }

  @Override
  public boolean isKnownCapability(String code) {
    return real.isKnownCapability(code);
  }

  @Override
  public List<Tool> tools(Optional<String> capability) {
    return real.tools(capability);
  }

  @Override
  public List<Overlap> findOverlaps(String vendor, Collection<String> capabilities) {
    return real.findOverlaps(vendor, capabilities);
  }

  @Override
  public Tool registerProcurement(String requestId, NewTool tool) {
    return real.registerProcurement(requestId, tool);
  }

  @Override
  public Tool registerInUse(String findingId, NewTool tool) {
    return real.registerInUse(findingId, tool);
  }

  @Override
  public void activate(String requestId) {
    real.activate(requestId);
  }

  @Override
  public void discardProcurement(String requestId) {
    real.discardProcurement(requestId);
  }

  @Override
  public Optional<Tool> toolOfRequest(String requestId) {
    return real.toolOfRequest(requestId);
  }

  @Override
  public Optional<Tool> tool(long toolId) {
    return real.tool(toolId);
  }

  @Override
  public List<String> integrations(long toolId) {
    return real.integrations(toolId);
  }

  @Override
  public void retire(long toolId) {
    real.retire(toolId);
  }

  @Override
  public Optional<com.tandem.inventory.ToolContract> contract(long toolId) {
    return real.contract(toolId);
  }

  @Override
  public void setContract(long toolId, com.tandem.inventory.ToolContract contract) {
    real.setContract(toolId, contract);
  }

  @Override
  public List<com.tandem.inventory.ContractedTool> contractsWithNoticeBy(java.time.LocalDate date) {
    return real.contractsWithNoticeBy(date);
  }

  @Override
  public List<com.tandem.inventory.ContractedTool> contractsEndingBy(java.time.LocalDate date) {
    return real.contractsEndingBy(date);
  }
}
