package com.tandem.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class ChromiumAvailableTest {

  private static final Map<String, String> NOT_INSTALLED =
      Map.of(
          "TANDEM_TEST_CHROMIUM",
          "/nonexistent/chromium",
          "TANDEM_TEST_CHROMEDRIVER",
          "/nonexistent/chromedriver");

  @Test
  void shouldSkipWithTheReasonWhenTheBrowserIsMissing() {
    ConditionEvaluationResult result =
        new ChromiumAvailable(NOT_INSTALLED).evaluateExecutionCondition(null);

    assertThat(result.isDisabled()).isTrue();
    assertThat(result.getReason())
        .get()
        .asString()
        .contains(
            "/nonexistent/chromium",
            "/nonexistent/chromedriver",
            "apt-get install chromium chromium-driver");
  }

  @Test
  void shouldRunUnderCiEvenWithoutABrowser() {
    var env = new java.util.HashMap<>(NOT_INSTALLED);
    env.put("CI", "true");

    ConditionEvaluationResult result = new ChromiumAvailable(env).evaluateExecutionCondition(null);

    assertThat(result.isDisabled()).isFalse();
    assertThat(result.getReason()).get().asString().contains("CI=true", "missing");
  }
}
