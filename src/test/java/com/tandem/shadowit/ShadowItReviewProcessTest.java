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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.tandem.budget.AllocationState;
import com.tandem.budget.BudgetAllocation;
import com.tandem.budget.BudgetLine;
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
import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.OffboardingProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.ShadowItProcess;
import com.tandem.process.ShadowItProcess.Elements;
import com.tandem.process.TaskPresentationListener;
import com.tandem.request.Money;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
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
  @LocalServerPort int port;

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
                "NONE"),
            budget.fiscalYearOf(LocalDate.now()));
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
  void shouldFundAnAdoptionOverBudgetThroughTheJointProposalAndTheBoardThenCommitAndOnboard()
      throws Exception {
    String id = discover("Gong.io Ltd", "Gong", 40, "9000.00");
    int year = budget.fiscalYearOf(LocalDate.now());
    BigDecimal lineBefore = marketingLine(year).amount();
    BigDecimal annualCost = marketingLine(year).available().add(new BigDecimal("5000.00"));
    assign(id, "NONE");
    review(id, "APPROVE", "APPROVE");

    adopt(id, annualCost);

    // nothing is held or registered while the money is asked for
    assertNothingLeftBehind(id);
    Task draft = task(id, Elements.DRAFT_BUDGET_PROPOSAL);
    assertThat(candidateGroups(draft)).containsExactly("marketing-leadership");
    assertThat(draft.getName()).isEqualTo("Draft joint budget proposal: Gong (%s)".formatted(id));
    assertThat(taskService.getVariable(draft.getId(), "proposalMarketingAmount")).isEqualTo(5000.0);
    assertThat(taskService.getVariable(draft.getId(), "proposalItAmount")).isEqualTo(0.0);
    assertThat(taskService.getVariable(draft.getId(), "budgetSummary").toString())
        .contains("Adopting the tool needs", "Shortfall: MARKETING USD 5,000.00");
    // the form shows what is known of the tool in use, not a requester's intake
    assertThat(taskService.getVariable(draft.getId(), "usageSummary").toString())
        .contains("40 users seen");
    assertThat(taskService.getVariable(draft.getId(), "ownerTeam")).isEqualTo("Growth");
    // people by name, money with its currency, days as people write them
    assertThat(taskService.getVariable(draft.getId(), "ownerName")).isEqualTo("Riley Requester");
    assertThat(taskService.getVariable(draft.getId(), "annualCostText"))
        .isEqualTo(TaskPresentationListener.money(annualCost, "USD"));
    assertThat(taskService.getVariable(draft.getId(), "spendSeenText").toString())
        .startsWith("USD ");
    assertThat(taskService.getVariable(draft.getId(), "firstSeenText").toString())
        .matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
    assertThatThrownBy(
            () ->
                complete(
                    id,
                    Elements.DRAFT_BUDGET_PROPOSAL,
                    "cmo",
                    "proposalMarketingAmount",
                    4000.0,
                    "proposalItAmount",
                    0.0,
                    "proposalJustification",
                    "Less."))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("short by USD 5,000.00");
    propose(id, 6000.0);
    assertThat(candidateGroups(task(id, Elements.COSIGN_BUDGET_PROPOSAL)))
        .containsExactly("it-leadership");
    complete(id, Elements.COSIGN_BUDGET_PROPOSAL, "cio", "cosignDecision", "APPROVE");

    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    assertThat(candidateGroups(board)).containsExactly("board");
    assertThat(taskService.getVariable(board.getId(), "findingId")).isEqualTo(id);
    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.IN_REVIEW);
    assertThat(mailsTo("board@tandem.example", id))
        .containsExactly("[%s] The board is asked to decide on Gong".formatted(id));
    complete(
        id, BoardSubmissionProcess.Elements.BOARD_DECISION, "board", "boardDecision", "APPROVE");

    // the line was raised by exactly what was asked, then the adoption committed the spend
    assertThat(marketingLine(year).amount())
        .isEqualByComparingTo(lineBefore.add(new BigDecimal("6000.00")));
    assertThat(budget.allocations(id))
        .containsExactly(
            new BudgetAllocation(
                id, BudgetOwner.MARKETING, year, annualCost, AllocationState.COMMITTED));
    Tool tool = inventory.toolOfRequest(id).orElseThrow();
    assertThat(tool.status()).isEqualTo(ToolStatus.ACTIVE);
    assertThat(tool.annualCost()).isEqualByComparingTo(annualCost);
    complete(id, Elements.COMPLETE_ONBOARDING, "itops", "ssoConfigured", true, "dpaSigned", true);

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.ADOPTED);
    assertThat(decisions(id))
        .containsExactly(
            "OWNER_ASSIGNMENT:ASSIGN:cmo",
            "MARKETING_REVIEW:APPROVE:cmo",
            "IT_REVIEW:APPROVE:cio",
            "SHADOW_IT_DECISION:ADOPT:cio",
            "BUDGET_PROPOSAL:PROPOSED 6000.00:cmo",
            "BUDGET_COSIGN:APPROVE:cio",
            "BOARD:APPROVE:board",
            "ONBOARDING:COMPLETED:itops");
    assertThat(marketingLine(year).amount())
        .as("raised once")
        .isEqualByComparingTo(lineBefore.add(new BigDecimal("6000.00")));
    assertThat(openTasks(id)).isEmpty();
  }

  @Test
  void shouldShowTheBoardTheFactsOfTheToolInUseInItsPacketFormPdfAndMail() throws Exception {
    String id = discover("Hotjar Ltd", "Hotjar", 57, "7200.00");
    BigDecimal annualCost =
        marketingLine(budget.fiscalYearOf(LocalDate.now())).available().add(new BigDecimal("100"));
    assign(id, "PSEUDONYMOUS");
    review(id, "APPROVE", "APPROVE");
    adopt(id, annualCost);
    propose(id, 100.0);
    complete(id, Elements.COSIGN_BUDGET_PROPOSAL, "cio", "cosignDecision", "APPROVE");

    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    JsonNode packet =
        new ObjectMapper()
            .readTree(taskService.getVariable(board.getId(), "boardPacketView").toString());
    assertThat(packet.hasNonNull("request")).as("a finding has no intake").isFalse();
    assertThat(packet.at("/inUse/toolName").asText()).isEqualTo("Hotjar");
    assertThat(packet.at("/inUse/usersSeen").asText()).isEqualTo("57");
    assertThat(packet.at("/inUse/spendSeen").asText())
        .isEqualTo("USD 7,200.00 in the last twelve months");
    assertThat(packet.at("/inUse/firstSeen").asText()).isEqualTo("2 March 2026");
    assertThat(packet.at("/inUse/seenIn").asText())
        .isEqualTo("SSO (identity provider), Expense reports");
    assertThat(packet.at("/inUse/owner").asText()).isEqualTo("Riley Requester");
    assertThat(packet.at("/inUse/team").asText()).isEqualTo("Growth");
    assertThat(packet.at("/inUse/personalData").asText()).isEqualTo("Pseudonymous data only");
    assertThat(packet.at("/proposal/marketingRaise").asText()).isEqualTo("USD 100.00");
    assertThat(packet.at("/budget/lines/0/shortfall").asText()).isEqualTo("USD 100.00");
    // the decisions read as people read them: the owner by name, the cost with its currency
    List<String> comments = new ArrayList<>();
    packet.at("/reviews").forEach(review -> comments.add(review.at("/comment").asText()));
    assertThat(comments)
        .contains(
            "Owner: Riley Requester (Growth).",
            "Annual cost " + Money.format(annualCost, "USD") + ".");

    HttpResponse<byte[]> reply = pdf("/api/discoveries/" + id + "/board-packet.pdf", "board");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdfText(reply.body()))
        .contains(
            "Board packet " + id,
            "adopting Hotjar",
            "Decision on the tool in use (IT leadership): Adopt",
            "The tool in use (shadow-IT finding)",
            "Users seen",
            "57",
            "USD 7,200.00 in the last twelve months",
            "Riley Requester (Growth)",
            "SSO (identity provider), Expense reports",
            "Marketing's view.",
            "40 people work in it daily.")
        .doesNotContain("Requested by", "Needed by");
    assertThat(pdf("/api/discoveries/" + id + "/board-packet.pdf", "itops").statusCode())
        .isEqualTo(403);
    assertThat(pdf("/api/discoveries/SIT-2001-99999/board-packet.pdf", "board").statusCode())
        .isEqualTo(404);
    assertThat(pdf("/api/purchase-requests/" + id + "/board-packet.pdf", "board").statusCode())
        .as("a finding is no purchase request")
        .isEqualTo(404);

    mailDispatcher.dispatchDue();
    var mail =
        Arrays.stream(SMTP.getReceivedMessages())
            .filter(
                m ->
                    subjectOf(m)
                        .equals("[%s] The board is asked to decide on Hotjar".formatted(id)))
            .findFirst()
            .orElseThrow();
    var content = (jakarta.mail.Multipart) mail.getContent();
    String all = new String(mail.getInputStream().readAllBytes());
    assertThat(content.getCount()).isGreaterThan(1);
    assertThat(all).contains("board-packet-" + id + ".pdf");
  }

  @Test
  @RequiresChromium
  void shouldShowTheBoardTheToolInUseInTasklist() {
    String id = discover("Hotjar Ltd", "Hotjar", 57, "7200.00");
    assign(id, "NONE");
    review(id, "APPROVE", "APPROVE");
    adopt(
        id,
        marketingLine(budget.fiscalYearOf(LocalDate.now())).available().add(new BigDecimal("100")));
    Task draft = task(id, Elements.DRAFT_BUDGET_PROPOSAL);
    try (Browser browser = new Browser("shadow-it-draft")) {
      browser.onFailureScreenshot(
          () -> {
            signIn(browser, "cmo");
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + draft.getId()));
            WebElement form = browser.visible(By.cssSelector(".fjs-form"));
            browser.await(driver -> form.getText().contains("The tool in use (shadow-IT finding)"));
            assertThat(form.getText())
                .contains(
                    "Hotjar from Hotjar Ltd: nobody requested it",
                    "Owned by Riley Requester (Growth)",
                    "What discovery knows",
                    "Raise the marketing line by")
                .doesNotContain("The request", "Business justification", "The board must decide");
            // the spend and the cost with their currency, the day as people write it
            assertThat(
                    form.findElements(By.cssSelector("input")).stream()
                        .map(input -> input.getAttribute("value"))
                        .toList())
                .contains("USD 7,200.00", "2 Mar 2026")
                .anyMatch(value -> value.matches("USD \\d{3},\\d{3}\\.\\d{2}"));
            browser.screenshot("cmo-drafts-for-the-tool-in-use");
          });
    }
    propose(id, 100.0);
    complete(id, Elements.COSIGN_BUDGET_PROPOSAL, "cio", "cosignDecision", "APPROVE");
    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    try (Browser browser = new Browser("shadow-it-board")) {
      browser.onFailureScreenshot(
          () -> {
            signIn(browser, "board");
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + board.getId()));
            WebElement form = browser.visible(By.cssSelector(".fjs-form"));
            browser.await(driver -> form.getText().contains("6. The joint proposal"));
            assertThat(form.getText())
                .contains(
                    "budget to adopt a tool found in use",
                    "1. The tool in use (shadow-IT finding)",
                    "Users seen: 57",
                    "USD 7,200.00 in the last twelve months",
                    "Riley Requester",
                    "Raise the marketing line by")
                .doesNotContain("1. The request", "requested by", "approve this purchase");
            assertThat(browser.driver().findElements(By.partialLinkText("as a PDF")))
                .as("one link to the packet")
                .hasSize(1);
            assertThat(
                    browser
                        .visible(By.partialLinkText("Open the board packet as a PDF"))
                        .getAttribute("href"))
                .endsWith("/api/discoveries/" + id + "/board-packet.pdf");
            browser.screenshot("board-sees-the-tool-in-use");
          });
    }
  }

  private void signIn(Browser browser, String user) {
    browser.open(url("/camunda/app/tasklist/default/"));
    browser.type(
        By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']"),
        user);
    browser.type(By.cssSelector("input[type='password']"), "demo");
    browser.click(By.cssSelector("form button[type='submit']"));
    browser.visible(By.cssSelector(".task-filters, .tasks-list, [cam-tasklist-filters]"));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void shouldBringTheDecisionBackWhenTheBoardRejectsTheMoneyAndOffboardTheSunsetTool() {
    String id = discover("Drift.com Inc", "Drift", 12, "3000.00");
    int year = budget.fiscalYearOf(LocalDate.now());
    BigDecimal lineBefore = marketingLine(year).amount();
    assign(id, "NONE");
    review(id, "APPROVE", "APPROVE");
    adopt(id, marketingLine(year).available().add(new BigDecimal("2500.00")));
    propose(id, 2500.0);
    complete(id, Elements.COSIGN_BUDGET_PROPOSAL, "cio", "cosignDecision", "APPROVE");
    complete(
        id,
        BoardSubmissionProcess.Elements.BOARD_DECISION,
        "board",
        "boardDecision",
        "REJECT",
        "boardComment",
        "We fund chat once, on the CRM's chat.");

    Task decide = task(id, Elements.DECIDE_SHADOW_TOOL);
    assertThat(taskService.getVariable(decide.getId(), "budgetNote").toString())
        .contains(
            "the board rejected", "We fund chat once, on the CRM's chat.", "replace or sunset");
    assertThat(taskService.getVariable(decide.getId(), "proposalMarketingAmount")).isNull();
    assertNothingLeftBehind(id);
    assertThat(marketingLine(year).amount()).isEqualByComparingTo(lineBefore);

    complete(id, Elements.DECIDE_SHADOW_TOOL, "cio", SHADOW_DECISION.name(), "SUNSET");
    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.OFFBOARDING);
    offboard(offboarding(id).getBusinessKey(), "itops");

    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.RETIRED);
    assertThat(inventory.toolOfRequest(id).orElseThrow().status()).isEqualTo(ToolStatus.RETIRED);
    assertThat(budget.allocations(id)).isEmpty();
    assertThat(marketingLine(year).amount()).isEqualByComparingTo(lineBefore);
    assertThat(decisions(id))
        .contains("BOARD:REJECT:board", "SHADOW_IT_DECISION:SUNSET:cio")
        .doesNotContain("ONBOARDING:COMPLETED:itops");
    assertThat(openTasks(id)).isEmpty();
  }

  @Test
  void shouldBringTheDecisionBackWhenTheCioDoesNotCosignAndGoToNoBoard() {
    String id = discover("Zapier Inc", "Zapier", 9, "2400.00");
    int year = budget.fiscalYearOf(LocalDate.now());
    assign(id, "NONE");
    review(id, "APPROVE", "APPROVE");
    adopt(id, marketingLine(year).available().add(new BigDecimal("800.00")));
    propose(id, 800.0);

    complete(
        id,
        Elements.COSIGN_BUDGET_PROPOSAL,
        "cio",
        "cosignDecision",
        "REJECT",
        "cosignComment",
        "Our integration platform does this.");

    Task decide = task(id, Elements.DECIDE_SHADOW_TOOL);
    assertThat(taskService.getVariable(decide.getId(), "budgetNote").toString())
        .contains("did not co-sign", "Our integration platform does this.");
    assertThat(openTasks(id)).containsExactly(Elements.DECIDE_SHADOW_TOOL);
    assertThat(mailsTo("board@tandem.example", id)).isEmpty();
    assertNothingLeftBehind(id);
    assertThat(findings.get(id).status()).isEqualTo(FindingStatus.IN_REVIEW);
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

  /** IT leadership adopts the tool at the annual cost it states. */
  void adopt(String id, BigDecimal annualCost) {
    complete(
        id,
        Elements.DECIDE_SHADOW_TOOL,
        "cio",
        SHADOW_DECISION.name(),
        "ADOPT",
        ANNUAL_COST.name(),
        annualCost.doubleValue());
  }

  /** The CMO's office asks for the marketing line to be raised, nothing of IT. */
  void propose(String id, double marketingRaise) {
    complete(
        id,
        Elements.DRAFT_BUDGET_PROPOSAL,
        "cmo",
        "proposalMarketingAmount",
        marketingRaise,
        "proposalItAmount",
        0.0,
        "proposalJustification",
        "40 people work in it daily.");
  }

  BudgetLine marketingLine(int fiscalYear) {
    return budget.lines(fiscalYear).stream()
        .filter(line -> line.owner() == BudgetOwner.MARKETING)
        .findFirst()
        .orElseThrow();
  }

  HttpResponse<byte[]> pdf(String path, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  static String pdfText(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    return text.toString();
  }

  static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

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
