package com.tandem.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition behind {@link RequiresChromium}: enabled when the browser and its driver are
 * installed (paths from {@code TANDEM_TEST_CHROMIUM} / {@code TANDEM_TEST_CHROMEDRIVER}, default
 * Debian's) or when {@code CI=true}, disabled with the reason otherwise.
 */
public class ChromiumAvailable implements ExecutionCondition {

  private final Map<String, String> env;

  public ChromiumAvailable() {
    this(System.getenv());
  }

  ChromiumAvailable(Map<String, String> env) {
    this.env = env;
  }

  /**
   * The browser binary: Debian's {@code chromium} unless {@code TANDEM_TEST_CHROMIUM} names
   * another.
   */
  public static Path chromium(Map<String, String> env) {
    return Path.of(env.getOrDefault("TANDEM_TEST_CHROMIUM", "/usr/bin/chromium"));
  }

  /**
   * The driver: Debian's {@code chromedriver} unless {@code TANDEM_TEST_CHROMEDRIVER} names
   * another.
   */
  public static Path chromedriver(Map<String, String> env) {
    return Path.of(env.getOrDefault("TANDEM_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    List<String> missing = new ArrayList<>();
    for (Path executable : List.of(chromium(env), chromedriver(env))) {
      if (!Files.isExecutable(executable)) {
        missing.add(executable.toString());
      }
    }
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      return ConditionEvaluationResult.enabled(
          "CI=true: browser tests are mandatory"
              + (missing.isEmpty()
                  ? ""
                  : " (missing " + String.join(", ", missing) + ": they will fail)"));
    }
    if (missing.isEmpty()) {
      return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
    }
    return ConditionEvaluationResult.disabled(
        "Browser test skipped: "
            + String.join(" and ", missing)
            + " not found; install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) "
            + "or set TANDEM_TEST_CHROMIUM/TANDEM_TEST_CHROMEDRIVER (under CI=true this test fails instead)");
  }
}
