package com.tandem.board;

import static com.tandem.process.PurchaseProcess.BOARD_PACKET;
import static com.tandem.process.PurchaseProcess.BOARD_PACKET_VIEW;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.budget.BudgetService;
import com.tandem.budget.BudgetSummaries;
import com.tandem.budget.RequestBudget;
import com.tandem.process.RequestStep;
import com.tandem.request.RequestRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Assembles the board packet for the board's decision form: its sections as JSON (a variable the
 * engine keeps as a byte array, so long comments and many overlaps fit), a text version fitted to a
 * String variable, and the budget situation in words.
 */
@Component
public class AssembleBoardPacketDelegate extends RequestStep {

  private final BoardPackets packets;
  private final BudgetSummaries summaries;
  private final BudgetService budget;
  private final RequestRegistry registry;
  private final ObjectMapper json;

  public AssembleBoardPacketDelegate(
      BoardPackets packets,
      BudgetSummaries summaries,
      BudgetService budget,
      RequestRegistry registry,
      ObjectMapper json) {
    super("assemble the board packet");
    this.packets = packets;
    this.summaries = summaries;
    this.budget = budget;
    this.registry = registry;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String requestId = REQUEST_ID.get(execution);
    BoardPacket packet = packets.assemble(requestId);
    var request = registry.get(requestId);
    try {
      BOARD_PACKET_VIEW.set(execution, json.writeValueAsString(packet));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The board packet of " + requestId + " is no JSON", e);
    }
    BOARD_PACKET.set(execution, BoardPackets.text(packet));
    BUDGET_SUMMARY.set(
        execution,
        summaries.describe(
            RequestBudget.of(request, budget).checkWith(budget), request.data().currency()));
  }
}
