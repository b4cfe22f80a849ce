package com.tandem.shadowit;

import static com.tandem.process.PurchaseProcess.IT_COMMENT;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.PERSONAL_DATA;
import static com.tandem.process.PurchaseProcess.PRIVACY_DECISION;
import static com.tandem.process.PurchaseProcess.SSO;
import static com.tandem.process.ShadowItProcess.ANNUAL_COST;
import static com.tandem.process.ShadowItProcess.OWNER_COMMENT;
import static com.tandem.process.ShadowItProcess.OWNER_DECISION;
import static com.tandem.process.ShadowItProcess.OWNER_TEAM;
import static com.tandem.process.ShadowItProcess.OWNER_USER;
import static com.tandem.process.ShadowItProcess.REPLACEMENT_TOOL_ID;
import static com.tandem.process.ShadowItProcess.SHADOW_COMMENT;
import static com.tandem.process.ShadowItProcess.SHADOW_DECISION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tandem.budget.AllocationState;
import com.tandem.budget.BudgetAllocation;
import com.tandem.budget.BudgetOwner;
import com.tandem.budget.BudgetService;
import com.tandem.discovery.DiscoveryImports;
import com.tandem.discovery.DiscoverySource;
import com.tandem.discovery.FindingService;
import com.tandem.discovery.ImportSummary;
import com.tandem.discovery.Sighting;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.inventory.Tool;
import com.tandem.inventory.ToolStatus;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.OffboardingProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.ShadowItProcess;
import com.tandem.process.ShadowItProcess.Elements;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * Every path of {@code shadow-it-review} on the real application (H2, the real joint review,
 * inventory, budget, decision log and mail), each checked the way people would: the finding's
 * status, the inventory row, the holds and commitments, who is asked, the mails. The paths'
 * findings come from an in-memory stand-in for discovery's, so that each test sets what is known;
 * one test starts from a real sighting pushed to discovery. Sunset and replace run the real {@code
 * tool-offboarding} to the tool's retirement.
 */
@Import(ShadowItReviewProcessTest.Findings.class)
class ShadowItReviewProcessTest extends ProcessScenario {

  @TestConfiguration(proxyBeanMethods = false)
  static class Findings {
    @Bean
    @Primary
    InMemoryFindings inMemoryFindings(DiscoveryFindings discovery) {
      return new InMemoryFindings(discovery);
    }
  }

  static final AtomicInteger NEXT = new AtomicInteger(90001);

  @Autowired InMemoryFindings findings;
  @Autowired ShadowItReviews reviews;
  @Autowired InventoryService inventory;
  @Autowired BudgetService budget;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired Adoptions adoptions;
  @Autowired DiscoveryImports discoveryImports;
  @Autowired FindingService findingService;

  // ---- the paths ---------------------------------------------------------------------------

  @Test
  void shouldStartTheReviewOfANewVendorSeenByDiscovery() {
    ImportSummary pushed =
        discoveryImports.push(
            new Sighting(
                1,
                DiscoverySource.EXPENSE,
                "Descript Inc.",
                "Descript",
                null,
                null,
                new BigDecimal("288.00"),
                "USD",
                null,
                java.time.LocalDate.now().minusDays(3),
                "riley@tandem.example",
                "MKT-100"));
    assertThat(pushed.newFindings()).isEqualTo(1);
    String id =
        findingService.list(com.tandem.discovery.FindingStatus.DISCOVERED).stream()
            .filter(finding -> finding.vendor().startsWith("Descript"))
            .map(FindingService.ListedFinding::id)
            .findFirst()
            .orElseThrow();

    runJobs();

    assertThat(findingService.find(id).orElseThrow().status())
        .isEqualTo(com.tandem.discovery.FindingStatus.IN_REVIEW);
    Task assign = task(id, Elements.ASSIGN_OWNER);
    assertThat(assign.getName()).isEqualTo("Assign owner: Descript (%s)".formatted(id));
    assertThat(candidateGroups(assign)).containsExactly("marketing-leadership");
  }

