package com.tandem.intake;

import com.tandem.budget.BudgetProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/currencies}: the currencies an intake may state, for the intake page's select.
 * Tandem keeps every budget in one configured currency ({@code tandem.budget.currency}), so the
 * list has that one entry; {@link BudgetCurrency} refuses any other.
 */
@RestController
@Tag(name = "Purchase requests")
class CurrencyController {

  /** A currency as a select shows it: its ISO 4217 code and its English name. */
  record CurrencyOption(String code, String name) {}

  private final BudgetProperties budget;

  CurrencyController(BudgetProperties budget) {
    this.budget = budget;
  }

  @Operation(summary = "The currencies a request's costs may be stated in")
  @GetMapping(path = "/api/currencies", produces = MediaType.APPLICATION_JSON_VALUE)
  List<CurrencyOption> currencies() {
    String code = budget.currency();
    String name;
    try {
      name = Currency.getInstance(code).getDisplayName(Locale.ENGLISH);
    } catch (IllegalArgumentException notIso) {
      name = code;
    }
    return List.of(new CurrencyOption(code, name));
  }
}
