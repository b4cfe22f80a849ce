package com.tandem.discovery;

import com.tandem.inventory.VendorNames;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks every sighting passes, from a file or a push: a vendor (or a domain to name it), a
 * sane amount in a real currency, users as a count, a domain that is a domain. A failed check is a
 * {@link Refused} with the reason; nothing of the line is kept then.
 */
final class SightingRules {

  /** More than this on one expense line is a typo or an attack, not a subscription. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

  static final int MAX_USERS = 10_000_000;
  static final int MAX_NAME = 200;

  private static final Pattern DOMAIN =
      Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** Why a line or a push is refused. */
  static final class Refused extends Exception {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private SightingRules() {}

  /** "Canva - Marketing team" is the app Canva: SSO instance names carry the team after a dash. */
  static String applicationVendor(String application) {
    if (application == null) {
      return "";
    }
    String name = application.strip();
    for (String separator : new String[] {" - ", " | ", " (", " – "}) {
      int at = name.indexOf(separator);
      if (at > 0) {
        name = name.substring(0, at).strip();
      }
    }
    return name;
  }

  /** The vendor a domain names when no vendor is given: "app.hopin.com" is Hopin. */
  static String domainVendor(String domain) {
    String label = registrableLabel(domain);
    return label.isEmpty()
        ? ""
        : Character.toUpperCase(label.charAt(0)) + label.substring(1).toLowerCase(Locale.ROOT);
  }

  /** "hubspot" of "app.hubspot.com" and of "hubspot.co.uk". */
  static String registrableLabel(String domain) {
    if (domain == null || domain.isBlank()) {
      return "";
    }
    String[] labels = domain.split("\\.");
    if (labels.length < 2) {
      return labels[0];
    }
    int i = labels.length - 2;
    // co.uk, com.au: a second-level label of two or three letters is the registry's, not the
    // vendor's
    if (labels.length >= 3 && labels[i].length() <= 3 && labels[labels.length - 1].length() == 2) {
      i--;
    }
    return labels[i];
  }

  /**
   * A domain as written in a source ("https://www.HubSpot.com/pricing") reduced to "hubspot.com".
   */
  static String domain(String text) throws Refused {
    if (text == null || text.isBlank()) {
      return null;
    }
    String d = text.strip().toLowerCase(Locale.ROOT);
    d = d.replaceFirst("^[a-z][a-z0-9+.-]*://", "");
    int end = indexOfAny(d, "/?#:");
    if (end >= 0) {
      d = d.substring(0, end);
    }
    d = d.replaceFirst("^www\\.", "");
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (!DOMAIN.matcher(d).matches()) {
      throw new Refused("domain '" + shorten(text) + "' is not a domain name like hubspot.com");
    }
    return d;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** The vendor's name, checked: present (with at least one letter or digit) and not too long. */
  static String vendor(String vendor) throws Refused {
    String v = vendor == null ? "" : vendor.strip();
    if (v.isEmpty() || VendorNames.key(v).isEmpty()) {
      throw new Refused("no vendor: the line names no vendor, application or domain");
    }
    if (v.length() > MAX_NAME) {
      throw new Refused("vendor name longer than " + MAX_NAME + " characters");
    }
    return v;
  }

  static String optionalText(String text, int max) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  static Integer users(String text) throws Refused {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().replace(",", "").replace("\u00a0", "");
    try {
      int users = Integer.parseInt(t);
      if (users < 0 || users > MAX_USERS) {
        throw new Refused("users '" + shorten(text) + "' is not a count of people");
      }
      return users;
    } catch (NumberFormatException e) {
      throw new Refused("users '" + shorten(text) + "' is not a whole number");
    }
  }

  static Integer users(Integer users) throws Refused {
    if (users != null && (users < 0 || users > MAX_USERS)) {
      throw new Refused("users " + users + " is not a count of people");
    }
    return users;
  }

  /**
   * An amount: a decimal with a point ("1234.50"); in a file separated by semicolons (European
   * spreadsheets) a decimal comma ("1234,50") too. Never negative (a refund is not usage), at most
   * {@link #MAX_AMOUNT}.
   */
  static BigDecimal amount(String text, boolean decimalComma) throws Refused {
    if (text == null || text.isBlank()) {
      throw new Refused("no amount");
    }
    String t = text.strip();
    if (decimalComma && t.matches("-?\\d+,\\d{1,4}")) {
      t = t.replace(',', '.');
    }
    if (!t.matches("-?\\d{1,12}(\\.\\d{1,4})?")) {
      throw new Refused("amount '" + shorten(text) + "' is not a decimal number like 1234.50");
    }
    return amount(new BigDecimal(t));
  }

  static BigDecimal amount(BigDecimal amount) throws Refused {
    if (amount == null) {
      return null;
    }
    if (amount.signum() < 0) {
      throw new Refused("amount " + amount.toPlainString() + " is negative (a refund)");
    }
    if (amount.compareTo(MAX_AMOUNT) > 0) {
      throw new Refused("amount " + amount.toPlainString() + " is above " + MAX_AMOUNT);
    }
    if (amount.scale() > 4) {
      throw new Refused("amount " + amount.toPlainString() + " has more than 4 decimals");
    }
    return amount;
  }

  /**
   * A currency: any ISO 4217 code. Spend is kept in the currency it was paid in (a card statement
   * may hold EUR beside USD) and reported per currency; a made-up code is refused.
   */
  static String currency(String text) throws Refused {
    if (text == null || text.isBlank()) {
      throw new Refused("no currency");
    }
    String c = text.strip().toUpperCase(Locale.ROOT);
    if (!CURRENCY.matcher(c).matches()) {
      throw new Refused("currency '" + shorten(text) + "' is not an ISO 4217 code like USD");
    }
    try {
      Currency.getInstance(c);
    } catch (IllegalArgumentException e) {
      throw new Refused("currency '" + c + "' is not an ISO 4217 currency");
    }
    return c;
  }

  /** A date no later than tomorrow (time zones) and not before 2000. */
  static LocalDate plausible(LocalDate date, LocalDate today, String what) throws Refused {
    if (date == null) {
      return null;
    }
    if (date.isAfter(today.plusDays(1))) {
      throw new Refused(what + " " + date + " is in the future");
    }
    if (date.getYear() < 2000) {
      throw new Refused(what + " " + date + " is before 2000");
    }
    return date;
  }

  static String shorten(String text) {
    String t = text.strip();
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  static String shorten500(String text) {
    return text.length() > 500 ? text.substring(0, 500) : text;
  }
}
