package com.tandem.budget;

import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The budget situation in words, for the budget and board forms. */
@Component
public class BudgetSummaries {

  private final BudgetService budget;

  public BudgetSummaries(BudgetService budget) {
    this.budget = budget;
  }

  public String describe(BudgetCheck check, String currency) {
    return describe(check, currency, "This request");
  }

  /**
   * The situation for a case that is not a request, e.g. "Adopting the tool" (a tool found in use).
   */
  public String describe(BudgetCheck check, String currency, String whoNeeds) {
    String lines =
        budget.lines(check.fiscalYear()).stream()
            .map(
                line ->
                    "• %s FY%d: amount %s, held %s, committed %s, available %s"
                        .formatted(
                            line.owner(),
                            line.fiscalYear(),
                            money(line.amount(), currency),
                            money(line.held(), currency),
                            money(line.committed(), currency),
                            money(line.available(), currency)))
            .collect(Collectors.joining("\n"));
    return """
        %s needs %s from MARKETING (first-year licence) and %s from IT (implementation) in FY%d.
        %s
        %s"""
        .formatted(
            whoNeeds,
            money(check.marketingRequired(), currency),
            money(check.itRequired(), currency),
            check.fiscalYear(),
            lines.isEmpty() ? "• No budget lines exist for FY" + check.fiscalYear() + "." : lines,
            check.sufficient()
                ? "Both lines can carry it."
                : "Shortfall: MARKETING %s, IT %s, in all %s."
                    .formatted(
                        money(check.marketingShortfall(), currency),
                        money(check.itShortfall(), currency),
                        money(check.totalShortfall(), currency)));
  }

  public static String money(BigDecimal amount, String currency) {
    return com.tandem.request.Money.format(amount, currency);
  }
}
