package dev.upshift.money;

import java.math.BigDecimal;

/**
 * A recurring price in some currency as ARR in reporting micro-units, in {@code long} arithmetic:
 * {@code price × 12 × rate / months}, rounded once, half-even (§3.3), the same figure the
 * {@link BigDecimal} arithmetic of the strict readers gives. One instance per FX rate.
 */
public final class ArrConversion {
  /** The largest rate mantissa, in bits, that keeps {@code 12 × rate} well inside a long. */
  private static final int MAX_RATE_BITS = 40;
  private static final int MAX_RATE_SCALE = 12;

  private final BigDecimal rate;
  private final long multiplier;
  private final long rateScale;

  private ArrConversion(BigDecimal rate, long rateUnscaled, long rateScale) {
    this.rate = rate;
    this.multiplier = 12L * rateUnscaled;
    this.rateScale = rateScale;
  }

  /**
   * The conversion at {@code rate}, or {@code null} when the rate has more digits than this
   * arithmetic takes (more than 12 decimals or a 40-bit mantissa); the caller then uses
   * {@link BigDecimal}.
   */
  public static ArrConversion at(BigDecimal rate) {
    if (rate.signum() < 0 || rate.scale() < 0 || rate.scale() > MAX_RATE_SCALE
        || rate.unscaledValue().bitLength() > MAX_RATE_BITS) {
      return null;
    }
    long scale = 1;
    for (int i = 0; i < rate.scale(); i++) {
      scale *= 10;
    }
    return new ArrConversion(rate, rate.unscaledValue().longValueExact(), scale);
  }

  /** The rate this conversion applies. */
  public BigDecimal rate() {
    return rate;
  }

  /**
   * The ARR of a price charged every {@code months} months.
   *
   * @throws ArithmeticException when the ARR does not fit in a long
   */
  public long arrMicros(long priceMicros, int months) {
    return Micros.mulDivHalfEven(priceMicros, multiplier, Math.multiplyExact((long) months, rateScale));
  }

  /**
   * The conversion at the last rate asked for, kept while rows of one currency follow each other.
   * Not thread-safe: one per reader.
   */
  public static final class LastRate {
    private ArrConversion last;

    /**
     * The ARR of a price charged every {@code months} months in a currency at {@code rate}.
     *
     * @throws ArithmeticException when the rate has more digits than long arithmetic takes or the
     *     ARR does not fit in a long (the caller then leaves the row to {@link BigDecimal})
     */
    public long arrMicros(BigDecimal rate, long priceMicros, int months) {
      if (last == null || last.rate != rate) {
        last = at(rate);
        if (last == null) {
          throw new ArithmeticException("rate beyond long arithmetic: " + rate);
        }
      }
      return last.arrMicros(priceMicros, months);
    }
  }
}
