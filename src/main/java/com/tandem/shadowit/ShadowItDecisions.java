package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.REVIEW_OUTCOME;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.ShadowItProcess.ADOPTION_FISCAL_YEAR;
import static com.tandem.process.ShadowItProcess.ANNUAL_COST;
import static com.tandem.process.ShadowItProcess.DECIDED_BY;
import static com.tandem.process.ShadowItProcess.OWNER_COMMENT;
import static com.tandem.process.ShadowItProcess.OWNER_DECISION;
import static com.tandem.process.ShadowItProcess.OWNER_TEAM;
import static com.tandem.process.ShadowItProcess.OWNER_USER;
import static com.tandem.process.ShadowItProcess.REPLACEMENT_TOOL_ID;
import static com.tandem.process.ShadowItProcess.SHADOW_COMMENT;
import static com.tandem.process.ShadowItProcess.SHADOW_DECISION;
import static com.tandem.process.ShadowItProcess.SHADOW_NOTE;

import com.tandem.budget.BudgetProperties;
import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.Tool;
import com.tandem.inventory.ToolStatus;
import com.tandem.process.ProcessVariable;
import com.tandem.process.ShadowItProcess;
import com.tandem.process.TaskDecision;
import com.tandem.process.TaskDecisions;
import com.tandem.request.Money;
import com.tandem.request.People;
import com.tandem.request.PersonalData;
import com.tandem.request.SsoSupport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The decisions of the shadow-IT review's own tasks. The owner the CMO's office assigns states what
 * the review routes on (personal data, SSO), since no intake form asked. IT leadership's decision
 * follows the joint review: after a REJECT the tool cannot stay, so only REPLACE or SUNSET are
 * accepted; after REQUEST_CHANGES it may be adopted only with a comment saying how the requested
 * changes are met. REPLACE names an ACTIVE tool of the inventory.
 */
@Component
class ShadowItDecisions implements TaskDecisions {

  static final String ASSIGN = "ASSIGN";
  static final String NOT_MARKETING = "NOT_MARKETING";
  static final String ADOPT = "ADOPT";
  static final String REPLACE = "REPLACE";
  static final String SUNSET = "SUNSET";

  private final InventoryService inventory;
  private final BudgetService budget;
  private final BudgetProperties budgetProperties;
  private final People names;
  private final Clock clock;

  ShadowItDecisions(
      InventoryService inventory,
      BudgetService budget,
      BudgetProperties budgetProperties,
      People names,
      Clock clock) {
    this.inventory = inventory;
    this.budget = budget;
    this.budgetProperties = budgetProperties;
    this.names = names;
    this.clock = clock;
  }

  @Override
  public List<TaskDecision> decisions() {
    return List.of(
        new TaskDecision(
                ShadowItProcess.Elements.ASSIGN_OWNER,
                "OWNER_ASSIGNMENT",
                OWNER_DECISION,
                Set.of(ASSIGN, NOT_MARKETING),
                OWNER_COMMENT,
                Set.of(NOT_MARKETING))
            .withCommentMissing(
                "Please say in ownerComment why this is not a marketing tool: IT operations will"
                    + " follow it up with that reason.")
            .recordedAs(this::assignOwner),
        new TaskDecision(
                ShadowItProcess.Elements.DECIDE_SHADOW_TOOL,
                "SHADOW_IT_DECISION",
                SHADOW_DECISION,
                Set.of(ADOPT, REPLACE, SUNSET),
                SHADOW_COMMENT,
                Set.of())
            .recordedAs(this::decideShadowTool));
  }

  private TaskDecision.Recorded assignOwner(DelegateTask task, String decision, String comment) {
    if (NOT_MARKETING.equals(decision)) {
      return new TaskDecision.Recorded(decision, comment);
    }
    String user = required(task, OWNER_USER, "the owner's user id");
    String team = required(task, OWNER_TEAM, "the owner's team");
    requireOneOf(task, PERSONAL_DATA, PersonalData.values(), "what personal data the tool holds");
    requireOneOf(task, SSO, SsoSupport.values(), "how people sign in to the tool");
    return new TaskDecision.Recorded(
        decision,
        "Owner: %s (%s).%s"
            .formatted(
                names.userName(user),
                team,
                comment == null || comment.isEmpty() ? "" : " " + comment));
  }

