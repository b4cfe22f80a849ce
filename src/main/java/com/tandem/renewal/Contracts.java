package com.tandem.renewal;

import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.inventory.ToolContract;
import com.tandem.inventory.ToolStatus;
import com.tandem.web.FieldProblem;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits a tool's contract (it-operations: {@code PUT /api/inventory/tools/{id}/contract} and the
 * Tasklist start form of {@code tool-contract-update}): validated field by field, then written to
 * the inventory. A contract edited while its renewal runs keeps that renewal; the scan starts the
 * next one for the new term when it is due.
 */
@Service
public class Contracts {

  private static final Logger LOG = LoggerFactory.getLogger(Contracts.class);

  /** Why a contract was not changed. */
  public sealed interface Outcome {}

  public record Changed(Tool tool, ToolContract contract) implements Outcome {}

  public record UnknownTool(long toolId) implements Outcome {}

  public record RetiredTool(Tool tool) implements Outcome {}

  public record Invalid(List<FieldProblem> problems) implements Outcome {}

  private final InventoryService inventory;

  public Contracts(InventoryService inventory) {
    this.inventory = inventory;
  }

  @Transactional
  public Outcome update(long toolId, ToolContract contract, String by) {
    Optional<Tool> tool = inventory.tool(toolId);
    if (tool.isEmpty()) {
      return new UnknownTool(toolId);
    }
    if (tool.get().status() == ToolStatus.RETIRED) {
      return new RetiredTool(tool.get());
    }
    List<FieldProblem> problems = contract.problems();
    if (!problems.isEmpty()) {
      return new Invalid(problems);
    }
    inventory.setContract(toolId, contract);
    LOG.info("{} changed the contract of '{}' (tool {})", by, tool.get().name(), toolId);
    return new Changed(tool.get(), inventory.contract(toolId).orElse(contract));
  }
}
