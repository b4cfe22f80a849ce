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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

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

  @Test
  void shouldLetReviewersApproveARequestFromIntakeToActiveInTheBrowser() {
    try (Browser browser = new Browser("intake-to-active")) {
      browser.onFailureScreenshot(() -> journey(browser));
    }
  }

  private void journey(Browser browser) {
    String requestId = submitOnIntakePage(browser);
    runJobs();
    assertThat(status(requestId)).isEqualTo(RequestStatus.IN_REVIEW);

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
    browser.await(ExpectedConditions.textToBe(By.id("result-status"), "ACTIVE"));
    assertThat(browser.visible(By.id("result-decisions")).getText())
        .contains("Marketing review", "IT review", "Approved", "cmo", "cio", "Onboarding");
    browser.screenshot("requester-sees-request-active");
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
    browser.type(By.id("vendor"), "Eventful Inc.");
    browser.type(By.id("vendorUrl"), "https://eventful.example");
    browser.click(By.cssSelector("label[for='capabilities-event-management']"));
    browser.type(
        By.id("businessJustification"),
        "Run our webinar programme in-house instead of through an agency.");
    browser.click(By.cssSelector("label[for='integrations-crm']"));
    browser.type(By.id("annualLicenseCost"), "-12000");
    browser.type(By.id("implementationCost"), "3000");
    browser.type(By.id("seats"), "5");
    browser.type(By.id("contractTermMonths"), "12");
    typeDate(browser, By.id("neededBy"), LocalDate.now().plusMonths(2));
    browser.click(By.cssSelector("input[name='personalData'][value='NONE']"));
    browser.click(By.cssSelector("input[name='sso'][value='SAML']"));
    browser.click(By.id("dataExportSupported"));
    browser.screenshot("intake-filled-with-negative-licence-cost");
    long requestsBefore = requestCount();
    browser.click(By.id("submit-button"));

    WebElement error = browser.visible(By.id("annualLicenseCost-error"));
    assertThat(error.getText()).contains("Annual licence cost", "negative");
    WebElement cost = browser.driver().findElement(By.id("annualLicenseCost"));
    assertThat(cost.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(cost.getAttribute("aria-describedby")).contains("annualLicenseCost-error");
    assertThat(browser.driver().switchTo().activeElement()).isEqualTo(cost);
    assertThat(browser.visible(By.id("error-summary")).getText()).contains("Annual licence cost");
    assertThat(requestCount()).as("a refused submission starts nothing").isEqualTo(requestsBefore);
    browser.screenshot("intake-shows-cost-error-next-to-field");

    browser.type(By.id("annualLicenseCost"), "12000");
    WebElement submit = browser.clickable(By.id("submit-button"));
    browser.scrollIntoView(submit);
    new Actions(browser.driver()).doubleClick(submit).perform(); // an impatient requester
    WebElement id =
        browser.await(ExpectedConditions.visibilityOfElementLocated(By.id("result-id")));
    browser.await(driver -> REQUEST_ID.matcher(id.getText()).matches());
    browser.await(ExpectedConditions.textToBe(By.id("result-status"), "SUBMITTED"));
    browser.screenshot("intake-request-submitted");
    assertThat(requestCount()).as("a double click submits once").isEqualTo(requestsBefore + 1);
    return id.getText();
  }

  private void signInToIntake(Browser browser, String user) {
    browser.type(By.id("username"), user);
    browser.type(By.id("password"), "demo");
    browser.click(By.id("signin-button"));
    browser.visible(By.id("signed-in-user"));
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
    browser.open(url("/camunda/app/tasklist/default/"));
    browser.type(
        By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']"),
        user);
    browser.type(By.cssSelector("input[type='password']"), "demo");
    browser.click(By.cssSelector("form button[type='submit']"));
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
    browser.screenshot(shot + "-" + user + "-sees-task-in-" + slug(filter));
    browser.click(task);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    browser.click(claim);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(claim));
    browser.visible(By.cssSelector(".fjs-form"));
    fillForm.run();
    browser.screenshot(shot + "-" + user + "-filled-form");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));
    browser.await(ExpectedConditions.invisibilityOfElementLocated(task));
    browser.screenshot(shot + "-" + user + "-completed");
    browser.driver().manage().deleteAllCookies();
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
