package com.tandem.process;

import java.util.List;
import java.util.function.IntFunction;

/**
 * Text for a Camunda String variable, which the engine keeps in a column of {@value #MAX_STRING}
 * characters: a longer value fails the transaction that writes it (on MySQL "Data too long for
 * column 'TEXT_'"), and a service step failing that way ends in an incident no retry can clear.
 * Texts assembled from user input or from lists are therefore fitted here; the whole of them lives
 * in Tandem's tables (the request, its overlaps, its decision log).
 */
public final class BoundedText {

  /** What Camunda keeps of a String variable. */
  public static final int MAX_STRING = 4000;

  private static final String ELLIPSIS = "…";

  private BoundedText() {}

  /**
   * The items joined by {@code separator}, as many as fit in {@code max} characters; when some do
   * not fit, the text ends with {@code more} of how many were left out (e.g. "… and 143 more").
   */
  public static String list(
      List<String> items, String separator, int max, IntFunction<String> more) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < items.size(); i++) {
      String next = (i == 0 ? "" : separator) + items.get(i);
      boolean last = i == items.size() - 1;
      String tail = last ? "" : separator + more.apply(items.size() - i - 1);
      if (text.length() + next.length() + tail.length() > max) {
        String rest = (i == 0 ? "" : separator) + more.apply(items.size() - i);
        if (text.length() + rest.length() > max) {
          return cut(text + rest, max);
        }
        return text.append(rest).toString();
      }
      text.append(next);
    }
    return text.toString();
  }

  /**
   * The text if it fits in {@code max} characters, else its beginning cut at a word boundary and
   * ended with "…".
   */
  public static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    if (max <= ELLIPSIS.length()) {
      return text.substring(0, Math.max(0, max));
    }
    int end = max - ELLIPSIS.length();
    int space = text.lastIndexOf(' ', end);
    if (space > end - 40 && space > 0) {
      end = space;
    }
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }

  /**
   * The parts joined by {@code separator} in at most {@code max} characters, each part cut only as
   * far as needed and all sharing the room fairly: short parts stay whole, the long ones share what
   * is left (three reviews with 4000-character comments each keep a third of the room).
   */
  public static String shared(List<String> parts, String separator, int max) {
    int room = max - separator.length() * Math.max(0, parts.size() - 1);
    int[] allowed = new int[parts.size()];
    Integer[] byLength = new Integer[parts.size()];
    for (int i = 0; i < parts.size(); i++) {
      byLength[i] = i;
    }
    java.util.Arrays.sort(byLength, java.util.Comparator.comparingInt(i -> parts.get(i).length()));
    int left = parts.size();
    for (int i : byLength) {
      int share = Math.max(0, room / left);
      allowed[i] = Math.min(parts.get(i).length(), share);
      room -= allowed[i];
      left--;
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < parts.size(); i++) {
      text.append(i == 0 ? "" : separator).append(cut(parts.get(i), allowed[i]));
    }
    return text.toString();
  }

  /** The text cut, when needed, to what a String variable holds. */
  public static String fit(String text) {
    return cut(text, MAX_STRING);
  }
}
