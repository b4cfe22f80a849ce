package com.tandem.bench;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.PreparedQuery;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Not a test: a Connector/J query interceptor for the benchmarks ({@code
 * queryInterceptors=com.tandem.bench.StatementProfile} on the JDBC URL) that counts the statements
 * a run sends and the time each kind waits for its answer (the server's work, network and lock
 * waits), by statement text as written (parameters as {@code ?}). The profile of the database side
 * when performance_schema and the slow log are out of reach.
 */
public final class StatementProfile implements QueryInterceptor {

  private static final Map<String, long[]> STATEMENTS = new ConcurrentHashMap<>();
  private static final LongAdder TOTAL = new LongAdder();
  private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

  @Override
  public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
    return this;
  }

  @Override
  public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
    STARTED.set(System.nanoTime());
    return null;
  }

  @Override
  public <T extends Resultset> T postProcess(
      Supplier<String> sql, Query query, T result, ServerSession session) {
    Long started = STARTED.get();
    if (started == null) {
      return null;
    }
    long nanos = System.nanoTime() - started;
    String text = query instanceof PreparedQuery p ? p.getOriginalSql() : sql.get();
    String key = text == null ? "?" : text.replaceAll("\\s+", " ").strip();
    if (key.length() > 160) {
      key = key.substring(0, 160);
    }
    long[] figures = STATEMENTS.computeIfAbsent(key, k -> new long[2]);
    synchronized (figures) {
      figures[0]++;
      figures[1] += nanos;
    }
    TOTAL.increment();
    return null;
  }

  @Override
  public boolean executeTopLevelOnly() {
    return true;
  }

  @Override
  public void destroy() {}

  /** Forgets what was counted so far (the warm-up). */
  public static void reset() {
    STATEMENTS.clear();
    TOTAL.reset();
  }

  /**
   * The statements per flow by kind ({@code SELECT}, {@code INSERT}, {@code COMMIT}, {@code SET
   * autocommit}, …), then by total time, the first {@code limit} of them.
   */
  public static String report(int flows, int limit) {
    StringBuilder out = new StringBuilder();
    double totalMs = STATEMENTS.values().stream().mapToLong(f -> f[1]).sum() / 1e6;
    out.append(
        String.format(
            "  statements: %.1f per flow, %.1f ms of waiting for the database per flow%n",
            TOTAL.sum() / (double) Math.max(1, flows), totalMs / Math.max(1, flows)));
    Map<String, Long> byKind = new java.util.TreeMap<>();
    STATEMENTS.forEach((text, figures) -> byKind.merge(kind(text), figures[0], Long::sum));
    out.append("  by kind, per flow:");
    byKind.forEach(
        (kind, count) ->
            out.append(String.format(" %s %.1f;", kind, count / (double) Math.max(1, flows))));
    out.append(System.lineSeparator());
    STATEMENTS.entrySet().stream()
        .sorted(
            Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
        .limit(limit)
        .forEach(
            e ->
                out.append(
                    String.format(
                        "  %6.2f/flow %7.2f ms/flow %6.2f ms each  %s%n",
                        e.getValue()[0] / (double) Math.max(1, flows),
                        e.getValue()[1] / 1e6 / Math.max(1, flows),
                        e.getValue()[1] / 1e6 / e.getValue()[0],
                        e.getKey())));
    return out.toString();
  }

  /** The kind of a statement: its first word, two for {@code SET} ({@code SET autocommit}). */
  static String kind(String text) {
    String[] words = text.split(" ", 3);
    String kind = words[0].toUpperCase(java.util.Locale.ROOT);
    if (kind.equals("SET") && words.length > 1) {
      kind += " " + words[1].toLowerCase(java.util.Locale.ROOT);
    }
    return kind;
  }
}
