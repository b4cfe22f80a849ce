package com.tandem.process;

import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DATA_EXPORT;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DELETION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_DPA;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_INTEGRATION;
import static com.tandem.process.PurchaseProcess.IT_CHECKLIST_SSO;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.NEW_TOOL_JUSTIFICATION;
import static com.tandem.process.PurchaseProcess.ONBOARDING_COMMENT;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.request.RequestStatus;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole journey of one request in a real browser, as the people who use Tandem see it: the
 * requester submits on the intake page (and is shown a bad cost next to its field first), the CMO
 * and the CIO review it in Tasklist, IT operations onboards it, and the requester sees it ACTIVE.
 * Jobs run between the steps as the job executor would (ProcessScenario), so every step is
 * deterministic. Screenshots of each step land in {@code target/screenshots/intake-to-active/}.
 */
@RequiresChromium
class IntakeToActiveInBrowserTest extends ProcessScenario {

  private static final Pattern REQUEST_ID = Pattern.compile("MTR-\\d{4}-\\d{5}");

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;

  private List<Long> activeBefore;

  @BeforeEach
  void noteTheActiveTools() {
    activeBefore = activeTools();
  }

  /**
   * The scenarios share one application: the tools this journey made ACTIVE are retired again, so
   * the next scenario's request for the same tool finds the demo inventory, not an overlap with it.
   */
  @AfterEach
  void retireTheToolsOfThisJourney() {
    List<Long> made = new java.util.ArrayList<>(activeTools());
    made.removeAll(activeBefore);
    if (!made.isEmpty()) {
      jdbc.sql("UPDATE tandem_tool SET status = 'RETIRED' WHERE id IN (:ids)")
          .param("ids", made)
          .update();
    }
  }

  private List<Long> activeTools() {
    return jdbc.sql("SELECT id FROM tandem_tool WHERE status = 'ACTIVE'").query(Long.class).list();
  }

  @Test
  void shouldLetReviewersApproveARequestFromIntakeToActiveInTheBrowser() {
    try (Browser browser = new Browser("intake-to-active")) {
      browser.onFailureScreenshot(() -> journey(browser));
    }
  }

