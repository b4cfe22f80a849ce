package com.tandem.request;

import java.util.List;

/** The Camunda group ids of PRODUCT.md §1: Tasklist filters and candidate groups rely on them. */
public final class TandemGroups {

  public static final String MARKETING = "marketing";
  public static final String MARKETING_LEADERSHIP = "marketing-leadership";
  public static final String IT_LEADERSHIP = "it-leadership";
  public static final String PRIVACY_LEGAL = "privacy-legal";
  public static final String BOARD = "board";
  public static final String IT_OPERATIONS = "it-operations";

  /** Camunda's administrators' group; its members may do everything. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /** The groups that work in Tasklist. */
  public static final List<String> BUSINESS_GROUPS =
      List.of(MARKETING, MARKETING_LEADERSHIP, IT_LEADERSHIP, PRIVACY_LEGAL, BOARD, IT_OPERATIONS);

  private TandemGroups() {}
}
