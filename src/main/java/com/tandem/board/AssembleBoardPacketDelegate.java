package com.tandem.board;

import static com.tandem.process.PurchaseProcess.BOARD_PACKET;
import static com.tandem.process.PurchaseProcess.BOARD_PACKET_VIEW;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tandem.budget.BudgetService;
import com.tandem.budget.BudgetSummaries;
import com.tandem.process.CaseIds;
import com.tandem.process.RequestStep;
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
  private final Cases cases;
  private final ObjectMapper json;

  public AssembleBoardPacketDelegate(
      BoardPackets packets,
      BudgetSummaries summaries,
      BudgetService budget,
      Cases cases,
      ObjectMapper json) {
    super("assemble the board packet");
    this.packets = packets;
    this.summaries = summaries;
    this.budget = budget;
    this.cases = cases;
    this.json = json;
  }

  @Override
  protected void run(DelegateExecution execution) {
    String requestId = CaseIds.get(execution);
    BoardPacket packet = packets.assemble(requestId);
    BudgetCase subject = cases.get(requestId);
    try {
      BOARD_PACKET_VIEW.set(execution, json.writeValueAsString(packet));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The board packet of " + requestId + " is no JSON", e);
    }
    BOARD_PACKET.set(execution, BoardPackets.text(packet));
    BUDGET_SUMMARY.set(
        execution,
        summaries.describe(
            subject.needs().checkWith(budget),
            subject.currency(),
            subject.request() != null
                ? "This request"
                : subject.renewing() != null ? "The next term" : "Adopting the tool"));
  }
}