  @Test
  void shouldRecordTheFindingDismissedWhenAnOperatorCancelsItsReview() {
    String id = discover("Cancelo Inc", "Cancelo", 2, "90.00");
    assign(id, "NONE");
    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.IN_REVIEW);

    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .processDefinitionKey("shadow-it-review")
            .singleResult()
            .getId();
    runtimeService.deleteProcessInstance(instance, "Cancelled in Cockpit");

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.DISMISSED);
    assertThat(findings.get(id).reason()).startsWith("The review was cancelled by an operator");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(id).count()).isZero();
  }

  @Test
  void shouldDismissTheFindingAndMailItOperationsWhenNotAMarketingTool() {
    String id = discover("Hopin Ltd", "Hopin", 14, "4800.00");

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.IN_REVIEW);
    Task assign = task(id, Elements.ASSIGN_OWNER);
    assertThat(assign.getName()).isEqualTo("Assign owner: Hopin (%s)".formatted(id));
    assertThat(candidateGroups(assign)).containsExactly("marketing-leadership");
    assertThat(shadowItFilter("cmo")).contains(assign.getId());
    assertThat(shadowItFilter("cio")).doesNotContain(assign.getId());
    assertThatThrownBy(
            () ->
                complete(id, Elements.ASSIGN_OWNER, "cmo", OWNER_DECISION.name(), "NOT_MARKETING"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("ownerComment");

    complete(
        id,
        Elements.ASSIGN_OWNER,
        "cmo",
        OWNER_DECISION.name(),
        "NOT_MARKETING",
        OWNER_COMMENT.name(),
        "HR runs its onboarding webinars on it.");

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.DISMISSED);
    assertThat(findings.get(id).reason()).isEqualTo("HR runs its onboarding webinars on it.");
    assertThat(mailsTo("itops@tandem.example", id))
        .containsExactly("[%s] Not a marketing tool: Hopin".formatted(id));
    assertThat(decisions(id)).containsExactly("OWNER_ASSIGNMENT:NOT_MARKETING:cmo");
    assertNothingLeftBehind(id);
    assertThat(openTasks(id)).isEmpty();
  }

  @Test
  void shouldAdoptWithinBudgetCommitTheSpendAndOnboard() {
    String id = discover("Loom, Inc.", "Loom", 23, "3600.00");
    assign(id, "NONE");

    // the reviewers see the tool as it is used, named after the finding
    Task marketing = task(id, JointReviewProcess.Elements.REVIEW_MARKETING);
    assertThat(marketing.getName()).isEqualTo("Marketing review: Loom (%s)".formatted(id));
    assertThat(taskService.getVariable(marketing.getId(), "usersSeen")).isEqualTo(23L);
    assertThat(taskService.getVariable(marketing.getId(), "usageSummary").toString())
        .contains(
            "23 users seen",
            "USD 3,600.00",
            "first seen 2 Mar 2026",
            "SSO (identity provider), Expense reports");
    assertThat(taskService.getVariable(marketing.getId(), "listRequestId")).isEqualTo(id);
    assertThat(taskService.getVariable(marketing.getId(), "ownerName"))
        .as("the owner by name in the review form, not the user id")
        .isEqualTo("Riley Requester");
    assertThat(taskService.getVariable(marketing.getId(), "spendSeenText"))
        .isEqualTo("USD 3,600.00");
    assertThat(taskService.getVariable(marketing.getId(), "firstSeenText")).isEqualTo("2 Mar 2026");
    assertThat(openTasks(id))
        .containsExactlyInAnyOrder(
            JointReviewProcess.Elements.REVIEW_MARKETING, JointReviewProcess.Elements.REVIEW_IT);
    review(id, "APPROVE", "APPROVE");

    Task decide = task(id, Elements.DECIDE_SHADOW_TOOL);
    assertThat(candidateGroups(decide)).containsExactly("it-leadership");
    assertThat(shadowItFilter("cio")).contains(decide.getId());
    assertThat(taskService.getVariable(decide.getId(), "reviewSummary").toString())
        .contains("Marketing review: APPROVE", "IT review: APPROVE");
    assertThat(taskService.getVariable(decide.getId(), ANNUAL_COST.name())).isEqualTo(3600.0);
    complete(id, Elements.DECIDE_SHADOW_TOOL, "cio", SHADOW_DECISION.name(), "ADOPT");

    Tool tool = inventory.toolOfRequest(id).orElseThrow();
    assertThat(tool.status()).isEqualTo(ToolStatus.ACTIVE);
    assertThat(tool.owner()).isEqualTo("Growth");
    assertThat(tool.name()).isEqualTo("Loom");
    assertThat(tool.annualCost()).isEqualByComparingTo("3600.00");
    assertThat(budget.allocations(id))
        .containsExactly(
            new BudgetAllocation(
                id,
                BudgetOwner.MARKETING,
                budget.fiscalYearOf(LocalDate.now()),
                new BigDecimal("3600.00"),
                AllocationState.COMMITTED));
    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.IN_REVIEW);
    // a retried adoption (a second node, Cockpit's Retry) adds nothing
    var again =
        adoptions.adopt(
            id,
            new NewTool(
                "Loom",
                "Loom, Inc.",
                List.of(),
                "Growth",
                new BigDecimal("3600.00"),
                "USD",
                null,
                "NONE",
                "NONE"));
    assertThat(again.tool()).contains(tool);
    assertThat(budget.allocations(id)).hasSize(1);
    assertThat(candidateGroups(task(id, Elements.COMPLETE_ONBOARDING)))
        .containsExactly("it-operations");

    complete(id, Elements.COMPLETE_ONBOARDING, "itops", "ssoConfigured", true, "dpaSigned", true);

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.ADOPTED);
    assertThat(findings.statuses(id))
        .containsExactly(FindingStatus.DISCOVERED, FindingStatus.IN_REVIEW, FindingStatus.ADOPTED);
    assertThat(decisions(id))
        .containsExactly(
            "OWNER_ASSIGNMENT:ASSIGN:cmo",
            "MARKETING_REVIEW:APPROVE:cmo",
            "IT_REVIEW:APPROVE:cio",
            "SHADOW_IT_DECISION:ADOPT:cio",
            "ONBOARDING:COMPLETED:itops");
    assertThat(budget.allocations(id))
        .extracting(BudgetAllocation::state)
        .containsExactly(AllocationState.COMMITTED);
    assertThat(openTasks(id)).isEmpty();
  }

  @Test
  void shouldNeitherHoldNorRegisterWhenTheBudgetCannotCarryTheToolAndLetItLeadershipDecideAgain() {
    String id = discover("Gong.io Ltd", "Gong", 40, "9000000.00");
    assign(id, "NONE");
    review(id, "APPROVE", "APPROVE");

    complete(id, Elements.DECIDE_SHADOW_TOOL, "cio", SHADOW_DECISION.name(), "ADOPT");

    Task again = task(id, Elements.DECIDE_SHADOW_TOOL);
    assertThat(taskService.getVariable(again.getId(), "budgetNote").toString())
        .contains("Not adopted", "MARKETING line", "joint budget proposal and the board");
    assertNothingLeftBehind(id);

    complete(id, Elements.DECIDE_SHADOW_TOOL, "cio", SHADOW_DECISION.name(), "SUNSET");
    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.OFFBOARDING);
    assertThat(budget.allocations(id)).isEmpty();
  }

  @Test
  void shouldRefuseToAdoptARejectedToolAndOffboardItWhenSunset() {
    String id = discover("Typeform SL", "Typeform", 8, "1200.00");
    assign(id, "PERSONAL");
    assertThat(candidateGroups(task(id, JointReviewProcess.Elements.REVIEW_PRIVACY)))
        .containsExactly("privacy-legal");
    review(id, "APPROVE", "APPROVE");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_PRIVACY,
        "privacy",
        PRIVACY_DECISION.name(),
        "REJECT",
        "privacyComment",
        "Survey answers with health data, no DPA.");

    assertThatThrownBy(
            () -> complete(id, Elements.DECIDE_SHADOW_TOOL, "cio", SHADOW_DECISION.name(), "ADOPT"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("rejected");
    assertThat(inventory.toolOfRequest(id)).isEmpty();

    complete(
        id,
        Elements.DECIDE_SHADOW_TOOL,
        "cio",
        SHADOW_DECISION.name(),
        "SUNSET",
        SHADOW_COMMENT.name(),
        "Export the answers, then close the account.");

    Tool tool = inventory.toolOfRequest(id).orElseThrow();
    assertThat(tool.status()).isEqualTo(ToolStatus.ACTIVE);
    assertThat(tool.owner()).isEqualTo("Growth");
    assertThat(tool.personalData()).isEqualTo("PERSONAL");
    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.OFFBOARDING);
    var offboarding = offboarding(id);
    assertThat(runtimeService.getVariables(offboarding.getId()))
        .containsEntry(OffboardingProcess.TOOL_ID.name(), tool.id())
        .containsEntry(
            OffboardingProcess.OFFBOARDING_REASON.name(),
            "Shadow IT (%s): Typeform is sunset.".formatted(id))
        .containsEntry(OffboardingProcess.REQUESTED_BY.name(), "cio");
    String off = offboarding.getBusinessKey();
    assertThat(candidateGroups(task(off, OffboardingProcess.Elements.EXPORT_DATA)))
        .containsExactly("it-operations");

    offboard(off, "privacy");

    assertThat(inventory.tool(tool.id()).orElseThrow().status()).isEqualTo(ToolStatus.RETIRED);

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.RETIRED);
    assertThat(findings.get(id).reason()).isEqualTo("Export the answers, then close the account.");
    assertThat(findings.statuses(id))
        .containsExactly(
            FindingStatus.DISCOVERED,
            FindingStatus.IN_REVIEW,
            FindingStatus.OFFBOARDING,
            FindingStatus.RETIRED);
    assertThat(budget.allocations(id)).isEmpty();
    assertThat(openTasks(id)).isEmpty();
  }

  @Test
  void shouldOffboardTheShadowToolWhenReplacedByAnActiveOwnedTool() {
    String id = discover("Calendly LLC", "Calendly", 6, "960.00");
    assign(id, "NONE");
    review(id, "REQUEST_CHANGES", "APPROVE");
    Tool owned =
        inventory.tools(Optional.empty()).stream()
            .filter(t -> t.status() == ToolStatus.ACTIVE)
            .findFirst()
            .orElseThrow();

    assertThatThrownBy(
            () ->
                complete(
                    id,
                    Elements.DECIDE_SHADOW_TOOL,
                    "cio",
                    SHADOW_DECISION.name(),
                    "REPLACE",
                    REPLACEMENT_TOOL_ID.name(),
                    999999L))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("ACTIVE tool");
    assertThatThrownBy(
            () -> complete(id, Elements.DECIDE_SHADOW_TOOL, "cio", SHADOW_DECISION.name(), "ADOPT"))
        .as("adopting despite requested changes needs a comment on how they are met")
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("shadowComment");

    complete(
        id,
        Elements.DECIDE_SHADOW_TOOL,
        "cio",
        SHADOW_DECISION.name(),
        "REPLACE",
        REPLACEMENT_TOOL_ID.name(),
        owned.id());

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.OFFBOARDING);
    var offboarding = offboarding(id);
    assertThat(
            runtimeService
                .getVariable(offboarding.getId(), OffboardingProcess.OFFBOARDING_REASON.name())
                .toString())
        .isEqualTo(
            "Shadow IT (%s): Calendly is replaced by %s (tool %d)."
                .formatted(id, owned.name(), owned.id()));
    offboard(offboarding.getBusinessKey(), "itops");

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.REPLACED);
    assertThat(decisions(id)).contains("SHADOW_IT_DECISION:REPLACE:cio");
    assertThat(budget.allocations(id)).isEmpty();
    assertThat(openTasks(id)).isEmpty();
  }

  @Test
  void shouldStartOneReviewPerFindingHoweverOftenItIsAskedWhoeverUploadedTheImport() {
    String id = "SIT-2026-%05d".formatted(NEXT.getAndIncrement());
    findings.discovered(id, "Miro AS", "Miro", 3, "0.00");
    // discovery starts the review in the import of an it-operations user, who may start no process
    as("itops");
    String first;
    try {
      first = reviews.startReview(id, "Miro AS");
      assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("itops");
    } finally {
      identityService.clearAuthentication();
    }
    runJobs();

    as("itops");
    String again;
    try {
      again = reviews.startReview(id, "Miro AS");
    } finally {
      identityService.clearAuthentication();
    }

    assertThat(again).isEqualTo(first);
    assertThat(openTasks(id)).containsExactly(Elements.ASSIGN_OWNER);

    assertThat(again)
        .isEqualTo(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(ShadowItProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id)
                .singleResult()
                .getId());
    assertThat(
            historyService
                .createHistoricProcessInstanceQuery()
                .processDefinitionKey(ShadowItProcess.PROCESS_KEY)
                .processInstanceBusinessKey(id)
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseAnOwnerWithoutTeamOrDataStatement() {
    String id = discover("Canva Pty Ltd", "Canva", 31, "2400.00");

    assertThatThrownBy(
            () ->
                complete(
                    id,
                    Elements.ASSIGN_OWNER,
                    "cmo",
                    OWNER_DECISION.name(),
                    "ASSIGN",
                    OWNER_USER.name(),
                    "cmo",
                    OWNER_TEAM.name(),
                    "Brand"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("personalData");
    assertThat(openTasks(id)).containsExactly(Elements.ASSIGN_OWNER);
  }

  // ---- steps as people take them ------------------------------------------------------------

  /** Discovery found a new vendor: the finding exists and its review starts, as the event would. */
  String discover(String vendor, String application, long users, String spend) {
    String id = "SIT-2026-%05d".formatted(NEXT.getAndIncrement());
    findings.discovered(id, vendor, application, users, spend);
    reviews.startReview(id, vendor);
    runJobs();
    return id;
  }

  void assign(String id, String personalData) {
    complete(
        id,
        Elements.ASSIGN_OWNER,
        "cmo",
        OWNER_DECISION.name(),
        "ASSIGN",
        OWNER_USER.name(),
        "requester",
        OWNER_TEAM.name(),
        "Growth",
        PERSONAL_DATA.name(),
        personalData,
        SSO.name(),
        "NONE");
  }

  void review(String id, String marketing, String it) {
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        marketing,
        MARKETING_COMMENT.name(),
        "Marketing's view.");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        IT_DECISION.name(),
        it,
        IT_COMMENT.name(),
        "IT's view.");
  }

  /** The offboarding the finding's review called (its own OFF-… case, started from the finding). */
  ProcessInstance offboarding(String findingId) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(OffboardingProcess.PROCESS_KEY)
        .variableValueEquals(OffboardingProcess.ORIGIN_CASE_ID.name(), findingId)
        .singleResult();
  }

  /** IT operations work the offboarding: nothing held, access revoked, deletion confirmed. */
  void offboard(String offboardingId, String deletionBy) {
    complete(
        offboardingId,
        OffboardingProcess.Elements.EXPORT_DATA,
        "itops",
        OffboardingProcess.NO_DATA_HELD.name(),
        true,
        OffboardingProcess.NO_DATA_REASON.name(),
        "The team kept nothing in it beyond the recordings already in our drive.");
    complete(
        offboardingId,
        OffboardingProcess.Elements.REVOKE_ACCESS,
        "itops",
        OffboardingProcess.SSO_REMOVED.name(),
        true,
        OffboardingProcess.API_KEYS_REVOKED.name(),
        true);
    complete(
        offboardingId,
        OffboardingProcess.Elements.CONFIRM_DELETION,
        deletionBy,
        OffboardingProcess.DELETION_CONFIRMED_ON.name(),
        java.time.LocalDate.now().minusDays(1).toString(),
        OffboardingProcess.DELETION_REFERENCE.name(),
        "DEL-2026-118");
  }

  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId)
        .filter(group -> group != null)
        .toList();
  }

  /** The tasks the user's Tasklist filter "Shadow IT" lists, as the user may see them. */
  List<String> shadowItFilter(String user) {
    as(user);
    try {
      Filter filter = filterService.createFilterQuery().filterName("Shadow IT").singleResult();
      return filterService.<Task>listPage(filter.getId(), 0, 100).stream()
          .map(Task::getId)
          .toList();
    } finally {
      identityService.clearAuthentication();
    }
  }

  void assertNothingLeftBehind(String id) {
    assertThat(budget.allocations(id)).as("holds or commitments of %s", id).isEmpty();
    assertThat(inventory.toolOfRequest(id)).as("inventory entry of %s", id).isEmpty();
  }
}
