package com.tandem.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted per tenth of an hour (six minutes), as the database aggregates them: the
 * percentiles of a stage are read from these counts instead of from every task row. A percentile is
 * the nearest-rank one (the smallest duration that at least that share of the tasks did not
 * exceed), rounded down to the tenth of an hour.
 */
final class DurationHistogram {

  /** Milliseconds in one bucket: a tenth of an hour. */
  static final long BUCKET_MILLIS = 360_000L;

  private final TreeMap<Long, Long> counts = new TreeMap<>();
  private long total;

  void add(long bucket, long count) {
    counts.merge(bucket, count, Long::sum);
    total += count;
  }

  void addAll(DurationHistogram other) {
    other.counts.forEach(this::add);
  }

  long count() {
    return total;
  }

  /** The {@code percent}th percentile in hours, or null without any duration. */
  BigDecimal percentileHours(int percent) {
    if (total == 0) {
      return null;
    }
    long rank = Math.max(1, (total * percent + 99) / 100); // ceil(total * percent / 100)
    long seen = 0;
    for (Map.Entry<Long, Long> bucket : counts.entrySet()) {
      seen += bucket.getValue();
      if (seen >= rank) {
        return BigDecimal.valueOf(bucket.getKey())
            .divide(BigDecimal.TEN, 1, RoundingMode.UNNECESSARY);
      }
    }
    throw new IllegalStateException("counts do not add up");
  }
}
