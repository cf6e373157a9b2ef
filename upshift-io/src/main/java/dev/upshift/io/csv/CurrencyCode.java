package dev.upshift.io.csv;

import java.util.Locale;

/** ISO 4217 currency codes as the input files write them: three letters, any case. */
final class CurrencyCode {
  private CurrencyCode() {}

  /** The upper-case code, or {@code null} when {@code text} is not three ASCII letters. */
  static String normalise(String text) {
    if (text.length() != 3) {
      return null;
    }
    String upper = text.toUpperCase(Locale.ROOT);
    for (int i = 0; i < 3; i++) {
      char c = upper.charAt(i);
      if (c < 'A' || c > 'Z') {
        return null;
      }
    }
    return upper;
  }

  /** The message for a cell that is not a currency code. */
  static String notACode(String text) {
    return RowCells.quote(text) + " is not a currency code; write three letters such as USD or EUR";
  }
}
