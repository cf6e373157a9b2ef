package dev.upshift.io.csv;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Canonical instances of repeated values, so that millions of phases share one {@code String} per
 * customer id, product, plan and line id and one {@code LocalDate} per day instead of holding a copy
 * per row. One per read; not thread-safe.
 */
final class Interner {
  private final Map<String, String> strings = new HashMap<>();
  private final Map<Integer, LocalDate> dates = new HashMap<>();

  /** The canonical instance of a string equal to {@code value}. */
  String intern(String value) {
    String canonical = strings.putIfAbsent(value, value);
    return canonical == null ? value : canonical;
  }

  /**
   * The date {@code year-month-day}, shared.
   *
   * @throws DateTimeException when no such calendar day exists
   */
  LocalDate date(int year, int month, int day) {
    int key = year * 10_000 + month * 100 + day;
    LocalDate date = dates.get(key);
    if (date == null) {
      date = LocalDate.of(year, month, day);
      dates.put(key, date);
    }
    return date;
  }
}
