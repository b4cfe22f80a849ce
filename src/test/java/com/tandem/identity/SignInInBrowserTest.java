package com.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.PurchaseProcess;
import com.tandem.request.Decision;
import com.tandem.request.RequestRegistry;
import com.tandem.request.RequestStatus;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.RecordedRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People sign in through the company's provider in a real browser: a requester on {@code /intake}
 * submits a request without any Tandem password, the CMO (whose token says Marketing-Leads, mapped
 * to marketing-leadership) reviews it in Tasklist and opens the discovery page, and signing out
 * (from the intake page, and from Tasklist's "Log out") sends the browser to the provider's
 * end-session endpoint and back to Tandem's "signed out" page. Screenshots under {@code
 * target/screenshots/oidc-sign-in/}.
 */
@RequiresChromium
class SignInInBrowserTest extends OidcTestSupport {

  @Autowired RequestRegistry registry;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  @Test
  void shouldLetARequesterSubmitAndTheCmoReviewAfterSigningInAtTheProvider() {
    try (Browser browser = new Browser("oidc-sign-in")) {
      browser.onFailureScreenshot(() -> journey(browser));
    }
  }

  private void journey(Browser browser) {
    // The requester: /intake sends them to the provider and back, signed in.
    nextSignIn(claims("rhea.requester", "Rhea", "Requester", List.of("Marketing", "All-Staff")));
    browser.open(url("/intake"));
    browser.await(ExpectedConditions.textToBe(By.id("signed-in-user"), "Rhea Requester"));
    assertThat(browser.driver().findElement(By.id("signin-form")).isDisplayed()).isFalse();
    browser.screenshot("requester-signed-in-on-intake");
    String requestId = submit(browser);
    browser.screenshot("requester-submitted");
    assertThat(registry.get(requestId).requester()).isEqualTo("rhea.requester");
    User requester = identityService.createUserQuery().userId("rhea.requester").singleResult();
    assertThat(requester.getEmail()).isEqualTo("rhea.requester@company.example");

    signOut(browser);

    runJobs();
    assertThat(registry.get(requestId).status()).isEqualTo(RequestStatus.IN_REVIEW);

    // The CMO: Tasklist sends them to the provider and back; Camunda knows their group.
    nextSignIn(claims("casey.cmo", "Casey", "Marketing-Lead", List.of("Marketing-Leads")));
    browser.open(url("/camunda/app/tasklist/default/"));
    browser.click(
        By.xpath(
            "//*[contains(@class,'task-filter')]//h4[contains(@class,'name')]"
                + "/a[normalize-space(text())='Marketing reviews']"));
    By task =
        By.xpath(
            "//*[contains(@class,'tasks-list')]//a[contains(normalize-space(), '"
                + requestId
                + "')]");
    browser.visible(task);
    assertThat(browser.driver().getPageSource())
        .as("Tasklist shows the person's name from the token")
        .contains("Casey Marketing-Lead");
    browser.screenshot("cmo-sees-task-in-tasklist");
    browser.click(task);
    By claim = By.xpath("//button[normalize-space()='Claim']");
    browser.click(claim);
    browser.await(ExpectedConditions.invisibilityOfElementLocated(claim));
    browser.visible(By.cssSelector(".fjs-form"));
    chooseRadio(browser, PurchaseProcess.MARKETING_DECISION.name(), "Approve");
    browser.type(
        By.cssSelector(
            "[id$='-Field_"
                + com.tandem.process.JointReviewProcess.MARKETING_CONDITIONS.name()
                + "']"),
        "Signed in through the company's provider; the webinar gap is real.");
    browser.screenshot("cmo-filled-review");
    browser.click(By.xpath("//button[normalize-space()='Complete']"));
    browser.await(ExpectedConditions.invisibilityOfElementLocated(task));
    browser.screenshot("cmo-completed-review");

    List<Decision> decisions = registry.decisions(requestId);
    assertThat(decisions)
        .anySatisfy(
            d -> {
              assertThat(d.stage()).isEqualTo("MARKETING_REVIEW");
              assertThat(d.decision()).isEqualTo("APPROVE");
              assertThat(d.by()).isEqualTo("casey.cmo");
            });

    // The same sign-in opens the discovery page, which shows what marketing leadership may see.
    browser.open(url("/discovery"));
    browser.await(ExpectedConditions.textToBe(By.id("signed-in-user"), "Casey Marketing-Lead"));
    browser.visible(By.id("findings-section"));
    assertThat(browser.driver().findElement(By.id("upload")).isDisplayed())
        .as("marketing leadership reads findings but does not import")
        .isFalse();
    browser.screenshot("cmo-on-discovery");

    // ... and, through the header, the insights page: the provider's sign-in carries over
    browser.click(By.id("nav-insights"));
    browser.visible(By.id("dashboard"));
    assertThat(browser.driver().findElement(By.id("signin-form")).isDisplayed()).isFalse();
    browser.screenshot("cmo-on-insights");

    // Tasklist's own "Log out" ends the provider's session too.
    browser.open(url("/camunda/app/tasklist/default/"));
    browser.click(By.cssSelector("li.account > a.dropdown-toggle"));
    browser.click(By.cssSelector("li.account li.logout a"));
    expectSignedOut(browser);
  }

