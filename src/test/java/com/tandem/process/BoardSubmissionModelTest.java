package com.tandem.process;

import static com.tandem.process.ModelMocks.REQUEST;
import static com.tandem.process.ProcessVariable.variables;
import static com.tandem.process.PurchaseProcess.BOARD_COMMENT;
import static com.tandem.process.PurchaseProcess.BOARD_CYCLE;
import static com.tandem.process.PurchaseProcess.BOARD_DECISION;
import static com.tandem.process.PurchaseProcess.BOARD_PACKET;
import static com.tandem.process.PurchaseProcess.REQUEST_ID;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The called process {@code martech-board-submission} on its own: the packet is assembled, the
 * board decides, and a deferral waits for the next board cycle before the board sees a fresh
 * packet.
 */
@Deployment(resources = {"bpmn/martech-board-submission.bpmn", "forms/board-decision.form"})
class BoardSubmissionModelTest {

  static final String PROCESS_KEY = "martech-board-submission";

  @RegisterExtension static final ProcessEngineExtension ENGINE = ModelMocks.engine();

  ModelMocks mocks;

  @BeforeEach
  void setUp() {
    BpmnAwareTests.init(ENGINE.getProcessEngine());
    mocks = new ModelMocks().register();
  }

  @AfterEach
  void tearDown() {
    Mocks.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void shouldAssembleThePacketAsynchronouslyThenAskTheBoard() throws Exception {
    ProcessInstance submission = start();

    assertThat(submission).isWaitingAt(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    verify(mocks.assembleBoardPacket, never()).execute(any());
    execute(job(submission));

    assertThat(submission)
        .isWaitingAtExactly(BoardSubmissionProcess.Elements.BOARD_DECISION)
        .variables()
        .containsEntry(BOARD_PACKET.name(), "BOARD PACKET " + REQUEST);
    assertThat(task(submission)).hasCandidateGroup("board").isNotAssigned();
    Assertions.assertThat(formService().getDeployedTaskForm(task(submission).getId())).isNotNull();
    verify(mocks.assembleBoardPacket).execute(any());
  }

  @ParameterizedTest
  @ValueSource(strings = {"APPROVE", "REJECT"})
  void shouldEndWithTheBoardsDecisionWhenTheBoardDecides(String decision) throws Exception {
    ProcessInstance submission = start();
    execute(job(submission));

    complete(
        task(submission),
        variables().put(BOARD_DECISION, decision).put(BOARD_COMMENT, "as minuted").build());

    assertThat(submission)
        .isEnded()
        .hasPassed(
            BoardSubmissionProcess.Elements.BOARD_DECISION,
            BoardSubmissionProcess.Elements.END_BOARD_DECIDED)
        .hasNotPassed(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE)
        .variables()
        .containsEntry(BOARD_DECISION.name(), decision);
    verify(mocks.recordDecision).notify(any());
  }

  @Test
  void shouldWaitForTheNextBoardCycleWhenDeferredThenPresentAFreshPacket() throws Exception {
    ProcessInstance submission = start();
    execute(job(submission));

    complete(task(submission), variables().put(BOARD_DECISION, "DEFER").build());

    assertThat(submission).isWaitingAtExactly(BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE);
    Job nextCycle = job(submission);
    Assertions.assertThat(nextCycle.getDuedate())
        .isCloseTo(
            Date.from(new Date().toInstant().plus(Duration.parse(mocks.boardCycle))), 60_000);

    execute(nextCycle);
    assertThat(submission)
        .isWaitingAtExactly(BoardSubmissionProcess.Elements.ASSEMBLE_BOARD_PACKET);
    execute(job(submission));
    assertThat(submission).isWaitingAtExactly(BoardSubmissionProcess.Elements.BOARD_DECISION);
    verify(mocks.assembleBoardPacket, times(2)).execute(any());

    complete(task(submission), variables().put(BOARD_DECISION, "APPROVE").build());
    assertThat(submission)
        .isEnded()
        .hasPassed(
            BoardSubmissionProcess.Elements.NEXT_BOARD_CYCLE,
            BoardSubmissionProcess.Elements.END_BOARD_DECIDED)
        .variables()
        .containsEntry(BOARD_DECISION.name(), "APPROVE");
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            PROCESS_KEY,
            REQUEST,
            variables().put(REQUEST_ID, REQUEST).put(BOARD_CYCLE, mocks.boardCycle).build());
  }
}