  private void journey(Browser browser) {
    homePageSendsEachPersonToWhatTheyDo(browser);
    String requestId = submitOnIntakePage(browser);
    assertThat(mailsTo("requester@tandem.example", requestId))
        .as("the requester is told the id, whichever way they submitted")
        .anyMatch(subject -> subject.contains("is registered"));
    runJobs();
    assertThat(status(requestId)).isEqualTo(RequestStatus.IN_REVIEW);
    requesterFollowsAndWithdrawsARequest(browser, requestId);

    completeInTasklist(
        browser,
        "cmo",
        "Marketing reviews",
        requestId,
        "marketing-review",
        () -> {
          assertThat(browser.driver().findElements(formField(NEW_TOOL_JUSTIFICATION.name())))
              .as("no overlap, so no empty 'why still needed' box")
              .isEmpty();
          assertThat(browser.visible(formField("totalFirstYearCost")).getAttribute("value"))
              .as("money with its currency and thousands separators")
              .isEqualTo("USD 15,000.00");
          assertThat(browser.visible(formField("requester")).getAttribute("value"))
              .as("the requester by name")
              .isEqualTo("Riley Requester");
          assertThat(browser.visible(By.cssSelector(".fjs-form")).getText())
              .as("a request's review shows the request, not the form of a tool found in use")
              .contains("The request", "Business justification", "Any rejection ends the request")
              .doesNotContain("tool in use", "What discovery knows");
          chooseRadio(browser, MARKETING_DECISION.name(), "Approve");
          browser.type(
              formField(JointReviewProcess.MARKETING_CONDITIONS.name()),
              "Fills the webinar gap; no tool of ours does events.");
        });
    completeInTasklist(
        browser,
        "cio",
        "IT reviews",
        requestId,
        "it-review",
        () -> {
          for (String item :
              List.of(
                  IT_CHECKLIST_SSO.name(),
                  IT_CHECKLIST_DATA_EXPORT.name(),
                  IT_CHECKLIST_DELETION.name(),
                  IT_CHECKLIST_DPA.name(),
                  IT_CHECKLIST_INTEGRATION.name())) {
            tick(browser, item);
          }
          chooseRadio(browser, IT_DECISION.name(), "Approve");
          browser.type(
              formField(JointReviewProcess.IT_CONDITIONS.name()),
              "SAML SSO, full export and a DPA: custody is fine.");
        });
    runJobs();
    assertThat(status(requestId)).isEqualTo(RequestStatus.NEGOTIATION);
    negotiateAsRequested(requestId);
    assertThat(status(requestId)).isEqualTo(RequestStatus.ONBOARDING);

    completeInTasklist(
        browser,
        "itops",
        "Onboarding",
        requestId,
        "onboarding",
        () -> {
          tick(browser, SSO_CONFIGURED.name());
          tick(browser, DPA_SIGNED.name());
          browser.type(
              formField(ONBOARDING_COMMENT.name()), "SSO through our IdP; DPA countersigned.");
        });
    runJobs();
    assertThat(status(requestId)).isEqualTo(RequestStatus.ACTIVE);

    // Step e: the requester comes back later, signs in again and looks the request up.
    browser.open(url("/intake"));
    signInToIntake(browser, "requester");
    browser.type(By.id("lookup-id"), requestId);
    browser.click(By.id("lookup-button"));
    browser.await(ExpectedConditions.textToBe(By.id("result-id"), requestId));
    browser.await(ExpectedConditions.textToBe(By.id("result-status"), "Active"));
    assertThat(browser.visible(By.id("result-decisions")).getText())
        .as("people by name, not user id")
        .contains(
            "Marketing review",
            "IT review",
            "Approved",
            "Casey Marketing-Officer",
            "Indra Information-Officer",
            "Onboarding");
    assertThat(browser.driver().findElement(By.id("withdraw-button")).isDisplayed())
        .as("an active request can no longer be withdrawn")
        .isFalse();
    assertThat(rowOf(browser, requestId).getText()).contains("Active");
    browser.screenshot("requester-sees-request-active");
    browser.click(By.id("signout-button"));
    tasklistStarterKeepsTheFormAndLearnsTheId(browser);
    assertThat(decisions(requestId))
        .anyMatch(d -> d.startsWith("MARKETING_REVIEW:APPROVE:cmo"))
        .anyMatch(d -> d.startsWith("IT_REVIEW:APPROVE:cio"));
  }