  /** Fills the intake form and submits it; returns the new request's id. */
  private String submit(Browser browser) {
    browser.visible(By.id("capabilities-event-management"));
    browser.type(By.id("toolName"), "Eventful");
    browser.type(By.id("vendor"), "Eventful Inc.");
    browser.type(By.id("vendorUrl"), "https://eventful.example");
    browser.click(By.cssSelector("label[for='capabilities-event-management']"));
    browser.type(By.id("businessJustification"), "Run our webinar programme in-house.");
    browser.type(By.id("annualLicenseCost"), "12000");
    browser.type(By.id("implementationCost"), "3000");
    browser.type(By.id("seats"), "5");
    browser.type(By.id("contractTermMonths"), "12");
    WebElement neededBy = browser.visible(By.id("neededBy"));
    neededBy.sendKeys(
        LocalDate.now().plusMonths(2).format(DateTimeFormatter.ofPattern("MMddyyyy", Locale.US)));
    browser.click(By.cssSelector("input[name='personalData'][value='NONE']"));
    browser.click(By.cssSelector("input[name='sso'][value='SAML']"));
    browser.click(By.id("dataExportSupported"));
    browser.click(By.id("submit-button"));
    WebElement id = browser.visible(By.id("result-id"));
    browser.await(ExpectedConditions.textToBe(By.id("result-status"), "Submitted"));
    return id.getText();
  }

  /** Signs out from the intake page; see {@link #expectSignedOut}. */
  private void signOut(Browser browser) {
    browser.open(url("/intake"));
    browser.visible(By.id("signed-in-user"));
    browser.click(By.id("signout-button"));
    expectSignedOut(browser);
  }

  /**
   * The provider's end-session endpoint was called with the ID token and sent the browser back to
   * Tandem's "signed out" page; Tandem's session is gone.
   */
  private void expectSignedOut(Browser browser) {
    browser.await(ExpectedConditions.textToBe(By.id("signed-out-title"), "You are signed out"));
    browser.screenshot("signed-out");
    assertThat(endSessionCalls())
        .anySatisfy(
            path ->
                assertThat(path).contains("id_token_hint=").contains("post_logout_redirect_uri="));
    browser.open(url("/identity/session"));
    assertThat(browser.driver().getPageSource()).doesNotContain("csrfToken");
  }

  /** The calls of the provider's end-session endpoint so far (the provider records each call). */
  private List<String> endSessionCalls() {
    List<String> calls = new ArrayList<>();
    while (true) {
      RecordedRequest request;
      try {
        request = PROVIDER.takeRequest(200, TimeUnit.MILLISECONDS);
      } catch (RuntimeException none) {
        return calls; // the provider says so when no call is left
      }
      if (request == null) {
        return calls;
      }
      String path = request.getPath();
      if (path != null && path.contains("/endsession")) {
        calls.add(path);
      }
    }
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

  /** Runs the due jobs as the job executor would (it is off in tests). */
  private void runJobs() {
    for (int round = 0; round < 50; round++) {
      List<Job> due = managementService.createJobQuery().executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new AssertionError("Jobs keep coming");
  }
}
