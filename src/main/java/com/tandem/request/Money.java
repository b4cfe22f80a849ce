package com.tandem.request;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Money as people read it on every screen, form and mail of Tandem: the currency code, then the
 * amount with thousands separated and two decimals ("USD 12,000.00"), the same whatever the
 * server's locale.
 */
public final class Money {

  private Money() {}

  /** "USD 12,000.00"; just the amount when the currency is unknown. */
  public static String format(BigDecimal amount, String currency) {
    return (currency == null || currency.isBlank() ? "" : currency + " ") + amount(amount);
  }

  /** "12,000.00". */
  public static String amount(BigDecimal amount) {
    return String.format(Locale.ENGLISH, "%,.2f", amount);
  }
}
