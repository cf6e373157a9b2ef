package dev.upshift.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * "Did you mean": the known names closest to one a person typed, so that a filter, a customer id
 * or a column that matches nothing is answered with what it probably meant.
 */
public final class NearMatches {
  /** Edits (insertions, deletions, substitutions) a near miss may need at most. */
  public static final int MAX_EDITS = 2;

  /** Names this short may be one edit off, not two: two edits turn EMA into NA. */
  private static final int SHORT = 4;

  private static final int MAX_SUGGESTIONS = 3;

  private NearMatches() {}

  /**
   * Up to three known names close to {@code given}: those equal but for case first, then those
   * within {@link #MAX_EDITS} edits (one for a name of 4 characters or fewer), ignoring case,
   * nearest first; empty when none is close.
   */
  public static List<String> of(String given, Collection<String> known) {
    int allowed = given.length() <= SHORT ? 1 : MAX_EDITS;
    List<String> sameButCase = new ArrayList<>();
    List<List<String>> byDistance = new ArrayList<>();
    for (int d = 0; d <= MAX_EDITS; d++) {
      byDistance.add(new ArrayList<>());
    }
    String lower = given.toLowerCase(java.util.Locale.ROOT);
    for (String name : known) {
      if (name.equals(given)) {
        continue;
      }
      if (name.equalsIgnoreCase(given)) {
        sameButCase.add(name);
        continue;
      }
      int distance = distance(lower, name.toLowerCase(java.util.Locale.ROOT), allowed + 1);
      if (distance <= allowed) {
        byDistance.get(distance).add(name);
      }
    }
    List<String> result = new ArrayList<>(sameButCase);
    byDistance.forEach(result::addAll);
    return List.copyOf(result.subList(0, Math.min(result.size(), MAX_SUGGESTIONS)));
  }

  /** {@code " (did you mean a or b?)"}, or {@code ""} when nothing is close. */
  public static String didYouMean(String given, Collection<String> known) {
    List<String> near = of(given, known);
    return near.isEmpty() ? "" : " (did you mean " + String.join(" or ", near) + "?)";
  }

  /**
   * The Levenshtein distance between two strings, or {@code limit} when it is at least that (the
   * limit spares pointless work on names far apart).
   */
  public static int distance(String a, String b, int limit) {
    if (Math.abs(a.length() - b.length()) >= limit) {
      return limit;
    }
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return Math.min(previous[b.length()], limit);
  }
}
