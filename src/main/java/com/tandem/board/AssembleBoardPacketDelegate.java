package com.tandem.board;

import static com.tandem.process.PurchaseProcess.BOARD_PACKET;
import static com.tandem.process.PurchaseProcess.BUDGET_SUMMARY;
import static com.tandem.process.PurchaseProcess.CAPABILITIES_TEXT;
import static com.tandem.process.PurchaseProcess.PROPOSAL_SUMMARY;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;

import com.tandem.process.RequestStep;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Assembles the board packet for the board's decision form. */
@Component
public class AssembleBoardPacketDelegate extends RequestStep {

  private final BoardPackets packets;

  public AssembleBoardPacketDelegate(BoardPackets packets) {
    super("assemble the board packet");
    this.packets = packets;
  }

  @Override
  protected void run(DelegateExecution execution) {
    var packet =
        packets.assemble(
            REQUEST_ID.get(execution),
            CAPABILITIES_TEXT.get(execution),
            PROPOSAL_SUMMARY.find(execution).orElse(null));
    BOARD_PACKET.set(execution, packet.text());
    BUDGET_SUMMARY.set(execution, packet.budgetSummary());
  }
}
