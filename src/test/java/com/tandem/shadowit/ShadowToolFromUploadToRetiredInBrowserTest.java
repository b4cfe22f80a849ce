package com.tandem.shadowit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tandem.discovery.FindingService;
import com.tandem.discovery.FindingService.ListedFinding;
import com.tandem.process.ProcessScenario;
import com.tandem.process.ShadowItProcess;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A tool nobody requested, from the expense export that reveals it to its retirement, in a real
 * browser as the people who do it see it: IT operations upload the export on {@code /discovery} and
 * are shown what it found and the line it refused; the CMO names an owner in Tasklist's "Shadow IT"
 * filter; marketing and IT review it; the CIO sunsets it; IT operations export the data, revoke
 * access and confirm the vendor's deletion in "Offboarding"; the tool ends RETIRED in the inventory
 * and the finding RETIRED on the discovery page. Jobs run between the steps as the job executor
 * would (ProcessScenario). Screenshots of every step land in {@code target/screenshots/shadow-it/}.
 */
@RequiresChromium
class ShadowToolFromUploadToRetiredInBrowserTest extends ProcessScenario {

  /** A vendor neither the demo inventory, the demo requests nor the sample exports know. */
  private static final String MERCHANT = "SLIDEWISE.IO";

  @LocalServerPort int port;
  @Autowired FindingService findings;
  @Autowired TestRestTemplate http;

  @Test
  void shouldRetireAToolFoundInAnExpenseUploadOnceItsReviewersSunsetIt() throws IOException {
    Path export = expenseExport();
    try (Browser browser = new Browser("shadow-it")) {
      browser.onFailureScreenshot(() -> journey(browser, export));
    }
  }

  private void journey(Browser browser, Path export) {
    ListedFinding finding = uploadOnDiscoveryPage(browser, export);
    String id = finding.id();
    String tool = finding.vendor();
    runJobs();
    assertThat(openTasks(id)).containsExactly(ShadowItProcess.Elements.ASSIGN_OWNER);

    completeInTasklist(
        browser,
        "cmo",
        "Shadow IT",
        "Assign owner: " + tool + " (" + id + ")",
        "assign-owner",
        () -> {
          chooseRadio(browser, ShadowItProcess.OWNER_DECISION.name(), "Yes: assign an owner");
          browser.type(formField(ShadowItProcess.OWNER_USER.name()), "requester");
          browser.type(formField(ShadowItProcess.OWNER_TEAM.name()), "Brand");
          select(browser, "personalData", "None");
          select(browser, "sso", "No single sign-on");
        });
    completeInTasklist(
        browser,
        "cmo",
        "Shadow IT",
        "Marketing review: " + tool + " (" + id + ")",
        "marketing-review",
        () -> {
          assertThat(browser.visible(By.cssSelector(".fjs-form")).getText())
              .as("a tool in use is reviewed as such: no requester, its usage and spend instead")
              .contains("The tool in use", "What discovery knows", "Spend seen")
              .doesNotContain("Business justification", "Requested by", "back to the requester");
          assertThat(browser.visible(formField("usageSummary")).getAttribute("value"))
              .as("the reviewer sees what discovery knows: users, spend, first seen, sources")
              .contains("2 users seen", "USD 2,469.00", "first seen", "Expense reports");
          assertThat(browser.visible(formField("ownerUser")).getAttribute("value"))
              .as("the owner by name")
              .isEqualTo("Riley Requester");
          assertThat(browser.visible(formField("spendSeen")).getAttribute("value"))
              .as("the spend with its currency, as everywhere else")
              .isEqualTo("USD 2,469.00");
          assertThat(browser.visible(formField("firstSeen")).getAttribute("value"))
              .as("the first sighting as a reader writes a day")
              .matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}");
          chooseRadio(browser, "marketingDecision", "Approve");
          browser.type(formField("marketingConditions"), "The brand team builds its decks in it.");
        });
    completeInTasklist(
        browser,
        "cio",
        "Shadow IT",
        "IT review: " + tool + " (" + id + ")",
        "it-review",
        () -> {
          chooseRadio(browser, "itDecision", "Approve");
          browser.type(
              formField("itConditions"), "No SSO and no DPA: fine to use only if retired.");
        });
    completeInTasklist(
        browser,
        "cio",
        "Shadow IT",
        id,
        "decide",
        () -> {
          chooseRadio(browser, ShadowItProcess.SHADOW_DECISION.name(), "Sunset");
          browser.type(
              formField(ShadowItProcess.SHADOW_NOTE.name()),
              "We own a presentation tool already: export the decks, then close the accounts.");
        });
    assertThat(findingStatus(id)).isEqualTo("OFFBOARDING");

