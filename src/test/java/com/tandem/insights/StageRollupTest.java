package com.tandem.insights;

import static com.tandem.process.PurchaseProcess.CAPABILITIES;
import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.REVISION_ACTION;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.insights.InsightsFigures.SideTime;
import com.tandem.insights.InsightsFigures.StageTime;
import com.tandem.insights.InsightsFigures.Stages;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.PurchaseProcess;
import com.tandem.request.RequestStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollup that serves {@code /api/insights/stages} gives exactly the figures of the aggregate
 * over the history it replaced ({@link InsightsService#stagesFromHistory}), on a history whose
 * every time is known: three requests of March 2019 worked on the real application with Camunda's
 * clock set, one of them rejected by IT (its marketing review is cancelled by the veto and never
 * counts), one revised with other capabilities (its tasks and decisions move to them). A context of
 * its own, so that the comparison covers every row of the database, decisions of this fiscal year
 * included.
 */
@TestPropertySource(properties = "tandem.test.context=stage-rollup")
class StageRollupTest extends ProcessScenario {

  static final LocalDateTime T0 = LocalDateTime.of(2019, 3, 4, 9, 0);
  static final int FY = 2019;

  @Autowired InsightsService insights;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  @AfterEach
  void realTimeAgain() {
    ClockUtil.reset();
  }

  static void at(double hours) {
    LocalDateTime when = T0.plusMinutes(Math.round(hours * 60));
    ClockUtil.setCurrentTime(Date.from(when.atZone(ZoneId.systemDefault()).toInstant()));
  }

  /**
   * The review tasks of the request open now get their due date at the SLA from Camunda's clock
   * (Tandem's real clock set it from today), as if they had been created then.
   */
  void reviewsDueFromNow(String id, Instant realNow) {
    for (Task review : taskService.createTaskQuery().processInstanceBusinessKey(id).list()) {
      if (review.getDueDate() == null) {
        continue;
      }
      long slaDays =
          Math.round(Duration.between(realNow, review.getDueDate().toInstant()).toHours() / 24.0);
      taskService.setDueDate(
          review.getId(),
          Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(slaDays))));
    }
  }

  String submitAt(double hours, String tool, String capabilities) {
    at(hours);
    Instant realNow = Instant.now();
    Map<String, Object> fields = new HashMap<>(intake());
    fields.putAll(
        vars(
            TOOL_NAME.name(),
            tool,
            VENDOR.name(),
            tool + " Rollup Ltd",
            CAPABILITIES.name(),
            capabilities));
    String id = submitForReview(fields);
    reviewsDueFromNow(id, realNow);
    return id;
  }

  void negotiateIfWaiting(String id) {
    if (openTasks(id).contains(PurchaseProcess.Elements.NEGOTIATE_CONTRACT)) {
      negotiateAsRequested(id);
    }
  }

  void onboardAt(double hours, String id) {
    at(hours);
    complete(
        id,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        SSO_CONFIGURED.name(),
        true,
        DPA_SIGNED.name(),
        true);
  }

  @Test
  void shouldGiveExactlyTheFiguresOfTheHistory() {
    // hours from T0; R3 asks for seo (which the demo inventory has: the requester still wants
    // the new tool at once) and event-management, and is revised to event-management and survey
    String r1 = submitAt(0, "Alpha", "event-management");
    String r2 = submitAt(1, "Bravo", "event-management");
    String r3 = submitAt(2, "Charlie", "seo,event-management");
    at(2);
    complete(
        r1,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    at(3);
    complete(
        r3,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "REQUEST_CHANGES",
        MARKETING_COMMENT.name(),
        "Which events?");
    at(4);
    complete(
        r2,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        "REJECT",
        IT_COMMENT.name(),
        "No SSO, no deal");
    assertThat(status(r2)).isEqualTo(RequestStatus.REJECTED);
    at(5);
    complete(r1, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    negotiateIfWaiting(r1);
    at(6);
    complete(r3, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    assertThat(openTasks(r3)).containsExactly(PurchaseProcess.Elements.REVISE_REQUEST);
    at(10);
    Instant realNow = Instant.now();
    complete(
        r3,
        PurchaseProcess.Elements.REVISE_REQUEST,
        "requester",
        REVISION_ACTION.name(),
        "RESUBMIT",
        CAPABILITIES.name(),
        "event-management,survey");
    reviewsDueFromNow(r3, realNow);
    at(12);
    complete(
        r3,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    onboardAt(29, r1);
    // R3's IT review of the second round an hour past its SLA
    Date due = task(r3, JointReviewProcess.Elements.REVIEW_IT).getDueDate();
    double late =
        Duration.between(
                        T0.plusHours(10).atZone(ZoneId.systemDefault()).toInstant(),
                        due.toInstant())
                    .toMinutes()
                / 60.0
            + 1;
    at(10 + late);
    complete(r3, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    negotiateIfWaiting(r3);
    onboardAt(10 + late + 26, r3);
    assertThat(status(r1)).isEqualTo(RequestStatus.ACTIVE);
    assertThat(status(r3)).isEqualTo(RequestStatus.ACTIVE);

    Stages all = insights.stages(FY, null);
    // marketing: R1 2 h, R3 1 h and 2 h; R2's was cancelled by IT's veto
    assertStage(all, "Task_ReviewMarketing", 3, "2.0", "2.0", 3, 0);
    // IT: R2 3 h, R1 5 h, R3 4 h and an hour past the SLA
    assertStage(all, "Task_ReviewIt", 4, "4.0", hours(late), 4, 1);
    assertStage(all, "Task_ReviseRequest", 1, "4.0", "4.0", 0, 0);
    assertStage(all, "Task_ConsiderExistingTool", 1, "0.0", "0.0", 0, 0);
    assertStage(all, "Task_NegotiateContract", 2, "0.0", "0.0", 0, 0);
    assertStage(all, "Task_CompleteOnboarding", 2, "24.0", "26.0", 0, 0);
    // IT's side: 0, 0, 3, 4, 5, 24, 26, late
    SideTime it = side(all, Side.IT);
    assertThat(it.count()).isEqualTo(8);
    assertThat(it.medianHours()).isEqualByComparingTo("4.0");
    assertThat(it.p90Hours()).isEqualByComparingTo(hours(late));
    assertThat(it.slaBreaches()).isEqualTo(1);

    // every request names event-management: the same tasks; seo was left, survey joined
    Stages events = insights.stages(FY, "event-management");
    assertThat(events.stages()).isEqualTo(all.stages());
    Stages seo = insights.stages(FY, "seo");
    assertThat(seo.stages()).allSatisfy(s -> assertThat(s.count()).isZero());
    Stages survey = insights.stages(FY, "survey");
    assertStage(survey, "Task_ReviewMarketing", 2, "1.0", "2.0", 2, 0);
    assertStage(survey, "Task_ReviewIt", 2, "4.0", hours(late), 2, 1);
    assertStage(survey, "Task_CompleteOnboarding", 1, "26.0", "26.0", 0, 0);

    // the rollup and the history agree on every figure, decisions of this year included
    int thisYear = insights.currentFiscalYear();
    for (int year : new int[] {FY, thisYear}) {
      for (String capability : new String[] {null, "event-management", "seo", "survey", "crm"}) {
        assertThat(insights.stages(year, capability))
            .as("%s %s", year, capability)
            .isEqualTo(insights.stagesFromHistory(year, capability));
      }
    }
    Stages decided = insights.stages(thisYear, "survey");
    assertThat(decided.decisions())
        .extracting(d -> d.stage() + " " + d.decision() + " " + d.count())
        .contains("MARKETING_REVIEW REQUEST_CHANGES 1", "REVISION RESUBMIT 1");
    assertThat(insights.stages(thisYear, "seo").decisions()).isEmpty();
  }

  @Test
  void shouldCountATaskOnceWhenItsTransactionRollsBackAndIsRetried() {
    LocalDateTime t0 = LocalDateTime.of(2018, 5, 7, 9, 0);
    ClockUtil.setCurrentTime(Date.from(t0.atZone(ZoneId.systemDefault()).toInstant()));
    String id = submitForReview(intake());
    Task review = task(id, JointReviewProcess.Elements.REVIEW_MARKETING);
    ClockUtil.setCurrentTime(Date.from(t0.plusHours(3).atZone(ZoneId.systemDefault()).toInstant()));
    Stages before = insights.stages(2018, null);
    assertThat(stage(before, "Task_ReviewMarketing").count()).isZero();

    as("cmo");
    try {
      taskService.claim(review.getId(), "cmo");
      assertThatThrownBy(
              () ->
                  transactions.executeWithoutResult(
                      tx -> {
                        taskService.complete(
                            review.getId(), vars(MARKETING_DECISION.name(), "APPROVE"));
                        throw new IllegalStateException("the transaction fails after the task");
                      }))
          .hasMessageContaining("fails after the task");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(insights.stages(2018, null)).isEqualTo(before);
    assertThat(openTasks(id)).contains(JointReviewProcess.Elements.REVIEW_MARKETING);

    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    Stages after = insights.stages(2018, null);
    assertStage(after, "Task_ReviewMarketing", 1, "3.0", "3.0", 1, 0);
    assertThat(after).isEqualTo(insights.stagesFromHistory(2018, null));
    assertThat(
            jdbc.sql(
                    "SELECT SUM(task_count) FROM tandem_insights_task_rollup"
                        + " WHERE capability = '*' AND period = 201805 AND task_key = ?")
                .param(JointReviewProcess.Elements.REVIEW_MARKETING)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  static String hours(double h) {
    return BigDecimal.valueOf(Math.floor(h * 10 + 1e-9) / 10).setScale(1).toPlainString();
  }

  static void assertStage(
      Stages stages,
      String key,
      long count,
      String median,
      String p90,
      long withSla,
      long breaches) {
    StageTime s = stage(stages, key);
    assertThat(s.count()).as("%s count", key).isEqualTo(count);
    assertThat(s.medianHours()).as("%s median", key).isEqualByComparingTo(median);
    assertThat(s.p90Hours()).as("%s p90", key).isEqualByComparingTo(p90);
    assertThat(s.withSla()).as("%s with SLA", key).isEqualTo(withSla);
    assertThat(s.slaBreaches()).as("%s breaches", key).isEqualTo(breaches);
  }

  static StageTime stage(Stages stages, String key) {
    return stages.stages().stream()
        .filter(s -> s.stage().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no stage " + key));
  }

  static SideTime side(Stages stages, Side side) {
    return stages.sides().stream().filter(s -> s.side() == side).findFirst().orElseThrow();
  }
}