  /** Step a: the requester fills the form, is told about a bad cost, fixes it and submits. */
  private String submitOnIntakePage(Browser browser) {
    browser.open(url("/intake"));
    browser.screenshot("intake-sign-in");
    // A typo in the user name (a wrong password would lock the real user for a few seconds).
    browser.type(By.id("username"), "requestor");
    browser.type(By.id("password"), "demo");
    browser.click(By.id("signin-button"));
    assertThat(browser.visible(By.id("signin-error")).getText())
        .contains("user name or password is wrong");
    assertThat(browser.driver().findElement(By.id("request")).isDisplayed()).isFalse();
    browser.screenshot("intake-sign-in-refused");
    signInToIntake(browser, "requester");
    browser.visible(By.id("capabilities-event-management"));

    browser.type(By.id("toolName"), "Eventful");
    browser.type(By.id("vendorUrl"), "https://eventful.example");
    browser.click(By.cssSelector("label[for='capabilities-event-management']"));
    browser.type(
        By.id("businessJustification"),
        "Run our webinar programme in-house instead of through an agency.");
    browser.click(By.cssSelector("label[for='integrations-crm']"));
    browser.type(By.id("annualLicenseCost"), "-12000");
    browser.type(By.id("implementationCost"), "3000");
    browser.type(By.id("contractTermMonths"), "72");
    typeDate(browser, By.id("neededBy"), LocalDate.now().plusMonths(2));
    browser.click(By.cssSelector("input[name='personalData'][value='NONE']"));
    browser.click(By.cssSelector("input[name='sso'][value='SAML']"));
    browser.click(By.id("dataExportSupported"));
    assertThat(
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("currency")))
                .getOptions())
        .as("the currency is chosen from the configured one, not typed")
        .extracting(WebElement::getText)
        .containsExactly("USD");
    assertThat(browser.visible(By.id("currency-help")).getText()).contains("US Dollar");
    browser.screenshot("intake-filled-with-four-mistakes");
    long requestsBefore = requestCount();
    browser.click(By.id("submit-button"));

    WebElement error = browser.visible(By.id("annualLicenseCost-error"));
    assertThat(error.getText()).contains("Annual licence cost", "negative");
    WebElement cost = browser.driver().findElement(By.id("annualLicenseCost"));
    assertThat(cost.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(cost.getAttribute("aria-describedby")).contains("annualLicenseCost-error");
    // Every mistake in one answer: the vendor, the cost, the seats and the term, not one by one.
    for (String field : List.of("vendor", "seats", "contractTermMonths")) {
      assertThat(browser.visible(By.id(field + "-error")).isDisplayed()).as(field).isTrue();
    }
    assertThat(browser.visible(By.id("error-summary-title")).getText()).contains("these 4 fields");
    assertThat(browser.driver().switchTo().activeElement())
        .as("the first field in error has the focus")
        .isEqualTo(browser.driver().findElement(By.id("vendor")));
    assertThat(browser.visible(By.id("error-summary")).getText())
        .contains("Vendor", "Annual licence cost", "Seats", "Contract term");
    assertThat(requestCount()).as("a refused submission starts nothing").isEqualTo(requestsBefore);
    browser.screenshot("intake-shows-every-error-at-once");

    browser.type(By.id("vendor"), "Eventful Inc.");
    browser.type(By.id("seats"), "5");
    browser.type(By.id("contractTermMonths"), "12");
    browser.type(By.id("annualLicenseCost"), "12000");
    WebElement submit = browser.clickable(By.id("submit-button"));
    browser.scrollIntoView(submit);
    new Actions(browser.driver()).doubleClick(submit).perform(); // an impatient requester
    WebElement id =
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("result-id")));
    browser.await(driver -> REQUEST_ID.matcher(id.getText()).matches());
    browser.await(ExpectedConditions.textToBe(By.id("result-status"), "Submitted"));
    browser.await(driver -> !driver.findElements(rowBy(id.getText())).isEmpty());
    browser.screenshot("intake-request-submitted");
    assertThat(requestCount()).as("a double click submits once").isEqualTo(requestsBefore + 1);
    return id.getText();
  }

  private void signInToIntake(Browser browser, String user) {
    browser.type(By.id("username"), user);
    browser.type(By.id("password"), "demo");
    browser.click(By.id("signin-button"));
    browser.visible(By.id("signed-in-user"));
    // the person's name, not their user id
    browser.await(d -> !d.findElement(By.id("signed-in-user")).getText().equals(user));
  }

  /**
   * Steps b-d: the user signs in to Tasklist, opens their filter, opens the request's task, claims
   * it, fills the Camunda Form and completes it; then signs out (drops the session cookie).
   */
  private void completeInTasklist(
      Browser browser,
      String user,
      String filter,
      String requestId,
      String shot,
      Runnable fillForm) {
    signInToTasklist(browser, user);
    // The filter's link holds its name and, once focused, a counter: match the name only.
    browser.click(
        By.xpath(
            "//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
                + "/a[normalize-space(text())='"
                + filter
                + "']"));
    By task =
        By.xpath(
            "//*[contains(@class,'tasks-list')]//a[contains(normalize-space(), '"
                + requestId
                + "')]");
    browser.visible(task);
    assertThat(browser.visible(By.cssSelector(".brand-name")).getText())
        .as("the webapps are branded as Tandem")
        .startsWith("Tandem");
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .as("no end-of-life banner in business users' faces")
        .noneMatch(WebElement::isDisplayed);
    browser.await(
        driver ->
            driver.findElements(By.cssSelector("li.create-task-action")).stream()
                .noneMatch(WebElement::isDisplayed));
    assertThat(browser.visible(By.cssSelector(".tandem-home a")).getAttribute("href"))
        .as("a way back to Tandem's home page")
        .endsWith("/");
    browser.screenshot(shot + "-" + user + "-sees-task-in-" + slug(filter));
    browser.click(task);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    browser.click(claim);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(claim));
    if (user.equals("cmo")) {
      // Issue 11 item 3: a reviewer can give a claimed task back (holiday) and claim it again.
      browser.click(By.cssSelector("button.unclaim"));
      browser.visible(claim);
      browser.screenshot(shot + "-" + user + "-gave-the-task-back");
      browser.click(claim);
      browser.await(ExpectedConditions.invisibilityOfElementLocated(claim));
    }
    browser.visible(By.cssSelector(".fjs-form"));
    fillForm.run();
    browser.screenshot(shot + "-" + user + "-filled-form");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));
    browser.await(ExpectedConditions.invisibilityOfElementLocated(task));
    browser.screenshot(shot + "-" + user + "-completed");
    browser.driver().manage().deleteAllCookies();
  }

  /**
   * Item 8: "/" is Tandem's home page; after sign-in it offers each person what they do: the
   * requester requests and follows requests, the administrator also reaches Cockpit.
   */
  private void homePageSendsEachPersonToWhatTheyDo(Browser browser) {
    browser.open(url("/"));
    assertThat(browser.driver().getTitle()).startsWith("Tandem");
    browser.screenshot("home-sign-in");
    signInToIntake(browser, "admin");
    browser.visible(By.id("go-cockpit"));
    assertThat(browser.visible(By.id("tiles")).getText())
        .contains("Cockpit", "Insights", "Find tools in use", "My reviews and tasks");
    browser.screenshot("home-admin");
    browser.click(By.id("go-cockpit"));
    signInToCamunda(browser, "admin");
    browser.await(ExpectedConditions.titleContains("Tandem"));
    browser.visible(By.cssSelector(".brand-logo"));
    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
        .as("no end-of-life banner in Cockpit either")
        .noneMatch(WebElement::isDisplayed);
    browser.screenshot("cockpit-as-tandem");
    browser.driver().manage().deleteAllCookies();
    browser.open(url("/"));
    // Tandem's pages keep the sign-in of the tab: the admin is still signed in, until signing out.
    assertThat(browser.visible(By.id("signed-in-user")).getText()).isNotEqualTo("admin");
    assertThat(browser.visible(By.id("site-nav")).getText()).contains("Insights", "Cockpit");
    browser.click(By.id("signout-button"));
    browser.visible(By.id("username"));
    assertThat(browser.driver().findElements(By.cssSelector("#site-nav a[href='/insights']")))
        .as("signed out, no page but home is offered")
        .isEmpty();

    signInToIntake(browser, "requester");
    WebElement myRequests = browser.visible(By.id("go-my-requests"));
    assertThat(browser.visible(By.id("tiles")).getText())
        .contains("Request a tool", "My requests", "Questions for me")
        .doesNotContain("Cockpit", "Insights", "Find tools in use");
    assertThat(browser.visible(By.id("site-nav")).getText())
        .as("the header offers only the requester's pages")
        .contains("Home", "Request a tool", "Tasklist")
        .doesNotContain("Insights", "Cockpit", "Tools in use");
    browser.screenshot("home-requester");
    myRequests.click();
    browser.await(ExpectedConditions.urlContains("/intake#mine"));
    // signed in on the home page, signed in here: no second sign-in
    browser.visible(By.id("mine"));
    assertThat(browser.visible(By.id("signed-in-user")).getText()).isEqualTo("Riley Requester");
    assertThat(browser.driver().findElement(By.id("signin-form")).isDisplayed()).isFalse();
    browser.screenshot("intake-signed-in-from-home");
    browser.click(By.id("signout-button"));
    browser.visible(By.id("username"));
  }

  /**
   * Item 1: the requester finds a second request in "Your requests" with its status in words and
   * the groups it waits for by name, opens it and withdraws it after confirming.
   */
  private void requesterFollowsAndWithdrawsARequest(Browser browser, String firstId) {
    var fields = intake();
    fields.put(PurchaseProcess.TOOL_NAME.name(), "Livestorm");
    fields.put(PurchaseProcess.VENDOR.name(), "Livestorm SAS");
    String secondId = submit(fields);
    assertThat(status(secondId)).isEqualTo(RequestStatus.IN_REVIEW);

    browser.click(By.id("mine-refresh"));
    browser.await(driver -> driver.findElement(rowBy(secondId)));
    browser.await(ExpectedConditions.textToBePresentInElementLocated(rowBy(secondId), "In review"));
    assertThat(rowOf(browser, secondId).getText())
        .as("who it waits for, by group name, and since when")
        .contains("Marketing leadership (CMO office)", "IT leadership (CIO office)", "since")
        .doesNotContain("marketing-leadership", "IN_REVIEW");
    assertThat(rowOf(browser, firstId).getText()).contains(firstId, "In review");
    browser.screenshot("my-requests-list");

    browser.await(
        driver -> {
          try { // the list may be redrawn by a refresh between finding the link and clicking it
            driver.findElement(rowBy(secondId)).findElement(By.linkText(secondId)).click();
            return true;
          } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return false;
          }
        });
    browser.await(ExpectedConditions.textToBe(By.id("result-id"), secondId));
    browser.click(By.id("withdraw-button"));
    WebElement dialog = browser.visible(By.id("withdraw-dialog"));
    assertThat(dialog.getText()).contains("Withdraw " + secondId + "?", "cannot be undone");
    browser.type(By.id("withdraw-reason"), "We found a way to run webinars with our CRM.");
    browser.screenshot("withdraw-confirmation");
    browser.click(By.id("withdraw-confirm"));
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("result-message"), "being withdrawn"));
    runJobs();
    browser.await(ExpectedConditions.textToBe(By.id("result-status"), "Withdrawn"));
    assertThat(status(secondId)).isEqualTo(RequestStatus.WITHDRAWN);
    browser.await(ExpectedConditions.textToBePresentInElementLocated(rowBy(secondId), "Withdrawn"));
    assertThat(browser.driver().findElement(By.id("withdraw-button")).isDisplayed()).isFalse();
    browser.screenshot("request-withdrawn");
    browser.click(By.id("signout-button"));
    browser.visible(By.id("username"));
    browser.driver().manage().deleteAllCookies();
  }

  private static String registrationMailBody(String requestId) {
    return java.util.Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            message -> {
              try {
                return message.getSubject().contains(requestId)
                    && message.getSubject().contains("is registered");
              } catch (jakarta.mail.MessagingException e) {
                return false;
              }
            })
        .map(com.icegreen.greenmail.util.GreenMailUtil::getBody)
        .findFirst()
        .orElseThrow();
  }

  private static By rowBy(String requestId) {
    return By.cssSelector("#mine-table tr[data-request-id='" + requestId + "']");
  }

  private static WebElement rowOf(Browser browser, String requestId) {
    return browser.visible(rowBy(requestId));
  }

  private void signInToTasklist(Browser browser, String user) {
    browser.open(url("/camunda/app/tasklist/default/"));
    signInToCamunda(browser, user);
  }

  /** Fills the sign-in form of the Camunda webapp on the screen. */
  private void signInToCamunda(Browser browser, String user) {
    browser.type(
        By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']"),
        user);
    browser.type(By.cssSelector("input[type='password']"), "demo");
    browser.click(By.cssSelector("form button[type='submit']"));
  }

  /**
   * Items 6 and 1 for Tasklist's start form: Esc in the capabilities dropdown closes the dropdown,
   * not the dialog with the filled form; a past "Needed by" is kept and refused with a message
   * instead of silently cleared; once started, the requester learns the id by mail and finds the
   * request under "Your requests" on /intake.
   */
  private void tasklistStarterKeepsTheFormAndLearnsTheId(Browser browser) {
    signInToTasklist(browser, "requester");
    browser.click(By.cssSelector("li.start-process-action a"));
    browser.click(
        By.xpath("//ul[contains(@class,'processes')]//a[normalize-space()='Martech purchase']"));
    browser.visible(By.cssSelector(".modal .fjs-form"));
    browser.type(formField("toolName"), "Goldcast");
    WebElement capabilities = browser.visible(By.cssSelector(".modal .fjs-taglist input"));
    capabilities.click();
    capabilities.sendKeys("Event");
    By dropdown = By.cssSelector(".modal .fjs-dropdownlist");
    browser.visible(dropdown);
    capabilities.sendKeys(Keys.ESCAPE);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(dropdown));
    assertThat(browser.visible(By.cssSelector(".modal .fjs-form")).isDisplayed())
        .as("Esc closed the dropdown, not the dialog")
        .isTrue();
    assertThat(browser.visible(formField("toolName")).getAttribute("value")).isEqualTo("Goldcast");
    browser.screenshot("tasklist-start-form-kept-after-esc");

    capabilities.clear();
    capabilities.sendKeys("Event");
    browser.click(
        By.xpath(
            "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='Event management']"));
    browser.type(formField("vendor"), "Goldcast Inc.");
    browser.type(formField("businessJustification"), "Virtual events for the partner programme.");
    browser.type(formField("annualLicenseCost"), "9000");
    browser.type(formField("implementationCost"), "1000");
    browser.type(formField("seats"), "3");
    browser.type(formField("contractTermMonths"), "12");
    WebElement neededBy = browser.visible(By.cssSelector(".modal input[id*='-Field_neededBy']"));
    neededBy.sendKeys("01/15/2020", Keys.TAB);
    chooseRadio(browser, "personalData", "None: no data about people");
    browser.click(By.cssSelector(".modal [id$='-Field_sso-display']"));
    browser.click(
        By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='SAML']"));
    assertThat(neededBy.getAttribute("value"))
        .as("a past date stays where the requester can see and fix it")
        .isEqualTo("1/15/2020");
    By start =
        By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']");
    long requestsBefore = requestCount();
    browser.click(start);
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("body"), "Needed by: must not be in the past"));
    assertThat(requestCount()).as("a refused start starts nothing").isEqualTo(requestsBefore);
    browser.screenshot("tasklist-start-refuses-past-date-with-a-message");

    neededBy.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    neededBy.sendKeys(
        LocalDate.now().plusMonths(3).format(DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US)),
        Keys.TAB);
    browser.click(start);
    browser.await(
        ExpectedConditions.textToBePresentInElementLocated(
            By.tagName("body"), "The process has been started."));
    assertThat(requestCount()).isEqualTo(requestsBefore + 1);
    String requestId =
        registry.page(null, "requester", 0, 1).stream().findFirst().orElseThrow().id();
    assertThat(registry.get(requestId).data().toolName()).isEqualTo("Goldcast");
    assertThat(mailsTo("requester@tandem.example", requestId))
        .as("the mail tells a Tasklist starter the id")
        .anyMatch(subject -> subject.contains("is registered"));
    assertThat(registrationMailBody(requestId))
        .as("and links to the request at the public base URL")
        .contains("http://localhost:8080/intake#" + requestId);
    browser.driver().manage().deleteAllCookies();

    browser.open(url("/intake#mine"));
    signInToIntake(browser, "requester");
    assertThat(rowOf(browser, requestId).getText()).contains("Goldcast");
    browser.screenshot("tasklist-started-request-in-my-requests");
  }

  /**
   * A Camunda Form field by its key: form-js gives the input the id {@code
   * fjs-form-<form>-Field_<key>}.
   */
  private static By formField(String key) {
    return By.cssSelector("[id$='-Field_" + key + "']");
  }

  /**
   * Chooses a radio option by the label the user reads (form-js radios carry no value attribute),
   * with the keyboard: Tasklist's panes overlap in places where a mouse click might land elsewhere.
   */
  private static void chooseRadio(Browser browser, String key, String label) {
    WebElement radio =
        browser.visible(
            By.xpath(
                "//label[normalize-space()='"
                    + label
                    + "']"
                    + "/input[@type='radio' and contains(@id, '-Field_"
                    + key
                    + "-')]"));
    browser.scrollIntoView(radio);
    radio.sendKeys(Keys.SPACE);
    browser.await(driver -> radio.isSelected());
  }

  /**
   * Ticks a Camunda Form checkbox with the keyboard, as a reviewer tabbing through the form would.
   */
  private static void tick(Browser browser, String key) {
    WebElement box = browser.visible(formField(key));
    browser.scrollIntoView(box);
    if (!box.isSelected()) {
      box.sendKeys(Keys.SPACE);
    }
    browser.await(driver -> box.isSelected());
  }

  private static void typeDate(Browser browser, By by, LocalDate date) {
    WebElement input = browser.visible(by);
    // Chromium's date input takes the digits in the locale's order (en-US: month, day, year).
    input.sendKeys(date.format(DateTimeFormatter.ofPattern("MMddyyyy", Locale.US)));
  }

  private static String slug(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  /** Requests started so far; the application context may be shared with earlier test classes. */
  private long requestCount() {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(PurchaseProcess.PROCESS_KEY)
        .count();
  }
}
