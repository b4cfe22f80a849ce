package com.tandem.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debian's headless chromium driven through Debian's chromedriver, with explicit paths so that
 * Selenium Manager never tries to download a browser or a driver, a fresh profile per browser,
 * explicit waits on what a user would see, and numbered screenshots of every step under {@code
 * target/screenshots/<scenario>/}.
 */
public final class Browser implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Browser.class);
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final Path screenshots;
  private int step;

  public Browser(String scenario) {
    Map<String, String> env = System.getenv();
    try {
      profile = Files.createTempDirectory("tandem-chromium-");
      screenshots = Path.of("target", "screenshots", scenario);
      deleteRecursively(screenshots);
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(ChromiumAvailable.chromedriver(env).toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(ChromiumAvailable.chromium(env).toFile());
    // The console (failed requests included) is saved with a failure's screenshot.
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--lang=en-US",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  public WebDriver driver() {
    return driver;
  }

  public void open(String url) {
    driver.get(url);
  }

  /** Waits until the condition holds, as a user would wait for the page to show something. */
  public <T> T await(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, WAIT).until(condition);
  }

  public WebElement visible(By by) {
    return await(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public WebElement clickable(By by) {
    return await(ExpectedConditions.elementToBeClickable(by));
  }

  public void click(By by) {
    WebElement element = clickable(by);
    scrollIntoView(element);
    element.click();
  }

  public void type(By by, CharSequence text) {
    WebElement input = visible(by);
    scrollIntoView(input);
    input.clear();
    input.sendKeys(text);
  }

  public void scrollIntoView(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /** Saves the next numbered screenshot of the whole page (and its HTML, for finding selectors). */
  public Path screenshot(String name) {
    step++;
    String base = String.format("%02d-%s", step, name);
    try {
      Path png = screenshots.resolve(base + ".png");
      Files.copy(fullPage().toPath(), png, StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(screenshots.resolve(base + ".html"), driver.getPageSource());
      LOG.info("Screenshot {}", png);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the next numbered screenshot of one element only: a part of a page too long to show. */
  public Path screenshot(String name, WebElement element) {
    step++;
    String base = String.format("%02d-%s", step, name);
    try {
      Path png = screenshots.resolve(base + ".png");
      Files.copy(
          element.getScreenshotAs(OutputType.FILE).toPath(),
          png,
          StandardCopyOption.REPLACE_EXISTING);
      LOG.info("Screenshot {}", png);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The page as tall as its content, so a screenshot shows the whole form, not just the top. */
  private java.io.File fullPage() {
    Dimension window = driver.manage().window().getSize();
    Number height =
        (Number)
            ((JavascriptExecutor) driver)
                .executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight,"
                        + " ...Array.from(document.querySelectorAll('*')).filter(e => e.scrollHeight > e.clientHeight + 20"
                        + " && getComputedStyle(e).overflowY !== 'visible').map(e => e.scrollHeight + 200));");
    // The window is taller than its viewport by the browser's own frame.
    Number frame =
        (Number)
            ((JavascriptExecutor) driver)
                .executeScript("return window.outerHeight - window.innerHeight;");
    int tall =
        Math.min(Math.max(window.getHeight(), height.intValue() + frame.intValue() + 40), 6000);
    driver.manage().window().setSize(new Dimension(window.getWidth(), tall));
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
    try {
      return driver.getScreenshotAs(OutputType.FILE);
    } finally {
      driver.manage().window().setSize(window);
    }
  }

  /** Runs the steps; when one fails, a last screenshot shows the page as it was then. */
  public void onFailureScreenshot(Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException | AssertionError e) {
      try {
        screenshot("FAILED");
        Files.write(
            screenshots.resolve(String.format("%02d-FAILED-console.txt", step)),
            driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(Object::toString)
                .toList());
      } catch (RuntimeException | IOException screenshotFailed) {
        e.addSuppressed(screenshotFailed);
      }
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteRecursively(profile);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      LOG.warn("Could not delete {}", root, e);
    }
  }
}
