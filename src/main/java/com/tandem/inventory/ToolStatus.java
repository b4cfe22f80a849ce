package com.tandem.inventory;

/** Lifecycle of a tool in the inventory. */
public enum ToolStatus {
  PROCUREMENT,
  ACTIVE,
  RETIRED
}
