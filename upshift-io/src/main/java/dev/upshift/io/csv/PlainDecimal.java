package dev.upshift.io.csv;

import java.math.BigDecimal;

/**
 * The one number syntax of the input files (§10): a plain decimal, optionally negative, with a '.'
 * point; no exponent, no thousands separator, no currency sign, no leading '+'. A strict grammar
 * means "1,200" or "1e3" is reported instead of being read as something the user did not mean.
 */
final class PlainDecimal {
  private PlainDecimal() {}

  /** The exact value of {@code text}, or {@code null} when it is not a plain decimal. */
  static BigDecimal parse(String text) {
    int length = text.length();
    int i = text.startsWith("-") ? 1 : 0;
    int digits = 0;
    boolean point = false;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return null;
      }
    }
    return digits == 0 ? null : new BigDecimal(text);
  }

  /** Decimal places that carry a digit: {@code 1.5000000} has 1, {@code 1.0000001} has 7. */
  static int significantDecimals(BigDecimal value) {
    return Math.max(0, value.stripTrailingZeros().scale());
  }
}