    completeInTasklist(
        browser,
        "itops",
        "Offboarding",
        "Export data: " + tool,
        "export-data",
        () -> {
          browser.type(formField("exportLocation"), "s3://it-archive/slidewise/");
          browser.type(formField("exportFormat"), "PDF and PPTX");
          browser.type(formField("exportRecordCount"), "1250");
          browser.type(formField("exportVerifiedBy"), "Dana (IT operations)");
        });
    completeInTasklist(
        browser,
        "itops",
        "Offboarding",
        "Revoke access: " + tool,
        "revoke-access",
        () -> {
          tick(browser, "ssoRemoved");
          tick(browser, "apiKeysRevoked");
        });
    completeInTasklist(
        browser,
        "itops",
        "Offboarding",
        "Confirm deletion: " + tool,
        "confirm-deletion",
        () -> {
          typeFormDate(browser, "deletionConfirmedOn", LocalDate.now().minusDays(1));
          browser.type(formField("deletionReference"), "SW-DEL-7731");
        });

    // The tool is retired in the inventory, the finding is retired, and the page says so.
    assertThat(findingStatus(id)).isEqualTo("RETIRED");
    JsonNode tools =
        http.withBasicAuth("itops", "demo")
            .getForObject(url("/api/inventory/tools"), JsonNode.class);
    JsonNode retired = null;
    for (JsonNode t : tools.isArray() ? tools : tools.path("content")) {
      if (tool.equals(t.path("name").asText())) {
        retired = t;
      }
    }
    assertThat(retired).as("%s in the inventory", tool).isNotNull();
    JsonNode record =
        http.withBasicAuth("itops", "demo")
            .getForObject(
                url("/api/inventory/tools/" + retired.path("id").asText()), JsonNode.class);
    assertThat(record.path("status").asText()).isEqualTo("RETIRED");

