package com.tandem.insights;

import static com.tandem.process.PurchaseProcess.DPA_SIGNED;
import static com.tandem.process.PurchaseProcess.IT_DECISION;
import static com.tandem.process.PurchaseProcess.MARKETING_DECISION;
import static com.tandem.process.PurchaseProcess.SSO_CONFIGURED;
import static com.tandem.process.PurchaseProcess.TOOL_NAME;
import static com.tandem.process.PurchaseProcess.VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.tandem.process.JointReviewProcess;
import com.tandem.process.ProcessScenario;
import com.tandem.process.PurchaseProcess;
import com.tandem.testsupport.Browser;
import com.tandem.testsupport.RequiresChromium;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CMO opens /insights in a real browser, sees the charts with their numbers beside them,
 * downloads a table as CSV, switches the fiscal year, and follows a request of the list to its
 * detail on /intake; a requester is turned away. Screenshots land in {@code
 * target/screenshots/insights/}.
 */
@RequiresChromium
class InsightsInBrowserTest extends ProcessScenario {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void noToolsLeft() {
    jdbc.sql("UPDATE tandem_tool SET status = 'RETIRED' WHERE request_id IS NOT NULL").update();
  }

  Map<String, Object> intakeFor(String tool) {
    Map<String, Object> fields = new HashMap<>(intake());
    fields.put(TOOL_NAME.name(), tool);
    fields.put(VENDOR.name(), tool + " Browser Ltd");
    return fields;
  }

