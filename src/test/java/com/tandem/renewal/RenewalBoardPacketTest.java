package com.tandem.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.tandem.budget.BudgetOwner;
import com.tandem.budget.BudgetService;
import com.tandem.inventory.InventoryService;
import com.tandem.inventory.NewTool;
import com.tandem.inventory.ToolContract;
import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.renewal.RenewalProcess.Elements;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The board packet of a renewal whose next term does not fit its budget line (PRODUCT.md §7, §2.7):
 * what the board reads instead of an intake (the contract, seats bought against users seen, the
 * negotiated next term, both renewal reviews), in words and money with its currency, in the form,
 * as JSON and as the PDF of {@code GET /api/renewals/{id}/board-packet.pdf}. Same application
 * context as {@link RenewalProcessTest}.
 */
@Import(RenewalProcessTest.ControlledClock.class)
class RenewalBoardPacketTest extends ProcessScenario {

  static final AtomicInteger NEXT = new AtomicInteger(1);

  @LocalServerPort int port;
  @Autowired InventoryService inventory;
  @Autowired BudgetService budget;
  @Autowired RenewalScan scan;
  @Autowired Renewals renewals;

  final LocalDate today = LocalDate.now();

  /**
   * An owned tool of 12 seats at 9 000 000.00 USD a year (more than any line holds) whose contract
   * ends in 70 days; both leaderships renew it, procurement wins nothing: the CMO's office drafts.
   */
  String renewalAtTheDraft() {
    int n = NEXT.getAndIncrement();
    String cost = "9000000.00";
    var tool =
        inventory.registerInUse(
            "RBP-" + n,
            new NewTool(
                "Panelkit " + n,
                "Panelkit Research " + n + " Inc.",
                List.of("survey"),
                "Growth Marketing",
                new BigDecimal(cost),
                "USD",
                today.plusDays(70),
                "SAML",
                "NONE"));
    inventory.setContract(
        tool.id(),
        new ToolContract(
            today.plusDays(70).minusYears(1),
            today.plusDays(70),
            30,
            true,
            new BigDecimal(cost),
            12));
    scan.scan();
    runJobs();
    String id = renewals.ofTool(tool.id()).get(0).id();
    complete(
        id,
        Elements.REVIEW_MARKETING,
        "cmo",
        "renewalDecision",
        "RENEW_CHANGED",
        "seats",
        10L,
        "renewalComment",
        "Our customer panel runs on it; two seats sit unused.");
    complete(
        id,
        Elements.REVIEW_IT,
        "cio",
        "itRenewalDecision",
        "APPROVE",
        "itRenewalComment",
        "SSO and the DPA are in order.");
    complete(
        id,
        Elements.NEGOTIATE_RENEWAL,
        "itops",
        "negotiatedAnnualCost",
        7200000.0,
        "negotiationNote",
        "Ten per cent off for three years.");
    assertThat(openTasks(id)).containsExactly(Elements.DRAFT_BUDGET_PROPOSAL);
    return id;
  }

  /**
   * The renewal drafted (its shortfall on marketing, nothing on IT) and co-signed: at the board.
   */
  String renewalAtTheBoard() {
    String id = renewalAtTheDraft();
    int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
    BigDecimal shortfall =
        new BigDecimal("7200000.00")
            .subtract(
                budget.lines(fiscalYear).stream()
                    .filter(l -> l.owner() == BudgetOwner.MARKETING)
                    .findFirst()
                    .orElseThrow()
                    .available());
    complete(
        id,
        Elements.DRAFT_BUDGET_PROPOSAL,
        "cmo",
        "proposalMarketingAmount",
        shortfall.doubleValue(),
        "proposalItAmount",
        0.0,
        "proposalJustification",
        "Dropping it would stop the customer panel in the middle of the year.");
    complete(
        id,
        Elements.COSIGN_BUDGET_PROPOSAL,
        "cio",
        "cosignDecision",
        "APPROVE",
        "cosignComment",
        "Co-signed.");
    assertThat(openTasks(id)).containsExactly(BoardSubmissionProcess.Elements.BOARD_DECISION);
    return id;
  }

