package com.tandem.insights;

/** Who a stage of a request waits for: the sides whose speed the CMO and the CIO argue about. */
public enum Side {
  MARKETING("Marketing"),
  IT("IT"),
  PRIVACY("Privacy and legal"),
  BOARD("Board"),
  REQUESTER("Requester");

  private final String label;

  Side(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
