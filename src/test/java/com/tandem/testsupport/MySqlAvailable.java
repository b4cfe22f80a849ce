package com.tandem.testsupport;

import java.util.Map;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition behind {@link RequiresMySql}: enabled when the configured server answers or when
 * {@code CI=true}, disabled with the reason otherwise.
 */
public class MySqlAvailable implements ExecutionCondition {

  private final Map<String, String> env;

  public MySqlAvailable() {
    this(System.getenv());
  }

  MySqlAvailable(Map<String, String> env) {
    this.env = env;
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    MySqlTestServer server = MySqlTestServer.fromEnvironment(env);
    String where = server.host() + ":" + server.port();
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      return ConditionEvaluationResult.enabled(
          "CI=true: MySQL tests are mandatory (server " + where + ")");
    }
    if (server.answers()) {
      return ConditionEvaluationResult.enabled("A MySQL-protocol server answers at " + where);
    }
    return ConditionEvaluationResult.disabled(
        "No MySQL-protocol server answers at "
            + where
            + "; start one or set TANDEM_TEST_MYSQL_HOST/TANDEM_TEST_MYSQL_PORT (under CI=true this test fails instead)");
  }
}