  @Test
  void shouldShowTheCmoWhereRequestsWaitWithTheNumbersBesideTheCharts() {
    jdbc.sql("UPDATE tandem_tool SET status = 'RETIRED' WHERE request_id IS NOT NULL").update();
    String active = submit(intakeFor("Lumen"));
    String waiting = submit(intakeFor("Quasar")); // before Lumen is ours: no overlap with it
    complete(active, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");
    complete(
        active,
        JointReviewProcess.Elements.REVIEW_MARKETING,
        "cmo",
        MARKETING_DECISION.name(),
        "APPROVE");
    negotiateAsRequested(active);
    complete(
        active,
        PurchaseProcess.Elements.COMPLETE_ONBOARDING,
        "itops",
        SSO_CONFIGURED.name(),
        true,
        DPA_SIGNED.name(),
        true);
    complete(waiting, JointReviewProcess.Elements.REVIEW_IT, "cio", IT_DECISION.name(), "APPROVE");

    try (Browser browser = new Browser("insights")) {
      browser.onFailureScreenshot(() -> journey(browser, waiting));
    }
  }

  private void journey(Browser browser, String waiting) {
    String base = "http://localhost:" + port;
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();

    // a requester is turned away in words, and offered no link to insights anywhere
    browser.open(base + "/insights");
    signIn(browser, "requester");
    assertThat(browser.visible(By.id("page-refused")).getText())
        .contains("open to marketing leadership, IT leadership, the board and administrators");
    assertThat(browser.driver().findElement(By.id("dashboard")).isDisplayed()).isFalse();
    assertThat(browser.visible(By.id("site-nav")).getText())
        .contains("Request a tool")
        .doesNotContain("Insights");
    browser.screenshot("requester-turned-away");
    browser.open(base + "/");
    browser.visible(By.id("go-request"));
    assertThat(browser.driver().findElements(By.cssSelector("a[href='/insights']")))
        .as("no insights link for a requester, neither in the header nor among the tiles")
        .isEmpty();
    browser.screenshot("requester-home-without-insights");
    browser.click(By.id("signout-button"));

    // the CMO signs in on /intake and opens /insights from the header: no second sign-in
    browser.open(base + "/intake");
    browser.screenshot("sign-in");
    signIn(browser, "cmo");
    browser.await(
        d -> d.findElement(By.id("signed-in-user")).getText().equals("Casey Marketing-Officer"));
    browser.click(By.id("nav-insights"));
    browser.await(d -> d.getCurrentUrl().endsWith("/insights"));
    browser.visible(By.id("dashboard"));
    assertThat(browser.driver().findElement(By.id("signin-form")).isDisplayed()).isFalse();
    assertThat(browser.visible(By.cssSelector("#site-nav a[aria-current='page']")).getText())
        .isEqualTo("Insights");
    int year = LocalDate.now().getYear();
    browser.await(
        d -> browser.visible(By.id("loading")).getText().contains("Showing fiscal year " + year));
    for (String chart :
        new String[] {
          "chart-status",
          "chart-flow",
          "chart-sides",
          "chart-budget",
          "chart-findings",
          "chart-ages",
          "chart-stack"
        }) {
      assertThat(
              js.executeScript("return !!window.Chart && !!Chart.getChart(arguments[0]);", chart))
          .as("chart %s drawn by Chart.js", chart)
          .isEqualTo(true);
    }
    assertThat(browser.visible(By.id("stages-summary")).getText())
        .startsWith("Median time per task");
    WebElement sides = browser.visible(By.cssSelector("[data-table='sides'] table"));
    assertThat(sides.getText()).contains("Marketing").contains("IT").contains("Board");
    assertThat(browser.visible(By.cssSelector("[data-table='stages'] table")).getText())
        .contains("IT review")
        .contains("Onboarding");
    assertThat(browser.visible(By.cssSelector("[data-table='budget'] table")).getText())
        .doesNotContain("not yet available");
    assertThat(browser.visible(By.cssSelector("[data-table='renewals'] table")).getText())
        .contains("Notice date")
        .contains("USD")
        .doesNotContain("Not yet available");
    assertThat(browser.visible(By.cssSelector("[data-table='stack'] table")).getText())
        .contains("Event management");
    browser.await(
        d ->
            browser
                .visible(By.cssSelector("[data-table='list'] table"))
                .getText()
                .contains(waiting));
    browser.screenshot("charts-and-tables");
    assertThat(browser.visible(By.cssSelector("[data-table='list'] table")).getText())
        .as("the CMO reads names and money with its currency, not user ids or codes")
        .contains("Riley Requester", "USD ")
        .doesNotContain("IN_REVIEW");

    // a wide table scrolls inside its own region, never the page, at 800 px as at 1366 px
    for (int width : new int[] {800, 1366}) {
      browser.driver().manage().window().setSize(new Dimension(width, 900));
      WebElement list = browser.visible(By.cssSelector("[data-table='list'] .table-scroll"));
      browser.scrollIntoView(list);
      assertThat(
              (Boolean)
                  js.executeScript(
                      "return document.documentElement.scrollWidth"
                          + " <= document.documentElement.clientWidth;"))
          .as("the page is no wider than the window at %d px", width)
          .isTrue();
      assertThat(list.getAttribute("tabindex")).isEqualTo("0");
      assertThat(list.getAttribute("aria-label")).isEqualTo("Requests");
      if (width == 800) {
        String widths =
            (String)
                js.executeScript(
                    "return arguments[0].scrollWidth + ' > ' + arguments[0].clientWidth;", list);
        assertThat(
                (Boolean)
                    js.executeScript(
                        "return arguments[0].scrollWidth > arguments[0].clientWidth;", list))
            .as("at 800 px the request list is wider than its region, which scrolls (%s)", widths)
            .isTrue();
        list.sendKeys(
            org.openqa.selenium.Keys.ARROW_RIGHT); // focus on the region, keyboard scrolls it
        assertThat(browser.driver().switchTo().activeElement()).isEqualTo(list);
        browser.await(
            d ->
                ((Number) js.executeScript("return arguments[0].scrollLeft;", list)).intValue()
                    > 0);
      }
      browser.screenshot("list-at-" + width + "px", browser.visible(By.id("panel-list")));
    }
    browser.driver().manage().window().setSize(new Dimension(1280, 1000));

    // the numbers of a table as CSV: the file the download link gives
    WebElement link = browser.visible(By.cssSelector("[data-table='status'] a.csv"));
    assertThat(link.getAttribute("download")).isEqualTo("tandem-status.csv");
    String csv =
        (String)
            js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));",
                link.getAttribute("href"));
    long activeNow =
        jdbc.sql(
                "SELECT COUNT(*) FROM tandem_purchase_request WHERE status = 'ACTIVE'"
                    + " AND EXTRACT(YEAR FROM created_at) = ?")
            .param(year)
            .query(Long.class)
            .single();
    // (lines end in CRLF in the file; WebDriver hands script results back with LF)
    assertThat(csv.replace("\r\n", "\n"))
        .startsWith("Status,Open or finished,Requests\n")
        .contains("\nIN_REVIEW,open,")
        .contains("\nACTIVE,finished," + activeNow + "\n");
    link.click(); // the browser saves it; what it saves is the text read above

    // another fiscal year
    new Select(browser.visible(By.id("fiscal-year"))).selectByValue(String.valueOf(year - 1));
    browser.await(
        d ->
            browser
                .visible(By.id("loading"))
                .getText()
                .contains("Showing fiscal year " + (year - 1)));
    assertThat(browser.visible(By.id("requests-summary")).getText())
        .contains("fiscal year " + (year - 1));
    browser.screenshot("previous-fiscal-year");

    // a request of the list opens on the intake page
    new Select(browser.visible(By.id("fiscal-year"))).selectByValue(String.valueOf(year));
    browser.type(By.id("search-q"), "quasar browser");
    browser.click(By.id("search-button"));
    browser.await(d -> browser.visible(By.id("list-summary")).getText().startsWith("1 request;"));
    browser.screenshot("search");
    browser.click(By.linkText(waiting));
    browser.await(d -> d.getCurrentUrl().endsWith("/intake?request=" + waiting));
    assertThat(browser.visible(By.id("result")).getText())
        .contains(waiting)
        .contains("Quasar")
        .contains("Riley Requester")
        .contains("USD ");
    browser.screenshot("request-detail");
  }

  private static void signIn(Browser browser, String user) {
    browser.type(By.id("username"), user);
    browser.type(By.id("password"), "demo");
    browser.click(By.id("signin-button"));
  }
}
