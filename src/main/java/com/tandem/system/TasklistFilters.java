package com.tandem.system;

import static com.tandem.request.TandemGroups.BOARD;
import static com.tandem.request.TandemGroups.IT_LEADERSHIP;
import static com.tandem.request.TandemGroups.IT_OPERATIONS;
import static com.tandem.request.TandemGroups.MARKETING;
import static com.tandem.request.TandemGroups.MARKETING_LEADERSHIP;
import static com.tandem.request.TandemGroups.PRIVACY_LEGAL;

import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.OffboardingProcess;
import com.tandem.process.PurchaseProcess;
import com.tandem.process.ShadowItProcess;
import com.tandem.renewal.RenewalProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, created at start (in production too: they only name groups)
 * and shown to the groups they serve. Idempotent by name: a filter an administrator changed in
 * Tasklist is left as it is. Off with {@code tandem.tasklist-filters.enabled=false}.
 *
 * <p>Every filter lists the request id, the tool and its first-year cost on each task, sorted by
 * due date first; Tasklist lets a reviewer re-sort by any of those.
 */
@Component
@ConditionalOnProperty(
    name = "tandem.tasklist-filters.enabled",
    havingValue = "true",
    matchIfMissing = true)
public class TasklistFilters {

  record FilterSpec(
      String name, String description, int priority, List<String> groups, TaskQuery query) {}

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  /**
   * The filters of tool-offboarding, whose tasks have a case and a tool but no cost or requester.
   */
  private static final java.util.Set<String> OFFBOARDING_FILTERS =
      java.util.Set.of("Offboarding", "Data deletion");

  /**
   * The filters of the joint proposal and the board, whose tasks serve purchase requests, shadow-IT
   * findings and renewals alike.
   */
  private static final java.util.Set<String> BOARD_PATH_FILTERS =
      java.util.Set.of("Budget proposals", "Board decisions");

  /** The filter of tool-renewal's tasks (each group sees its own candidate tasks in it). */
  static final String RENEWALS = "Renewals";

  private final FilterService filterService;
  private final TaskService taskService;
  private final TandemAuthorizations authorizations;

