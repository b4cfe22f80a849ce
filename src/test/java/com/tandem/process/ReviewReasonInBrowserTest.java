package com.tandem.process;

import static com.tandem.process.JointReviewProcess.MARKETING_CONDITIONS;
import static com.tandem.process.PurchaseProcess.MARKETING_COMMENT;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.request.RequestStatus;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The CMO rejects a request in Tasklist: the Reason field appears only with the rejection and is
 * required; a reason of blanks gets past the form and is refused by the server, and Tasklist shows
 * the server's sentence, not an engine error; with a reason the request ends REJECTED. Screenshots
 * in {@code target/screenshots/review-reason/}.
 */
@RequiresChromium
class ReviewReasonInBrowserTest extends ProcessScenario {

  @LocalServerPort int port;

  @Test
  void shouldAskForTheReasonOfARejectionInTheFormAndExplainARefusalInWords() {
    try (Browser browser = new Browser("review-reason")) {
      browser.onFailureScreenshot(() -> reject(browser));
    }
  }

  private void reject(Browser browser) {
    String requestId = submitForReview(intake());
    browser.open("http://localhost:" + port + "/camunda/app/tasklist/default/");
    browser.type(
        By.cssSelector("input[ng-model='username'], input#inputUsername, input[name='username']"),
        "cmo");
    browser.type(By.cssSelector("input[type='password']"), "demo");
    browser.click(By.cssSelector("form button[type='submit']"));
    browser.click(
        By.xpath(
            "//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
                + "/a[normalize-space(text())='Marketing reviews']"));
    By task =
        By.xpath(
            "//*[contains(@class,'tasks-list')]//a[contains(normalize-space(), '"
                + requestId
                + "')]");
    browser.click(task);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    browser.click(claim);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(claim));
    browser.visible(By.cssSelector(".fjs-form"));

    assertThat(browser.driver().findElements(formField(MARKETING_COMMENT.name())))
        .as("no Reason field before a decision")
        .isEmpty();
    chooseRadio(browser, MARKETING_DECISION.name(), "Approve");
    assertThat(browser.visible(formField(MARKETING_CONDITIONS.name())).isDisplayed()).isTrue();
    assertThat(browser.driver().findElements(formField(MARKETING_COMMENT.name())))
        .as("an approval needs no reason")
        .isEmpty();

    chooseRadio(browser, MARKETING_DECISION.name(), "Reject");
    WebElement reason = browser.visible(formField(MARKETING_COMMENT.name()));
    assertThat(browser.driver().findElements(formField(MARKETING_CONDITIONS.name()))).isEmpty();
    assertThat(reasonLabel(browser).getText()).contains("Reason");
    browser.screenshot("reason-appears-with-reject");

    complete(browser);
    WebElement required =
        browser.visible(
            By.xpath(
                "//*[contains(@class,'fjs-form-field-error')]"
                    + "[ancestor::*[contains(@class,'fjs-form-field')]"
                    + "//textarea[contains(@id,'-Field_"
                    + MARKETING_COMMENT.name()
                    + "')]]"));
    assertThat(required.getText()).containsIgnoringCase("required");
    // Tasklist itself adds a notification without words for a form that does not validate.
    assertThat(openTasks(requestId))
        .as("the form did not submit")
        .contains(JointReviewProcess.Elements.REVIEW_MARKETING);
    browser.screenshot("reason-required");

    // Blanks pass the form's check; the server refuses them, and Tasklist shows its sentence.
    browser.scrollIntoView(reason);
    reason.sendKeys("   ");
    complete(browser);
    WebElement toast =
        browser.visible(
            By.xpath(
                "//*[contains(normalize-space(), 'Please explain your decision')]"
                    + "[not(*[contains(normalize-space(), 'Please explain your decision')])]"));
    assertThat(toast.getText())
        .contains("Please explain your decision", "reason")
        .doesNotContain("ENGINE-", "TaskListener", "Cannot submit task form");
    browser.screenshot("server-refusal-in-words");
    assertThat(status(requestId)).isEqualTo(RequestStatus.IN_REVIEW);

    reason.sendKeys(Keys.chord(Keys.CONTROL, "a"), "We run webinars in Hopin already.");
    complete(browser);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(task));
    browser.screenshot("rejected-with-reason");
    runJobs();
    if (openTasks(requestId).contains(JointReviewProcess.Elements.REVIEW_IT)) {
      // The joint review may still wait for IT before it concludes.
      complete(
          requestId,
          JointReviewProcess.Elements.REVIEW_IT,
          "cio",
          PurchaseProcess.IT_DECISION.name(),
          "APPROVE");
    }
    assertThat(status(requestId)).isEqualTo(RequestStatus.REJECTED);
    assertThat(registry.decisions(requestId))
        .anyMatch(
            d ->
                d.stage().equals("MARKETING_REVIEW")
                    && d.decision().equals("REJECT")
                    && "We run webinars in Hopin already.".equals(d.comment()));
  }

  /**
   * Clicks Complete, first closing any notification of an earlier attempt: Tasklist shows them over
   * the button.
   */
  private static void complete(Browser browser) {
    for (WebElement close :
        browser.driver().findElements(By.cssSelector(".page-notifications .close"))) {
      if (close.isDisplayed()) {
        close.click();
      }
    }
    browser.await(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector(".page-notifications .alert")));
    browser.click(By.xpath("//button[normalize-space()='Complete']"));
  }

  private static WebElement reasonLabel(Browser browser) {
    return browser.visible(
        By.xpath(
            "//label[@for=//textarea[contains(@id,'-Field_"
                + MARKETING_COMMENT.name()
                + "')]/@id]"));
  }

  private static By formField(String key) {
    return By.cssSelector("[id$='-Field_" + key + "']");
  }

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
}
