package com.tandem.system;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The engine refuses database connections that are not READ COMMITTED (its check at start): one
 * line saying which level it found and what to set.
 */
class IsolationLevelFailureAnalyzer extends AbstractFailureAnalyzer<ProcessEngineException> {

  private static final Pattern LEVEL =
      Pattern.compile("transaction isolation level set for the database is '([^']*)'");

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ProcessEngineException cause) {
    Matcher level = LEVEL.matcher(String.valueOf(cause.getMessage()));
    if (!level.find()) {
      return null;
    }
    return new FailureAnalysis(
        "Tandem cannot start: the database connections use the isolation level %s; the Camunda engine needs READ COMMITTED."
            .formatted(level.group(1)),
        "Set spring.datasource.hikari.transaction-isolation=TRANSACTION_READ_COMMITTED (the"
            + " default of application.yaml; remove whatever overrides it, e.g."
            + " SPRING_DATASOURCE_HIKARI_TRANSACTIONISOLATION), or transaction_isolation ="
            + " READ-COMMITTED on the MySQL server.",
        cause);
  }
}
