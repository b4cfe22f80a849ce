package com.tandem.discovery;

import com.tandem.inventory.VendorNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the merchant text of a card statement into the vendor's name: "SQ *HOPIN LTD" is Hopin,
 * "PAYPAL *CANVA" is Canva, "HUBSPOT INC 888-4827768 MA" is HubSpot. Payment processors put their
 * own name before a star; card networks append reference numbers, phone numbers, a city's state or
 * country code and the legal form. What is left is compared with {@link VendorNames}.
 */
public final class MerchantNames {

  /**
   * Names before the star that are the payment processor or marketplace that took the money, not
   * the vendor: Square, PayPal, Shopify, Stripe, Google Pay, FastSpring, Paddle, 2Checkout, Toast,
   * Apple, Braintree, and the like.
   */
  private static final Set<String> PROCESSORS =
      Set.of(
          "SQ",
          "SQU",
          "SQUARE",
          "PAYPAL",
          "PP",
          "SP",
          "STRIPE",
          "GOOGLE",
          "FS",
          "FSPRG",
          "PADDLE",
          "PADDLENET",
          "PADDLE.NET",
          "2CO",
          "2CHECKOUT",
          "TST",
          "APL",
          "APPLE.COM/BILL",
          "BT",
          "BRAINTREE",
          "CKO",
          "DLO",
          "DLOCAL",
          "IN",
          "PY",
          "WPY",
          "ZTL",
          "AVANGATE",
          "CHARGEBEE",
          "CB",
          "RECURLY",
          "PAYPRO",
          "MOLLIE",
          "ADYEN");

  /** Merchant abbreviations that card networks truncate vendors to. */
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("AMZN", "Amazon"),
          Map.entry("AMZN MKTP", "Amazon"),
          Map.entry("AMAZON MKTPL", "Amazon"),
          Map.entry("AMZN DIGITAL", "Amazon"),
          Map.entry("AWS", "Amazon Web Services"),
          Map.entry("MSFT", "Microsoft"),
          Map.entry("GSUITE", "Google Workspace"),
          Map.entry("G SUITE", "Google Workspace"),
          Map.entry("FACEBK", "Meta"),
          Map.entry("FB", "Meta"),
          Map.entry("ZOOM US", "Zoom"),
          Map.entry("ZOOMUS", "Zoom"));

  /** The 50 states, DC and the territories: the last word of a US card merchant line. */
  private static final Set<String> US_STATES =
      Set.of(
          "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN",
          "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
          "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT",
          "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU");

  /** Country codes card networks append ("ZOOM.US 888-799-9666 CA US", "CANVA SYDNEY AU"). */
  private static final Set<String> COUNTRIES =
      Set.of("US", "USA", "GB", "UK", "IE", "DE", "FR", "NL", "AU", "CA", "SG", "ES", "SE", "DK");

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /** A phone number: 888-4827768, 888-482-7768, +1 415 555 0100, (888) 4827768, 8884827768. */
  private static final Pattern PHONE = Pattern.compile("\\s(\\+?\\d[\\d ()./-]{6,}\\d)(?=\\s|$)");

  /**
   * A word that holds a digit: a reference, store or invoice number ("#4471", "2K4RT", "US*2K4").
   */
  private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");

  /** A web address written as the merchant: "WWW.NOTION.SO", "hubspot.com". */
  private static final Pattern WEB =
      Pattern.compile(
          "(?i)^(https?://)?(www\\.)?([a-z0-9-]+)\\.(com|io|so|co|net|ai|app|us|org)\\b");

  private MerchantNames() {}

  /** The vendor a card statement's merchant text names, e.g. "Hopin" for "SQ *HOPIN LTD". */
  public static String vendorOf(String merchant) {
    if (merchant == null) {
      return "";
    }
    String text = WHITESPACE.matcher(merchant.strip()).replaceAll(" ");
    int star = text.indexOf('*');
    if (star >= 0) {
      String before = text.substring(0, star).strip();
      String after = text.substring(star + 1).strip();
      boolean processor = PROCESSORS.contains(before.toUpperCase(Locale.ROOT));
      // "PAYPAL *CANVA": the vendor follows; "ADOBE *CREATIVE CLD": the vendor precedes
      text = processor || before.isEmpty() ? after : before;
      text = text.replace("*", " ").strip();
    }
    var web = WEB.matcher(text);
    if (web.find()) {
      // a web address names the vendor; what follows it is the city or a reference
      text = web.group(3);
    }
    int comma = text.indexOf(',');
    if (comma > 0) {
      // "LOOM, INC. #88213", "HOTJAR LTD, MALTA": the legal form or the place follows a comma
      text = text.substring(0, comma);
    }
    text = PHONE.matcher(" " + text).replaceAll(" ").strip();
    List<String> words = new ArrayList<>(Arrays.asList(WHITESPACE.split(text)));
    words.removeIf(w -> w.isEmpty() || w.equals("-") || w.startsWith("#"));
    // trailing references, state and country codes, legal forms; keep at least one word
    boolean changed = true;
    while (changed && words.size() > 1) {
      String last = words.get(words.size() - 1);
      String upper = last.toUpperCase(Locale.ROOT).replace(",", "");
      changed =
          HAS_DIGIT.matcher(last).matches()
              || US_STATES.contains(upper)
              || COUNTRIES.contains(upper)
              || VendorNames.isLegalSuffix(upper.replace(",", ""));
      if (changed) {
        words.remove(words.size() - 1);
      }
    }
    // a reference glued to the name: "HOTJAR123" stays, "NETFLIX.COM" was handled above
    String name = String.join(" ", words).replaceAll(",$", "").strip();
    String alias = ALIASES.get(name.toUpperCase(Locale.ROOT).replace('.', ' ').strip());
    if (alias != null) {
      return alias;
    }
    return name.equals(name.toUpperCase(Locale.ROOT)) ? titleCase(name) : name;
  }

  /** "HOPIN EVENTS" as "Hopin Events": statements shout, people do not. */
  static String titleCase(String upper) {
    StringBuilder out = new StringBuilder(upper.length());
    boolean start = true;
    for (char c : upper.toCharArray()) {
      out.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetterOrDigit(c);
    }
    return out.toString();
  }
}
