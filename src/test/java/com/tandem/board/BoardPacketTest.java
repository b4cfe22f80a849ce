package com.tandem.board;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.tandem.process.BoardSubmissionProcess;
import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.PurchaseProcess;
import com.tandem.request.RequestStatus;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board packet a board member reads: in the form's sections and as a PDF, in words and money
 * with its currency, with the cost over the whole term, the tools we own that overlap with their
 * cost and owner, each review with its checklist and comment, and the proposal per budget line.
 */
class BoardPacketTest extends ProcessScenario {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired BoardPacketPdf pdf;

  @AfterEach
  void retireToolsBroughtIn() {
    jdbc.sql("UPDATE tandem_tool SET status = 'RETIRED' WHERE request_id IS NOT NULL").update();
  }

  /** A 36-month email-marketing tool (we own some) above the board threshold, at the board. */
  String requestAtTheBoard() {
    Map<String, Object> fields = intake();
    fields.putAll(
        vars(
            "toolName", "Mailwise",
            "vendor", "Mailwise GmbH",
            "capabilities", "email-marketing",
            "annualLicenseCost", "150000.00",
            "implementationCost", "30000.00",
            "contractTermMonths", 36L,
            "personalData", "PERSONAL"));
    String id = submit(fields);
    complete(
        id,
        PurchaseProcess.Elements.CONSIDER_EXISTING_TOOL,
        "requester",
        "useExistingTool",
        false,
        "newToolJustification",
        "Our current tool cannot send in the customer's language.");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        "marketingDecision",
        "APPROVE",
        "marketingComment",
        "Fits the 2027 plan.");
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_IT,
        "cio",
        "itDecision",
        "APPROVE",
        "itComment",
        "Fine once the DPA is signed.",
        "itChecklistSso",
        true,
        "itChecklistDataExport",
        true,
        "itChecklistDeletion",
        false,
        "itChecklistDpa",
        true,
        "itChecklistIntegration",
        true);
    complete(
        id,
        JointReviewProcess.Elements.REVIEW_PRIVACY,
        "privacy",
        "privacyDecision",
        "APPROVE",
        "privacyComment",
        "DPA with SCCs required.");
    complete(
        id,
        PurchaseProcess.Elements.DRAFT_BUDGET_PROPOSAL,
        "cmo",
        "proposalAmount",
        200000.0,
        "proposalMarketingAmount",
        170000.0,
        "proposalItAmount",
        30000.0,
        "proposalJustification",
        "Email is our first channel; the licence pays for itself in a year.");
    complete(
        id,
        PurchaseProcess.Elements.COSIGN_BUDGET_PROPOSAL,
        "cio",
        "cosignDecision",
        "APPROVE",
        "cosignComment",
        "Co-signed.");
    assertThat(status(id)).isEqualTo(RequestStatus.BOARD_REVIEW);
    return id;
  }

  @Test
  void shouldShowTheBoardEveryPacketSectionInWordsAndMoney() throws Exception {
    String id = requestAtTheBoard();
    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    Object view = taskService.getVariable(board.getId(), "boardPacketView");
    JsonNode packet = new ObjectMapper().readTree(view.toString());

    assertThat(packet.at("/cost/totalOverTerm").asText()).isEqualTo("USD 480,000.00");
    assertThat(packet.at("/cost/years").size()).isEqualTo(3);
    assertThat(packet.at("/cost/years/0/amount").asText()).isEqualTo("USD 180,000.00");
    assertThat(packet.at("/ownedOverlaps").size()).isPositive();
    assertThat(packet.at("/ownedOverlaps/0/annualCost").asText()).startsWith("USD ");
    assertThat(packet.at("/request/personalData").asText()).isEqualTo("Personal data");
    assertThat(packet.at("/proposal/marketingRaise").asText()).isEqualTo("USD 170,000.00");
    assertThat(packet.at("/proposal/itRaise").asText()).isEqualTo("USD 30,000.00");
    assertThat(packet.toString())
        .doesNotContain(
            "MARKETING_REVIEW",
            "IT_REVIEW",
            "\"APPROVE\"",
            "NEW_TOOL_NEEDED",
            "CAPABILITY",
            "PERSONAL\"");
  }

  @Test
  void shouldServeTheBoardPacketAsAPdfToThoseWhoDecideOnMoney() throws Exception {
    String id = requestAtTheBoard();

    HttpResponse<byte[]> reply = get(id, "board");
    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/pdf");
    Path file = Path.of("target", "board-packet", "board-packet-" + id + ".pdf");
    Files.createDirectories(file.getParent());
    Files.write(file, reply.body());

    String text = text(reply.body());
    assertThat(text)
        .contains(
            "Board packet " + id,
            "Mailwise",
            "Total over 36 months (3 years)",
            "USD 480,000.00",
            "USD 180,000.00",
            "Marketing review",
            "Approved",
            "Fits the 2027 plan.",
            "SSO through our identity provider is possible",
            "The vendor deletes our data on exit, with confirmation",
            "DPA with SCCs required.",
            "Raise the marketing line by",
            "USD 170,000.00",
            "USD 30,000.00",
            "Email is our first channel",
            "Personal data",
            "Our current tool cannot send in the customer's language.")
        .doesNotContain("MARKETING_REVIEW", "APPROVE", "NEW_TOOL_NEEDED", "CAPABILITY", "PERSONAL");

    for (String leadership : new String[] {"cmo", "cio"}) {
      assertThat(get(id, leadership).statusCode()).as(leadership).isEqualTo(200);
    }
    assertThat(get(id, "requester").statusCode()).isEqualTo(403);
    assertThat(get(id, "itops").statusCode()).isEqualTo(403);
    assertThat(get("MTR-2001-99999", "board").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldMailTheBoardThePacketAsAnAttachedPdf() throws Exception {
    String id = requestAtTheBoard();

    assertThat(mailsTo("board@tandem.example", id))
        .containsExactly("[" + id + "] The board is asked to decide on Mailwise");
    jakarta.mail.internet.MimeMessage mail =
        java.util.Arrays.stream(SMTP.getReceivedMessages())
            .filter(m -> subjectOf(m).startsWith("[" + id + "] The board"))
            .findFirst()
            .orElseThrow();
    List<jakarta.mail.BodyPart> parts = new java.util.ArrayList<>();
    leaves((jakarta.mail.Multipart) mail.getContent(), parts);
    String body =
        (String)
            parts.stream()
                .filter(p -> isType(p, "text/plain"))
                .findFirst()
                .orElseThrow()
                .getContent();
    assertThat(body).contains("attached as a PDF").contains("Mailwise GmbH").contains("http");
    var attachment =
        parts.stream().filter(p -> isType(p, "application/pdf")).findFirst().orElseThrow();
    assertThat(attachment.getFileName()).isEqualTo("board-packet-" + id + ".pdf");
    byte[] bytes = attachment.getInputStream().readAllBytes();
    assertThat(text(bytes)).contains("Board packet " + id).contains("Mailwise");
    // one mail per board cycle, however often the outbox looks again
    assertThat(mailsTo("board@tandem.example", id)).hasSize(1);
  }

  private static void leaves(jakarta.mail.Multipart multipart, List<jakarta.mail.BodyPart> into)
      throws Exception {
    for (int i = 0; i < multipart.getCount(); i++) {
      var part = multipart.getBodyPart(i);
      if (part.getContent() instanceof jakarta.mail.Multipart nested) {
        leaves(nested, into);
      } else {
        into.add(part);
      }
    }
  }

  private static boolean isType(jakarta.mail.BodyPart part, String type) {
    try {
      return part.isMimeType(type);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subjectOf(jakarta.mail.internet.MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldGiveTheMailThePdfOfARequestThroughOneMethod() throws Exception {
    String id = requestAtTheBoard();
    byte[] bytes = pdf.forRequest(id);
    assertThat(new String(bytes, 0, 5)).isEqualTo("%PDF-");
    assertThat(text(bytes)).contains("Board packet " + id);
  }

  @Test
  @RequiresChromium
  void shouldShowTheBoardThePacketInSectionsInTasklist() {
    String id = requestAtTheBoard();
    Task board = task(id, BoardSubmissionProcess.Elements.BOARD_DECISION);
    try (Browser browser = new Browser("board-packet")) {
      browser.onFailureScreenshot(
          () -> {
            browser.open(url("/camunda/app/tasklist/default/"));
            browser.type(
                By.cssSelector(
                    "input[ng-model='username'], input#inputUsername, input[name='username']"),
                "board");
            browser.type(By.cssSelector("input[type='password']"), "demo");
            browser.click(By.cssSelector("form button[type='submit']"));
            browser.visible(By.cssSelector(".task-filters, .tasks-list, [cam-tasklist-filters]"));
            browser.open(url("/camunda/app/tasklist/default/#/?task=" + board.getId()));
            WebElement form = browser.visible(By.cssSelector(".fjs-form"));
            browser.await(driver -> form.getText().contains("6. The joint proposal"));
            String shown = form.getText();
            assertThat(shown)
                .contains(
                    "1. The request",
                    "Open the board packet as a PDF",
                    "USD 480,000.00",
                    "Marketing review",
                    "SSO through our identity provider is possible",
                    "Raise the marketing line by",
                    "USD 170,000.00")
                .doesNotContain(
                    "MARKETING_REVIEW",
                    "NEW_TOOL_NEEDED",
                    "CAPABILITY",
                    // the sections of a shadow-IT finding stay hidden for a request
                    "The tool in use (shadow-IT finding)",
                    "adopt a tool found in use");
            assertThat(browser.driver().findElements(By.partialLinkText("as a PDF")))
                .as("one link to the packet")
                .hasSize(1);
            assertThat(
                    browser
                        .visible(By.partialLinkText("Open the board packet as a PDF"))
                        .getAttribute("href"))
                .endsWith("/api/purchase-requests/" + id + "/board-packet.pdf");
            browser.screenshot("board-sees-the-packet");
          });
    }
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

  private HttpResponse<byte[]> get(String id, String user) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/api/purchase-requests/"
                            + id
                            + "/board-packet.pdf"))
                .header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }
}
