package com.tandem.budget;

import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Savings from contract negotiation per fiscal year and budget line: for marketing and IT
 * leadership, the board, IT operations (who negotiate) and admins; others get 403.
 */
@RestController
@RequestMapping(path = "/api/savings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Savings", description = "What contract negotiation saved, per fiscal year and line")
public class SavingsController {

  private final NegotiationSavings savings;
  private final BudgetService budgets;
  private final IdentityService identityService;
  private final Clock clock;

  public SavingsController(
      NegotiationSavings savings,
      BudgetService budgets,
      IdentityService identityService,
      Clock clock) {
    this.savings = savings;
    this.budgets = budgets;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Operation(
      summary =
          "Savings of a fiscal year (default: the current one), per line and per request;"
              + " leadership, board, IT operations and admins only")
  @GetMapping
  public NegotiationSavings.YearSavings ofYear(
      @Parameter(description = "e.g. 2026; default the current fiscal year")
          @RequestParam(required = false)
          Integer fiscalYear) {
    if (!ApiCaller.current(identityService).mayReadSavings()) {
      throw ApiException.forbidden(
          "Savings are open to marketing and IT leadership, the board, IT operations and"
              + " administrators.");
    }
    int year = fiscalYear != null ? fiscalYear : budgets.fiscalYearOf(LocalDate.now(clock));
    if (year < 2000 || year > 2200) {
      throw ApiException.badInput("fiscalYear", "must be a year between 2000 and 2200");
    }
    return savings.of(year);
  }
}
