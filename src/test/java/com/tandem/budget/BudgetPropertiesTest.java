package com.tandem.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BudgetPropertiesTest {

  @Test
  void fiscalYearIsTheCalendarYearWhenItStartsInJanuary() {
    BudgetProperties calendar = new BudgetProperties("USD", 1);

    assertThat(calendar.fiscalYearOf(LocalDate.of(2026, 1, 1))).isEqualTo(2026);
    assertThat(calendar.fiscalYearOf(LocalDate.of(2026, 12, 31))).isEqualTo(2026);
  }

  @Test
  void fiscalYearIsNamedByTheYearItEndsIn() {
    BudgetProperties july = new BudgetProperties("USD", 7);

    assertThat(july.fiscalYearOf(LocalDate.of(2025, 6, 30))).isEqualTo(2025);
    assertThat(july.fiscalYearOf(LocalDate.of(2025, 7, 1))).isEqualTo(2026);
    assertThat(july.fiscalYearOf(LocalDate.of(2026, 6, 30))).isEqualTo(2026);
    assertThat(new BudgetProperties("EUR", 12).fiscalYearOf(LocalDate.of(2025, 12, 1)))
        .isEqualTo(2026);
  }

  @Test
  void refusesAMonthOrCurrencyThatCannotBe() {
    assertThatThrownBy(() -> new BudgetProperties("USD", 13))
        .hasMessageContaining("fiscal-year-start-month");
    assertThatThrownBy(() -> new BudgetProperties("dollars", 1)).hasMessageContaining("currency");
  }
}
