package com.tandem.inventory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Compares vendor names the way people write them. Requesters type "Hubspot", the contract says
 * "HubSpot, Inc." and the inventory may hold "HUBSPOT inc"; all three are one vendor. A {@linkplain
 * #key(String) key} drops case, accents, punctuation, whitespace and trailing legal suffixes;
 * {@link #sameVendor(String, String)} also accepts a typo between two keys, but only a small one in
 * a name long enough that a typo is the likely explanation ("Hubspott" is HubSpot, "Hub" is not).
 */
public final class VendorNames {

  /** Trailing words that say what kind of company a vendor is, not which one. */
  private static final Set<String> LEGAL_SUFFIXES =
      Set.of(
          "inc",
          "incorporated",
          "llc",
          "llp",
          "lp",
          "ltd",
          "limited",
          "gmbh",
          "corp",
          "corporation",
          "co",
          "company",
          "sa",
          "sas",
          "sarl",
          "sl",
          "srl",
          "spa",
          "ag",
          "aps",
          "as",
          "se",
          "kg",
          "plc",
          "bv",
          "nv",
          "oy",
          "ab",
          "pty",
          "pte",
          "pvt",
          "technologies");

  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** A web domain written into a company name: "Salesforce.com". */
  private static final Pattern DOMAIN = Pattern.compile("\\.(com|io|net|ai)\\b");

  private static final Pattern NOT_ALPHANUMERIC =
      Pattern.compile("[^\\p{IsAlphabetic}\\p{IsDigit}]+");

  /** Keys shorter than this match only exactly: in short names one letter makes another vendor. */
  static final int MIN_FUZZY_LENGTH = 5;

  /** Jaro-Winkler similarity two keys need at least to be one vendor. */
  static final double MIN_SIMILARITY = 0.95;

  /** Edits two keys may differ by at most to be one vendor. */
  static final int MAX_EDITS = 2;

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final LevenshteinDistance LEVENSHTEIN = new LevenshteinDistance(MAX_EDITS);

  private VendorNames() {}

  /**
   * The vendor name reduced to what identifies the vendor: lower case ASCII letters and digits
   * without legal suffixes, e.g. "hubspot" for "HubSpot, Inc.". Empty for a blank name.
   */
  public static String key(String vendor) {
    if (vendor == null) {
      return "";
    }
    String text = Normalizer.normalize(vendor, Normalizer.Form.NFKD);
    text = MARKS.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
    text = DOMAIN.matcher(text).replaceAll("");
    // "S.A." and "Inc." are one word each; "&" is written "and" just as often
    text = text.replace(".", "").replace("&", " and ");
    List<String> words = new ArrayList<>(Arrays.asList(NOT_ALPHANUMERIC.split(text.strip())));
    words.removeIf(String::isEmpty);
    // "Dynamic Yield Technologies Ltd": drop suffixes from the end, but keep at least one word
    while (words.size() > 1 && LEGAL_SUFFIXES.contains(words.get(words.size() - 1))) {
      words.remove(words.size() - 1);
    }
    return String.join("", words);
  }

  /**
   * Whether {@code word} (any case, with or without a trailing dot) is a legal suffix such as "Inc"
   * or "GmbH" that says what kind of company a vendor is, not which one.
   */
  public static boolean isLegalSuffix(String word) {
    String plain = word.replace(".", "").toLowerCase(Locale.ROOT);
    return LEGAL_SUFFIXES.contains(plain);
  }

  /** Whether two vendor names name the same vendor. Blank names never match. */
  public static boolean sameVendor(String vendor, String other) {
    return sameKey(key(vendor), key(other));
  }

  /** Whether two {@linkplain #key(String) keys} are the same vendor, allowing a small typo. */
  public static boolean sameKey(String key, String otherKey) {
    if (key.isEmpty() || otherKey.isEmpty()) {
      return false;
    }
    if (key.equals(otherKey)) {
      return true;
    }
    if (Math.min(key.length(), otherKey.length()) < MIN_FUZZY_LENGTH) {
      return false;
    }
    int edits = LEVENSHTEIN.apply(key, otherKey); // -1 when above MAX_EDITS
    return edits >= 0 && JARO_WINKLER.apply(key, otherKey) >= MIN_SIMILARITY;
  }
}
