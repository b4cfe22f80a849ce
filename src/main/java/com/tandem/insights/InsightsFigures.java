package com.tandem.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of /insights as the API serves them (docs/api.md, "Insights"). A figure that cannot
 * be had (a median without any task, savings before negotiation exists) is null.
 */
public final class InsightsFigures {

  private InsightsFigures() {}

  /** Time in each stage and by each side in a fiscal year (tasks that ended in it). */
  @JsonInclude(JsonInclude.Include.ALWAYS) // a missing figure is null, not absent
  public record Stages(
      int fiscalYear,
      LocalDate from,
      LocalDate to,
      String capability,
      List<StageTime> stages,
      List<SideTime> sides,
      List<DecisionCount> decisions) {}

  /**
   * One stage: tasks completed, median and 90th percentile of their duration in hours, and how many
   * of those with an SLA (a due date) were completed after it.
   */
  @JsonInclude(JsonInclude.Include.ALWAYS) // a missing figure is null, not absent
  public record StageTime(
      String stage,
      String name,
      Side side,
      String sideName,
      long count,
      BigDecimal medianHours,
      BigDecimal p90Hours,
      long withSla,
      long slaBreaches) {}

  /** One side: all its stages together. */
  @JsonInclude(JsonInclude.Include.ALWAYS) // a missing figure is null, not absent
  public record SideTime(
      Side side,
      String name,
      long count,
      BigDecimal medianHours,
      BigDecimal p90Hours,
      long withSla,
      long slaBreaches) {}

  /** Decisions of the decision log per stage and outcome. */
  public record DecisionCount(String stage, String decision, long count) {}

  /** Requests by status and their flow per month. */
  @JsonInclude(JsonInclude.Include.ALWAYS) // a missing figure is null, not absent
  public record Requests(
      int fiscalYear,
      LocalDate from,
      LocalDate to,
      String capability,
      long total,
      List<StatusCount> byStatus,
      List<MonthFlow> flow) {}

  public record StatusCount(String status, boolean finished, long count) {}

  /** Submitted: requests created in the month; decided: requests that reached a final status. */
  public record MonthFlow(String month, long submitted, long decided) {}

  /** Money per line of a fiscal year. */
  public record Budget(
      int fiscalYear, String currency, List<BudgetLineFigures> lines, boolean savingsAvailable) {}

  @JsonInclude(JsonInclude.Include.ALWAYS) // a missing figure is null, not absent
  public record BudgetLineFigures(
      String owner,
      BigDecimal amount,
      BigDecimal held,
      BigDecimal committed,
      BigDecimal available,
      BigDecimal savings,
      String currency) {}

  /** Capabilities × owned (ACTIVE) tools. */
  public record StackMap(
      List<CapabilityCover> capabilities,
      long gaps,
      long overlaps,
      BigDecimal overlapAnnualCost,
      String currency) {}

  public record CapabilityCover(
      String code,
      String name,
      List<OwnedTool> tools,
      boolean gap,
      boolean overlap,
      BigDecimal totalAnnualCost) {}

  public record OwnedTool(
      long id, String name, String vendor, BigDecimal annualCost, String currency) {}

  /** Shadow IT: findings per month by status, and the open ones by age. */
  public record ShadowIt(
      int fiscalYear,
      LocalDate from,
      LocalDate to,
      List<FindingMonth> foundPerMonth,
      List<StatusCount> byStatus,
      List<AgeBand> openByAge,
      long open) {}

  /** Findings first recorded in a month, by their status today. */
  public record FindingMonth(String month, String status, long count) {}

  public record AgeBand(String band, String label, long count) {}

  /** Renewals, or the reason they are not available. */
  @JsonInclude(JsonInclude.Include.ALWAYS) // a missing figure is null, not absent
  public record Renewals(
      boolean available,
      String message,
      int fiscalYear,
      List<RenewalFigures.DueRenewal> due,
      Long renewedWithoutReview) {}

  /** One line of the request list; {@code requesterName} is the requester as pages show them. */
  public record RequestRow(
      String id,
      String toolName,
      String vendor,
      String requester,
      String requesterName,
      String status,
      boolean finished,
      BigDecimal annualLicenseCost,
      BigDecimal implementationCost,
      String currency,
      String submittedAt,
      String updatedAt) {}

  public record RequestPage(
      List<RequestRow> items, int page, int size, long totalItems, int totalPages) {

    /** The same page with each requester named ("Riley Requester", not "requester"). */
    RequestPage named(java.util.function.UnaryOperator<String> names) {
      java.util.Map<String, String> known = new java.util.HashMap<>();
      return new RequestPage(
          items.stream()
              .map(
                  r ->
                      new RequestRow(
                          r.id(),
                          r.toolName(),
                          r.vendor(),
                          r.requester(),
                          known.computeIfAbsent(r.requester(), names),
                          r.status(),
                          r.finished(),
                          r.annualLicenseCost(),
                          r.implementationCost(),
                          r.currency(),
                          r.submittedAt(),
                          r.updatedAt()))
              .toList(),
          page,
          size,
          totalItems,
          totalPages);
    }
  }
}