  private TaskDecision.Recorded decideShadowTool(DelegateTask task, String decision, String given) {
    String comment = given;
    if (comment == null || comment.isEmpty()) {
      comment = SHADOW_NOTE.find(task).map(String::strip).filter(n -> !n.isEmpty()).orElse(null);
      if (comment != null && comment.length() > 4000) {
        throw new BadUserRequestException(SHADOW_NOTE.name() + " must be at most 4000 characters.");
      }
    }
    String reviewOutcome = REVIEW_OUTCOME.find(task).orElse("");
    String detail;
    switch (decision) {
      case ADOPT -> {
        if ("REJECTED".equals(reviewOutcome)) {
          throw new BadUserRequestException(
              "The joint review rejected this tool, so it cannot be adopted: choose REPLACE or"
                  + " SUNSET.");
        }
        if ("CHANGES_REQUESTED".equals(reviewOutcome) && (given == null || given.isEmpty())) {
          throw new BadUserRequestException(
              "The reviewers asked for changes: say in shadowComment how they are met before"
                  + " adopting the tool.");
        }
        Object cost = ANNUAL_COST.raw(task);
        BigDecimal annualCost = cost instanceof Number n ? new BigDecimal(n.toString()) : null;
        if (annualCost == null
            || annualCost.signum() < 0
            || annualCost.stripTrailingZeros().scale() > 2) {
          throw new BadUserRequestException(
              "Please state the tool's annual cost (annualCost), a positive amount with at most two"
                  + " decimals: it is committed on the marketing budget.");
        }
        detail = "annual cost " + Money.format(annualCost, budgetProperties.currency());
        // the spend is committed in the year of the decision, however long the board takes
        ADOPTION_FISCAL_YEAR.set(task, (long) budget.fiscalYearOf(LocalDate.now(clock)));
      }
      case REPLACE -> {
        Tool replacement = replacement(task);
        detail = "replaced by %s (tool %d)".formatted(replacement.name(), replacement.id());
      }
      default -> detail = "sunset";
    }
    DECIDED_BY.set(task, decidedBy(task));
    return new TaskDecision.Recorded(
        decision,
        (detail.substring(0, 1).toUpperCase() + detail.substring(1) + ".")
            + (comment == null || comment.isEmpty() ? "" : " " + comment));
  }

  private Tool replacement(DelegateTask task) {
    Object raw = REPLACEMENT_TOOL_ID.raw(task);
    Optional<Long> id =
        raw instanceof Number n && n.doubleValue() == Math.floor(n.doubleValue())
            ? Optional.of(n.longValue())
            : Optional.empty();
    return id.flatMap(
            toolId ->
                inventory.tools(Optional.empty()).stream()
                    .filter(tool -> tool.id() == toolId && tool.status() == ToolStatus.ACTIVE)
                    .findFirst())
        .orElseThrow(
            () ->
                new BadUserRequestException(
                    "Please name in replacementToolId the inventory id of an ACTIVE tool the team"
                        + " moves to"
                        + (raw == null ? "." : "; " + raw + " is not one.")));
  }

  private static String required(DelegateTask task, ProcessVariable<String> variable, String what) {
    Object raw = variable.raw(task);
    if (raw == null || raw.toString().isBlank()) {
      throw new BadUserRequestException(
          "Please give %s (%s) when you assign an owner.".formatted(what, variable.name()));
    }
    return raw.toString().strip();
  }

  private static void requireOneOf(
      DelegateTask task, ProcessVariable<String> variable, Enum<?>[] values, String what) {
    Object raw = variable.raw(task);
    if (raw == null || Arrays.stream(values).noneMatch(v -> v.name().equals(raw.toString()))) {
      throw new BadUserRequestException(
          "Please state %s (%s): one of %s."
              .formatted(what, variable.name(), Arrays.toString(values)));
    }
  }

  private static String decidedBy(DelegateTask task) {
    return Optional.ofNullable(
            task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
        .map(Authentication::getUserId)
        .orElse(task.getAssignee());
  }
}