  public TasklistFilters(
      FilterService filterService, TaskService taskService, TandemAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  List<FilterSpec> filters() {
    return List.of(
        new FilterSpec(
            "My requests",
            "Questions about your own martech requests",
            -10,
            List.of(MARKETING),
            taskService
                .createTaskQuery()
                .taskAssigneeExpression("${currentUser()}")
                .orderByDueDate()
                .asc()),
        review(
            "Marketing reviews",
            "Marketing reviews of martech requests",
            0,
            List.of(MARKETING_LEADERSHIP),
            JointReviewProcess.Elements.REVIEW_MARKETING),
        review(
            "IT reviews",
            "IT reviews: security, SSO, integration, data custody",
            1,
            List.of(IT_LEADERSHIP),
            JointReviewProcess.Elements.REVIEW_IT),
        review(
            "Privacy reviews",
            "Requests that process personal data",
            2,
            List.of(PRIVACY_LEGAL),
            JointReviewProcess.Elements.REVIEW_PRIVACY),
        review(
            "Budget proposals",
            "Joint budget proposals for purchases, tools in use and renewals: drafted by marketing,"
                + " co-signed by IT",
            3,
            List.of(MARKETING_LEADERSHIP, IT_LEADERSHIP),
            PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL,
            PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL),
        review(
            "Board decisions",
            "Joint proposals awaiting the board: purchases, tools in use, renewals",
            4,
            List.of(BOARD),
            BoardSubmissionProcess.Elements.BOARD_DECISION),
        new FilterSpec(
            "Shadow IT",
            "Tools found in use without a purchase request: owner, reviews, adopt, replace or sunset",
            6,
            List.of(MARKETING_LEADERSHIP, IT_LEADERSHIP),
            taskService
                .createTaskQuery()
                .processInstanceBusinessKeyLike(ShadowItProcess.FINDING_KEY_PATTERN)
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()),
        review(
            "Onboarding",
            "Approved tools: negotiate the contract, then onboard (SSO, access, data-processing"
                + " agreement)",
            5,
            List.of(IT_OPERATIONS),
            PurchaseProcess.Elements.NEGOTIATE_CONTRACT,
            PurchaseProcess.Elements.COMPLETE_ONBOARDING),
        offboarding(
            "Offboarding",
            "Tools to retire: export the data, revoke access, confirm the vendor's deletion",
            6,
            List.of(IT_OPERATIONS),
            OffboardingProcess.Elements.EXPORT_DATA,
            OffboardingProcess.Elements.REVOKE_ACCESS,
            OffboardingProcess.Elements.CONFIRM_DELETION),
        new FilterSpec(
            RENEWALS,
            "Contracts about to renew: keep, change or retire; negotiate; fund",
            8,
            List.of(MARKETING_LEADERSHIP, IT_LEADERSHIP, IT_OPERATIONS, BOARD),
            taskService
                .createTaskQuery()
                .processInstanceBusinessKeyLike(RenewalProcess.RENEWAL_KEY_PATTERN)
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()),
        offboarding(
            "Data deletion",
            "Retired tools that held personal data: the vendor's deletion confirmation",
            7,
            List.of(PRIVACY_LEGAL),
            OffboardingProcess.Elements.CONFIRM_DELETION));
  }

  private FilterSpec review(
      String name, String description, int priority, List<String> groups, String... taskKeys) {
    TaskQuery query =
        taskKeys.length == 1
            ? taskService.createTaskQuery().taskDefinitionKey(taskKeys[0])
            : taskService.createTaskQuery().taskDefinitionKeyIn(taskKeys);
    return new FilterSpec(
        name,
        description,
        priority,
        groups,
        query.orderByDueDate().asc().orderByTaskPriority().desc());
  }

  /**
   * An offboarding filter: only the tasks the user may work (the engine shows a group its candidate
   * tasks), so "Offboarding" lists it-operations' deletion confirmations but not privacy-legal's,
   * which "Data deletion" lists for privacy-legal.
   */
  private FilterSpec offboarding(
      String name, String description, int priority, List<String> groups, String... taskKeys) {
    FilterSpec spec = review(name, description, priority, groups, taskKeys);
    return new FilterSpec(
        name,
        description,
        priority,
        groups,
        spec.query().processDefinitionKey(OffboardingProcess.PROCESS_KEY));
  }

  @EventListener
  @Order(5)
  public void onDeployed(PostDeployEvent event) {
    ensureFilters();
  }

  /** Creates the missing filters and grants each to its groups. */
  public void ensureFilters() {
    for (FilterSpec spec : filters()) {
      Filter filter = filterService.createFilterQuery().filterName(spec.name()).singleResult();
      if (filter == null) {
        filter =
            filterService
                .newTaskFilter(spec.name())
                .setQuery(spec.query())
                .setProperties(properties(spec));
        filterService.saveFilter(filter);
        LOG.info("Created Tasklist filter '{}' for {}", spec.name(), spec.groups());
      }
      for (String group : spec.groups()) {
        authorizations.grantGroup(group, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
  }

  private static Map<String, Object> properties(FilterSpec spec) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", spec.description());
    properties.put("priority", spec.priority());
    properties.put("refresh", true);
    properties.put("showUndefinedVariable", false);
    // Task-local copies (TaskPresentationListener): a reviewer may read the task, not the instance.
    properties.put(
        "variables",
        RENEWALS.equals(spec.name())
            ? List.of(
                Map.of("name", "listRequestId", "label", "Renewal"),
                Map.of("name", "listToolName", "label", "Tool"))
            : OFFBOARDING_FILTERS.contains(spec.name())
                ? List.of(
                    Map.of("name", "listRequestId", "label", "Offboarding"),
                    Map.of("name", "listToolName", "label", "Tool"))
                : List.of(
                    Map.of(
                        "name",
                        "listRequestId",
                        "label",
                        BOARD_PATH_FILTERS.contains(spec.name())
                            ? "Request, finding or renewal"
                            : "Request or finding"),
                    Map.of("name", "listToolName", "label", "Tool"),
                    Map.of("name", "listFirstYearCost", "label", "First-year cost"),
                    Map.of("name", "listRequester", "label", "Requested by")));
    return properties;
  }
}
