package com.tandem.budget;

import com.tandem.web.ApiCaller;
import com.tandem.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Budget lines with amount, held, committed and available. Budgets are the business of those who
 * decide on money (marketing and IT leadership, the board) and of admins; requesters, privacy and
 * IT operations get 403.
 */
@RestController
@RequestMapping(path = "/api/budgets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Budgets", description = "Budget lines per fiscal year and owner")
public class BudgetController {

  private final BudgetService budgets;
  private final IdentityService identityService;
  private final Clock clock;

  public BudgetController(BudgetService budgets, IdentityService identityService, Clock clock) {
    this.budgets = budgets;
    this.identityService = identityService;
    this.clock = clock;
  }

  @Operation(
      summary =
          "Lines of a fiscal year (default: the current one); leadership, board and admins only")
  @GetMapping
  public List<BudgetLine> lines(
      @Parameter(description = "e.g. 2026; default the current fiscal year")
          @RequestParam(required = false)
          Integer fiscalYear) {
    if (!ApiCaller.current(identityService).mayReadBudgets()) {
      throw ApiException.forbidden(
          "Budgets are open to marketing and IT leadership, the board and administrators.");
    }
    int year = fiscalYear != null ? fiscalYear : budgets.fiscalYearOf(LocalDate.now(clock));
    if (year < 2000 || year > 2200) {
      throw ApiException.badInput("fiscalYear", "must be a year between 2000 and 2200");
    }
    return budgets.lines(year);
  }
}
