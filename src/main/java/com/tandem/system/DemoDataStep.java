package com.tandem.system;

/** One part of the demo data; each is idempotent and runs, in order, once the engine is up. */
public interface DemoDataStep {
  void apply();
}