    // the operator's sign-in of the upload still holds in this tab: no second sign-in
    browser.open(url("/discovery"));
    browser.visible(By.id("findings-section"));
    assertThat(browser.driver().findElement(By.id("signin-form")).isDisplayed()).isFalse();
    assertThat(browser.visible(By.id("site-nav")).getText())
        .as("IT operations are offered their pages, not insights")
        .contains("Tools in use", "Tasklist")
        .doesNotContain("Insights");
    WebElement row = browser.visible(By.id("finding-" + id));
    assertThat(row.getText()).contains(tool, "Retired");
    browser.scrollIntoView(row);
    browser.screenshot("itops-sees-finding-retired");
  }

  /**
   * IT operations upload an expense export with a tool nobody requested, a tool we own and a line
   * with a made-up currency; they are told so in words, and the finding appears in the list.
   */
  private ListedFinding uploadOnDiscoveryPage(Browser browser, Path export) {
    browser.open(url("/discovery"));
    browser.screenshot("discovery-sign-in");
    signIn(browser, "itops");
    browser.visible(By.id("upload-form"));
    browser.screenshot("discovery-signed-in-findings-of-the-samples");

    browser.click(By.id("upload-button"));
    WebElement summary = browser.visible(By.id("error-summary"));
    assertThat(summary.getText()).contains("What the file is", "The file");
    assertThat(browser.driver().switchTo().activeElement())
        .isEqualTo(browser.driver().findElement(By.id("source-SSO")));
    browser.screenshot("discovery-upload-without-a-file-is-explained");

    // The operator picks the file but leaves the wrong kind of export ticked: the whole file is
    // refused, in words, next to the choice to correct, and nothing is imported.
    browser.driver().switchTo().activeElement().sendKeys(Keys.SPACE);
    browser.driver().findElement(By.id("file")).sendKeys(export.toAbsolutePath().toString());
    browser.click(By.id("upload-button"));
    WebElement wrongSource = browser.visible(By.id("source-error"));
    assertThat(wrongSource.getText())
        .contains("an expense export", "not a single sign-on export", "Expense export")
        .doesNotContain("EXPENSE", "ENGINE", "Exception");
    assertThat(browser.visible(By.id("error-summary")).getText())
        .contains("The file was not imported");
    assertThat(findings.list(null))
        .noneMatch(f -> f.vendor().toLowerCase(Locale.ROOT).contains("slidewise"));
    browser.screenshot("discovery-expense-file-uploaded-as-sso-is-refused-in-words");

    browser.click(By.cssSelector("label:has(#source-EXPENSE)"));
    browser.screenshot("discovery-expense-file-chosen");
    browser.click(By.id("upload-button"));

    WebElement result = browser.visible(By.id("result-summary"));
    assertThat(result.getText())
        .contains(
            "4 lines read",
            "1 usage of tools we own",
            "0 linked to open requests",
            "1 new finding",
            "1 line not imported");
    WebElement refused = browser.visible(By.id("refused"));
    assertThat(refused.findElements(By.cssSelector("tbody tr")))
        .singleElement()
        .extracting(WebElement::getText)
        .asString()
        .as("the fifth line of the file (line 1 is the header), with its reason")
        .startsWith("5 ")
        .contains("XYZ", "currency");
    assertThat(browser.driver().switchTo().activeElement())
        .isEqualTo(browser.driver().findElement(By.id("result")));
    browser.screenshot("discovery-import-summary-and-refused-line");

    ListedFinding finding =
        findings.list(null).stream()
            .filter(f -> f.vendor().toLowerCase(Locale.ROOT).contains("slidewise"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no finding of " + MERCHANT));
    WebElement row = browser.visible(By.id("finding-" + finding.id()));
    assertThat(row.getText())
        .contains(finding.vendor(), "New: review starting", "2")
        .containsPattern("USD\\s2,469\\.00");
    browser.scrollIntoView(row);
    browser.screenshot("discovery-new-finding-listed");
    browser.driver().manage().deleteAllCookies();
    return finding;
  }

  /** An expense export of the last days: two lines of Slidewise, one of Canva, one refused. */
  private static Path expenseExport() throws IOException {
    DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE;
    LocalDate today = LocalDate.now();
    String csv =
        String.join(
            "\n",
            "date,merchant,amount,currency,employeeEmail,costCentre",
            today.minusDays(9).format(iso)
                + ","
                + MERCHANT
                + ",1234.50,USD,ana.silva@tandem.example,MKT-BRAND",
            today.minusDays(8).format(iso)
                + ",PAYPAL *CANVA,119.99,USD,ben.okafor@tandem.example,MKT-OPS",
            today.minusDays(7).format(iso)
                + ","
                + MERCHANT
                + ",1234.50,USD,chloe.martin@tandem.example,MKT-BRAND",
            today.minusDays(6).format(iso)
                + ","
                + MERCHANT
                + ",99.00,XYZ,dev.patel@tandem.example,MKT-BRAND",
            "");
    Path dir = Files.createDirectories(Path.of("target", "shadow-it-upload"));
    Path file = dir.resolve("expenses-" + today + ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  private String findingStatus(String findingId) {
    return findings.find(findingId).orElseThrow().status().name();
  }

  private void signIn(Browser browser, String user) {
    browser.type(By.id("username"), user);
    browser.type(By.id("password"), "demo");
    browser.click(By.id("signin-button"));
    browser.visible(By.id("signed-in-user"));
  }

  /**
   * The user signs in to Tasklist, opens the filter, opens the task whose name contains {@code
   * taskName}, claims it, fills the Camunda Form, completes it, signs out; then the jobs run.
   */
  private void completeInTasklist(
      Browser browser, String user, String filter, String taskName, String shot, Runnable fill) {
    browser.open(url("/camunda/app/tasklist/default/"));
    browser.type(
        By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']"),
        user);
    browser.type(By.cssSelector("input[type='password']"), "demo");
    browser.click(By.cssSelector("form button[type='submit']"));
    browser.click(
        By.xpath(
            "//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
                + "/a[normalize-space(text())='"
                + filter
                + "']"));
    By task =
        By.xpath(
            "//*[contains(@class,'tasks-list')]//a[contains(normalize-space(), '"
                + taskName
                + "')]");
    browser.visible(task);
    browser.screenshot(shot + "-" + user + "-sees-task-in-" + slug(filter));
    browser.click(task);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    browser.click(claim);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(claim));
    browser.visible(By.cssSelector(".fjs-form"));
    browser.screenshot(shot + "-" + user + "-opened-form");
    fill.run();
    // Leave the last field as a person does on the way to the button: form-js takes a typed value
    // a moment after the last key stroke, and on leaving the field.
    browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
    pause(400);
    browser.screenshot(shot + "-" + user + "-filled-form");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));
    browser.await(ExpectedConditions.invisibilityOfElementLocated(task));
    browser.screenshot(shot + "-" + user + "-completed");
    browser.driver().manage().deleteAllCookies();
    runJobs();
  }

  /** A Camunda Form field by its key: form-js ids end in {@code -Field_<key>}. */
  private static By formField(String key) {
    return By.cssSelector("[id$='-Field_" + key + "']");
  }

  private static void chooseRadio(Browser browser, String key, String label) {
    WebElement radio =
        browser.visible(
            By.xpath(
                "//label[normalize-space()='"
                    + label
                    + "']/input[@type='radio' and contains(@id, '-Field_"
                    + key
                    + "-')]"));
    browser.scrollIntoView(radio);
    radio.sendKeys(Keys.SPACE);
    browser.await(driver -> radio.isSelected());
  }

  /** A form-js select: opens its list where the user reads "Select" and picks the option. */
  private static void select(Browser browser, String key, String label) {
    By display = By.cssSelector("[id$='-Field_" + key + "-display']");
    browser.scrollIntoView(browser.visible(display));
    browser.click(display);
    browser.click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']"));
    browser.await(ExpectedConditions.textToBe(display, label));
  }

  private static void tick(Browser browser, String key) {
    WebElement box = browser.visible(formField(key));
    browser.scrollIntoView(box);
    if (!box.isSelected()) {
      box.sendKeys(Keys.SPACE);
    }
    browser.await(driver -> box.isSelected());
  }

  /** A form-js date field: typed as the user would (en-US, month first), then confirmed. */
  private static void typeFormDate(Browser browser, String key, LocalDate date) {
    WebElement input = browser.visible(By.cssSelector("[id$='-Field_" + key + "-date']"));
    browser.scrollIntoView(input);
    input.click();
    input.sendKeys(date.format(DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US)));
    input.sendKeys(Keys.ENTER);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
