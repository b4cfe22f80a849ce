package com.tandem.system;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * The database refused Tandem at start: a login it does not accept, a database that does not exist,
 * a server that does not answer. One line saying which, and what to set.
 */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

  private final Environment environment;

  DatabaseConnectionFailureAnalyzer(Environment environment) {
    this.environment = environment;
  }

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
    String state = String.valueOf(cause.getSQLState());
    String user = environment.getProperty("spring.datasource.username", "");
    String url = withoutQuery(environment.getProperty("spring.datasource.url", ""));
    if (state.equals("28000") || cause.getErrorCode() == 1045) {
      return new FailureAnalysis(
          "Tandem cannot start: the database refused the login of user '%s' at %s (%s)."
              .formatted(user, url, cause.getMessage()),
          "Set TANDEM_DB_USER and TANDEM_DB_PASSWORD to a user the database accepts, with all"
              + " privileges on Tandem's database.",
          cause);
    }
    if (cause.getErrorCode() == 1049) {
      return new FailureAnalysis(
          "Tandem cannot start: the database named in %s does not exist (%s)."
              .formatted(url, cause.getMessage()),
          "Create it (CREATE DATABASE tandem CHARACTER SET utf8mb4 COLLATE utf8mb4_bin) or set"
              + " TANDEM_DB_NAME (or TANDEM_DB_URL) to the database Tandem should use.",
          cause);
    }
    if (state.startsWith("08")) {
      return new FailureAnalysis(
          "Tandem cannot start: no database answers at %s (%s)."
              .formatted(url, firstLine(cause.getMessage())),
          "Start the database, or set TANDEM_DB_HOST and TANDEM_DB_PORT (or TANDEM_DB_URL) to"
              + " where it runs.",
          cause);
    }
    return null;
  }

  private static String withoutQuery(String url) {
    int query = url.indexOf('?');
    int semicolon = url.indexOf(';');
    int end = query >= 0 ? query : semicolon >= 0 ? semicolon : url.length();
    return url.substring(0, end);
  }

  private static String firstLine(String message) {
    String text = String.valueOf(message);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
