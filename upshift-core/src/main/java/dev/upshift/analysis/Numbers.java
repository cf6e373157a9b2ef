package dev.upshift.analysis;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Rounding and formatting shared by the analyses: statistics are shown with 2 decimals. */
final class Numbers {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final MathContext CONTEXT = MathContext.DECIMAL128;

  private Numbers() {}

  /** A statistic rounded half-even to 2 decimals, or {@code null} when not finite. */
  static BigDecimal two(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
  }

  /** An exact decimal rounded half-even to 2 decimals, {@code null} stays {@code null}. */
  static BigDecimal two(BigDecimal value) {
    return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** {@code numerator / denominator} exactly enough (34 digits), or {@code null} for 0. */
  static BigDecimal divide(BigDecimal numerator, BigDecimal denominator) {
    return denominator.signum() == 0 ? null : numerator.divide(denominator, CONTEXT);
  }

  /** {@code 12.34%} for people; {@code n/a} for {@code null}. */
  static String percent(BigDecimal value) {
    return value == null ? "n/a" : value.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
  }

  /** {@code 12,345} for a count. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** {@code 1,234,567.89} (grouping independent of the machine's locale). */
  static String money(BigDecimal value) {
    return value == null ? "n/a"
        : String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
  }
}
