package dev.upshift.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Money as a {@code long} count of millionths (micro-units) of the reporting currency.
 *
 * <p>SPEC §3.3 fixes every amount at 6 decimal places, so micro-units represent all of them
 * exactly, add without rounding and fit about ±9.2 trillion currency units. Every operation that
 * could overflow uses the {@code *Exact} arithmetic of {@link Math} and throws
 * {@link ArithmeticException}: a wrong total is never produced silently. Rounding happens only where
 * SPEC says so, and always names its mode.
 */
public final class Micros {
  /** Decimal places held exactly. */
  public static final int SCALE = 6;
  /** Micro-units in one currency unit. */
  public static final long ONE = 1_000_000L;

  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private Micros() {}

  /** Whole currency units as micro-units (for tests and literals). */
  public static long ofUnits(long units) {
    return Math.multiplyExact(units, ONE);
  }

  /**
   * Converts a decimal to micro-units, rounding half-even only when it has more than 6 decimals.
   *
   * @throws ArithmeticException when the amount does not fit
   */
  public static long of(BigDecimal amount) {
    BigDecimal scaled = amount.setScale(SCALE, RoundingMode.HALF_EVEN);
    return scaled.unscaledValue().longValueExact();
  }

  /** The exact decimal value of an amount in micro-units, with scale 6. */
  public static BigDecimal toDecimal(long micros) {
    return BigDecimal.valueOf(micros, SCALE);
  }

  /** The amount rounded half-even to 2 decimals, as reports show it (§3.3). */
  public static BigDecimal toReported(long micros) {
    return toDecimal(micros).setScale(2, RoundingMode.HALF_EVEN);
  }

  /**
   * {@code round(a · b / c)} with the exact product and half-even rounding of the quotient.
   *
   * @throws ArithmeticException when {@code c} is 0 or the result does not fit a {@code long}
   */
  public static long mulDivHalfEven(long a, long b, long c) {
    if (c == 0) {
      throw new ArithmeticException("division by zero");
    }
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    boolean fitsLong = (high == 0 && low >= 0) || (high == -1 && low < 0);
    if (fitsLong) {
      long quotient = low / c;
      long remainder = low % c;
      if (remainder == 0) {
        return quotient;
      }
      return roundHalfEven(quotient, remainder, c);
    }
    BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
        .divideAndRemainder(BigInteger.valueOf(c));
    BigDecimal exact = new BigDecimal(qr[0]).add(
        new BigDecimal(qr[1]).divide(BigDecimal.valueOf(c), 20, RoundingMode.HALF_EVEN));
    BigInteger rounded = exact.setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    if (rounded.compareTo(LONG_MIN) < 0 || rounded.compareTo(LONG_MAX) > 0) {
      throw new ArithmeticException("amount overflows: " + rounded);
    }
    return rounded.longValue();
  }

  /** Rounds {@code quotient + remainder/divisor} (truncated division parts) half-even. */
  private static long roundHalfEven(long quotient, long remainder, long divisor) {
    // Compare |2·remainder| with |divisor| without overflowing.
    long absRemainder = Math.abs(remainder);
    long absDivisor = Math.abs(divisor);
    long distanceToHalf = absRemainder - (absDivisor - absRemainder);
    boolean negative = (remainder < 0) != (divisor < 0);
    boolean awayFromZero = distanceToHalf > 0 || (distanceToHalf == 0 && (quotient & 1) != 0);
    if (!awayFromZero) {
      return quotient;
    }
    return negative ? Math.subtractExact(quotient, 1) : Math.addExact(quotient, 1);
  }
}