  @Test
  void shouldShowTheBoardTheRenewalInWordsAndMoney() throws Exception {
    String id = renewalAtTheBoard();
    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    assertThat(board.getName()).contains("Panelkit", id);
    JsonNode packet =
        new ObjectMapper()
            .readTree(taskService.getVariable(board.getId(), "boardPacketView").toString());

    assertThat(packet.path("request").isNull() || packet.path("request").isMissingNode())
        .as("no intake section")
        .isTrue();
    assertThat(packet.path("inUse").isNull() || packet.path("inUse").isMissingNode())
        .as("no tool-in-use section")
        .isTrue();
    assertThat(packet.at("/title").asText()).contains(id, "renewing Panelkit");
    JsonNode renewal = packet.at("/renewal");
    assertThat(renewal.at("/owner").asText()).isEqualTo("Growth Marketing");
    assertThat(renewal.at("/currentCost").asText()).isEqualTo("USD 9,000,000.00 a year");
    assertThat(renewal.at("/seatsBought").asText()).isEqualTo("12");
    assertThat(renewal.at("/usage").asText()).isEqualTo("no usage data (12 seats bought)");
    assertThat(renewal.at("/nextSeats").asText()).isEqualTo("10");
    assertThat(renewal.at("/askedCost").asText()).isEqualTo("USD 7,500,000.00 a year");
    assertThat(renewal.at("/nextTermCost").asText()).isEqualTo("USD 7,200,000.00 a year");
    assertThat(renewal.at("/fiscalYear").asText())
        .isEqualTo("FY" + budget.fiscalYearOf(today.plusDays(70)));
    assertThat(renewal.at("/marketingReview").asText()).startsWith("Renew with 10 seats, by ");
    assertThat(renewal.at("/marketingComment").asText()).contains("customer panel");
    assertThat(renewal.at("/itReview").asText()).startsWith("Approved the renewal, by ");
    assertThat(renewal.at("/itComment").asText()).isEqualTo("SSO and the DPA are in order.");
    assertThat(packet.at("/cost/annualLicense").asText()).isEqualTo("USD 7,200,000.00 a year");
    assertThat(packet.at("/proposal/itRaise").asText()).isEqualTo("USD 0.00");
    assertThat(packet.at("/reviews/0/decision").asText()).startsWith("Proposed raising the budget");
    assertThat(packet.toString())
        .doesNotContain("RENEW_CHANGED", "\"RENEW\"", "\"APPROVE\"", "BUDGET_COSIGN", "by cmo");
  }

  @Test
  void shouldServeARenewalsBoardPacketAsAPdfToThoseWhoDecideOnMoney() throws Exception {
    String id = renewalAtTheBoard();

    HttpResponse<byte[]> reply = get("/api/renewals/" + id + "/board-packet.pdf", "board");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/pdf");
    String text = text(reply.body());
    assertThat(text)
        .contains(
            "Board packet " + id,
            "1. The renewal",
            "Panelkit",
            "Growth Marketing",
            "USD 9,000,000.00 a year",
            "no usage data (12 seats bought)",
            "USD 7,200,000.00 a year",
            "Ten per cent off for three years.",
            "Renew with 10 seats",
            "two seats sit unused",
            "Approved the renewal",
            "SSO and the DPA are in order.",
            "Raise the marketing line by",
            "Dropping it would stop the customer panel")
        .doesNotContain("RENEW_CHANGED", "APPROVE", "BUDGET_PROPOSAL");

    for (String leadership : new String[] {"cmo", "cio"}) {
      assertThat(get("/api/renewals/" + id + "/board-packet.pdf", leadership).statusCode())
          .as(leadership)
          .isEqualTo(200);
    }
    assertThat(get("/api/renewals/" + id + "/board-packet.pdf", "requester").statusCode())
        .isEqualTo(403);
    assertThat(get("/api/renewals/" + id + "/board-packet.pdf", "itops").statusCode())
        .isEqualTo(403);
    assertThat(get("/api/renewals/REN-2001-99999/board-packet.pdf", "board").statusCode())
        .isEqualTo(404);
    // a renewal is not a purchase request nor a finding, and a request is no renewal
    assertThat(get("/api/purchase-requests/" + id + "/board-packet.pdf", "board").statusCode())
        .isEqualTo(404);
    assertThat(get("/api/discoveries/" + id + "/board-packet.pdf", "board").statusCode())
        .isEqualTo(404);
    assertThat(get("/api/renewals/MTR-2001-99999/board-packet.pdf", "board").statusCode())
        .isEqualTo(404);
  }

