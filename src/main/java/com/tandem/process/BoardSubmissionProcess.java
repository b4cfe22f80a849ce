package com.tandem.process;

/**
 * The {@code martech-board-submission} process, called by {@link PurchaseProcess}: the board packet
 * is assembled and the board decides, a deferral waiting for the next board cycle. Its variables
 * are those of {@link PurchaseProcess} that the call activity passes in and out.
 */
public final class BoardSubmissionProcess {

  public static final String PROCESS_KEY = "martech-board-submission";

  /** Ids of the elements of bpmn/martech-board-submission.bpmn that code and tests refer to. */
  public static final class Elements {
    public static final String ASSEMBLE_BOARD_PACKET = "Task_AssembleBoardPacket";
    public static final String BOARD_DECISION = "Task_BoardDecision";
    public static final String NEXT_BOARD_CYCLE = "Timer_NextBoardCycle";
    public static final String END_BOARD_DECIDED = "EndEvent_BoardDecided";

    private Elements() {}
  }

  private BoardSubmissionProcess() {}
}
