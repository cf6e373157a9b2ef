package dev.upshift.metric;

import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Quotients as reports show them, decided in one place (§3.3): exact numerator and denominator,
 * rounded half-even to 2 decimals once, and {@code null} (never 0, never NaN) when the
 * denominator is 0.
 */
public final class Rates {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Rates() {}

  /** {@code numerator / denominator · 100}, or {@code null}. */
  public static BigDecimal percent(long numerator, long denominator) {
    return quotient(BigDecimal.valueOf(numerator).multiply(HUNDRED), BigDecimal.valueOf(denominator));
  }

  /** {@code numerator / denominator} rounded to 2 decimals, or {@code null}. */
  public static BigDecimal quotient(BigDecimal numerator, BigDecimal denominator) {
    if (denominator.signum() == 0) {
      return null;
    }
    return numerator.divide(denominator, 2, RoundingMode.HALF_EVEN);
  }

  /** {@code numerator / denominator · factor} for counts, or {@code null}. */
  public static BigDecimal scaled(long numerator, long denominator, long factor) {
    return quotient(BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(factor)),
        BigDecimal.valueOf(denominator));
  }

  /** An amount in micro-units divided by a count, in currency units, or {@code null}. */
  public static BigDecimal moneyPer(long micros, long count) {
    return quotient(Micros.toDecimal(micros), BigDecimal.valueOf(count));
  }

  /** Growth {@code (current − previous) / previous · 100}, or {@code null} when previous is 0. */
  public static BigDecimal growth(long current, long previous) {
    return quotient(BigDecimal.valueOf(current - previous).multiply(HUNDRED),
        BigDecimal.valueOf(previous));
  }

  /** Whether {@code numerator / denominator · 100 < target}, compared exactly. */
  public static boolean percentBelow(long numerator, long denominator, BigDecimal target) {
    return BigDecimal.valueOf(numerator).multiply(HUNDRED)
        .compareTo(target.multiply(BigDecimal.valueOf(denominator))) < 0;
  }
}