  @Test
  @RequiresChromium
  void shouldShowTheCmoAndTheBoardTheRenewalInTasklist() {
    String id = renewalAtTheDraft();
    Task draft = task(id, Elements.DRAFT_BUDGET_PROPOSAL);
    try (Browser browser = new Browser("renewal-draft")) {
      browser.onFailureScreenshot(
          () -> {
            signIn(browser, "cmo");
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + draft.getId()));
            WebElement form = browser.visible(By.cssSelector(".fjs-form"));
            browser.await(driver -> form.getText().contains("The renewal"));
            String shown = form.getText() + "\n" + textAreas(browser);
            assertThat(shown)
                .contains(
                    "Both leaderships decided to renew this tool",
                    "Panelkit",
                    "USD 9,000,000.00 a year",
                    "Renew with 10 seats, by Casey",
                    "SSO and the DPA are in order.",
                    "Raise the marketing line by")
                .doesNotContain(
                    "The request",
                    "Business justification",
                    "The board must decide",
                    "The tool in use (shadow-IT finding)",
                    "RENEW_CHANGED");
            browser.screenshot("cmo-drafts-for-the-renewal");
          });
    }
    // on to the board
    int fiscalYear = budget.fiscalYearOf(today.plusDays(70));
    BigDecimal shortfall =
        new BigDecimal("7200000.00")
            .subtract(
                budget.lines(fiscalYear).stream()
                    .filter(l -> l.owner() == BudgetOwner.MARKETING)
                    .findFirst()
                    .orElseThrow()
                    .available());
    complete(
        id,
        Elements.DRAFT_BUDGET_PROPOSAL,
        "cmo",
        "proposalMarketingAmount",
        shortfall.doubleValue(),
        "proposalItAmount",
        0.0,
        "proposalJustification",
        "Dropping it would stop the customer panel in the middle of the year.");
    Task cosign = task(id, Elements.COSIGN_BUDGET_PROPOSAL);
    try (Browser browser = new Browser("renewal-cosign")) {
      browser.onFailureScreenshot(
          () -> {
            signIn(browser, "cio");
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + cosign.getId()));
            WebElement form = browser.visible(By.cssSelector(".fjs-form"));
            browser.await(driver -> form.getText().contains("The renewal"));
            String shown = form.getText() + "\n" + textAreas(browser);
            assertThat(shown)
                .contains(
                    "fund the next term of a tool we own",
                    "Panelkit",
                    "USD 7,200,000.00 a year as negotiated",
                    "Approved the renewal, by Indra",
                    "Dropping it would stop the customer panel")
                .doesNotContain(
                    "The request",
                    "Business justification",
                    "The tool in use (shadow-IT finding)",
                    "adopt");
            browser.screenshot("cio-cosigns-for-the-renewal");
          });
    }
    complete(id, Elements.COSIGN_BUDGET_PROPOSAL, "cio", "cosignDecision", "APPROVE");
    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    try (Browser browser = new Browser("renewal-board")) {
      browser.onFailureScreenshot(
          () -> {
            signIn(browser, "board");
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + board.getId()));
            WebElement form = browser.visible(By.cssSelector(".fjs-form"));
            browser.await(driver -> form.getText().contains("6. The joint proposal"));
            assertThat(form.getText())
                .contains(
                    "budget to renew a tool we own",
                    "1. The renewal",
                    "Growth Marketing",
                    "USD 9,000,000.00 a year",
                    "USD 7,200,000.00 a year",
                    "no usage data (12 seats bought)",
                    "Renew with 10 seats",
                    "SSO and the DPA are in order.",
                    "a tool we own, up for renewal",
                    "Raise the marketing line by")
                .doesNotContain(
                    "1. The request",
                    "requested by",
                    "approve this purchase",
                    "The tool in use (shadow-IT finding)",
                    "adopt a tool found in use",
                    "No tool we own does what this tool does");
            assertThat(browser.driver().findElements(By.partialLinkText("as a PDF")))
                .as("one link to the packet")
                .hasSize(1);
            assertThat(
                    browser
                        .visible(By.partialLinkText("Open the board packet as a PDF"))
                        .getAttribute("href"))
                .endsWith("/api/renewals/" + id + "/board-packet.pdf");
            browser.screenshot("board-sees-the-renewal");
          });
    }
  }

  /** What the form's text areas show: their values, which are not part of the page's text. */
  private static String textAreas(Browser browser) {
    return String.join(
        "\n",
        browser.driver().findElements(By.cssSelector(".fjs-form textarea")).stream()
            .map(area -> area.getDomProperty("value"))
            .toList());
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

  private static String text(byte[] pdf) throws Exception {
    PdfReader reader = new PdfReader(pdf);
    StringBuilder text = new StringBuilder();
    PdfTextExtractor extractor = new PdfTextExtractor(reader);
    for (int page = 1; page <= reader.getNumberOfPages(); page++) {
      text.append(extractor.getTextFromPage(page)).append('\n');
    }
    return text.toString();
  }

  private HttpResponse<byte[]> get(String path, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
