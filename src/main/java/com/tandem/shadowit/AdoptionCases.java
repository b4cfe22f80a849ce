package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.ShadowItProcess.ADOPTION_FISCAL_YEAR;
import static com.tandem.process.ShadowItProcess.ANNUAL_COST;
import static com.tandem.process.ShadowItProcess.OWNER_TEAM;
import static com.tandem.process.ShadowItProcess.OWNER_USER;

import com.tandem.board.BudgetCase;
import com.tandem.board.BudgetCases;
import com.tandem.budget.BudgetService;
import com.tandem.budget.RequestBudget;
import com.tandem.process.ProcessVariable;
import com.tandem.process.ShadowItProcess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;

/**
 * The findings whose adoption comes before the joint proposal and the board (PRODUCT.md §5: a
 * shortfall takes the path of §2.6–7), as cases for the board: what discovery saw of the tool
 * ({@link Findings}), and what its review decided about it (owner, data, the annual cost to commit
 * and the fiscal year of the adoption). Adopting asks the annual cost of the MARKETING line, the
 * owner's, and nothing of IT: the tool runs already.
 *
 * <p>The review's variables are read from the engine's history, so a finding's packet is there
 * while it is reviewed and after.
 */
@Component
class AdoptionCases implements BudgetCases {

  private static final String FINDING_PREFIX = ShadowItProcess.FINDING_KEY_PATTERN.replace("%", "");

  private static final List<ProcessVariable<?>> DECIDED =
      List.of(
          TOOL_NAME, OWNER_USER, OWNER_TEAM, PERSONAL_DATA, SSO, ANNUAL_COST, ADOPTION_FISCAL_YEAR);

  private final Findings findings;
  private final BudgetService budget;
  private final HistoryService history;
  private final Clock clock;

  AdoptionCases(Findings findings, BudgetService budget, HistoryService history, Clock clock) {
    this.findings = findings;
    this.budget = budget;
    this.history = history;
    this.clock = clock;
  }

  @Override
  public Optional<BudgetCase> find(String caseId) {
    if (!caseId.startsWith(FINDING_PREFIX)) {
      return Optional.empty();
    }
    List<HistoricProcessInstance> reviews =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(ShadowItProcess.PROCESS_KEY)
            .processInstanceBusinessKey(caseId)
            .listPage(0, 1);
    if (reviews.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> decided = new HashMap<>();
    history
        .createHistoricVariableInstanceQuery()
        .processInstanceId(reviews.get(0).getId())
        .variableNameIn(DECIDED.stream().map(ProcessVariable::name).toArray(String[]::new))
        .list()
        .stream()
        // the review's own, not a task's local copies
        .filter(v -> v.getValue() != null && reviews.get(0).getId().equals(v.getExecutionId()))
        .forEach(v -> decided.put(v.getName(), v.getValue()));
    FindingSummary seen = findings.describe(caseId);
    BigDecimal annualCost =
        ANNUAL_COST
            .from(decided)
            .orElse(seen.spendSeen() == null ? BigDecimal.ZERO : seen.spendSeen())
            .setScale(2, RoundingMode.HALF_UP);
    int fiscalYear =
        ADOPTION_FISCAL_YEAR
            .from(decided)
            .map(Long::intValue)
            .orElseGet(() -> budget.fiscalYearOf(LocalDate.now(clock)));
    var tool =
        new BudgetCase.ToolInUse(
            TOOL_NAME.from(decided).orElse(seen.application()),
            seen.vendor(),
            OWNER_USER.from(decided).orElse(null),
            OWNER_TEAM.from(decided).orElse(null),
            seen.usersSeen(),
            seen.spendSeen(),
            String.join(
                ", ", seen.sources().stream().map(DescribeFindingDelegate::sourceInWords).toList()),
            seen.firstSeen(),
            PERSONAL_DATA.from(decided).orElse(null),
            SSO.from(decided).orElse(null),
            annualCost);
    return Optional.of(
        BudgetCase.of(
            tool,
            new RequestBudget(caseId, fiscalYear, annualCost, BigDecimal.ZERO),
            seen.currency()));
  }
}
