package com.tandem.discovery;

/** Where a sighting came from (PRODUCT.md §5): an SSO export, an expense export, or a push. */
public enum DiscoverySource {
  SSO,
  EXPENSE,
  PUSH
}
