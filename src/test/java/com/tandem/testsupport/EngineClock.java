package com.tandem.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Tandem's clock following the engine's ({@link ClockUtil}): a test that moves the engine's time
 * (timers fall due) moves Tandem's dates with it (scan, deadlines, mails), never by sleeping.
 * Register it as the {@code @Primary} {@link Clock} bean; reset {@link ClockUtil} after each test.
 */
public final class EngineClock extends Clock {

  private final ZoneId zone;

  public EngineClock() {
    this(ZoneId.systemDefault());
  }

  private EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
