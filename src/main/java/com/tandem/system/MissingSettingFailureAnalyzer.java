package com.tandem.system;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;
import org.springframework.util.PlaceholderResolutionException;

/**
 * A setting without default that nobody set (the {@code mysql} profile has no default
 * administrator): one line naming every such setting, instead of a stack trace about placeholders.
 */
class MissingSettingFailureAnalyzer
    extends AbstractFailureAnalyzer<PlaceholderResolutionException> {

  /** The administrator's settings (required in "mysql"): all missing ones named at once. */
  private static final List<String> ADMINISTRATOR =
      List.of("TANDEM_ADMIN_USER", "TANDEM_ADMIN_PASSWORD");

  private static final Pattern PLACEHOLDER = Pattern.compile("placeholder '([^':]+)'");

  private final Environment environment;

  MissingSettingFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderResolutionException cause) {
    Matcher name = PLACEHOLDER.matcher(String.valueOf(cause.getMessage()));
    if (!name.find()) {
      return null;
    }
    Set<String> missing = new LinkedHashSet<>();
    missing.add(name.group(1));
    boolean administrator = ADMINISTRATOR.contains(name.group(1));
    if (administrator) {
      ADMINISTRATOR.stream()
          .filter(setting -> !environment.containsProperty(setting))
          .forEach(missing::add);
    }
    String settings = String.join(", ", missing);
    String first = missing.iterator().next();
    return new FailureAnalysis(
        "Tandem cannot start: the required setting%s %s %s not set."
            .formatted(
                missing.size() == 1 ? "" : "s", settings, missing.size() == 1 ? "is" : "are"),
        "Set %s in the environment (e.g. export %s=...) or as --%s=... on the command line."
                .formatted(settings, first, first)
            + (administrator
                ? " TANDEM_ADMIN_USER and TANDEM_ADMIN_PASSWORD are the user id and password of"
                    + " Tandem's administrator, created at the first start."
                : ""),
        cause);
  }
}
