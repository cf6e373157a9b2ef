package dev.upshift.sample;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;

/**
 * What to generate: how many customers over how many months, from which random seed, starting in
 * which month. Immutable; validated on construction.
 *
 * <p>The dataset covers the months {@code start} to {@code start + months − 1}: every
 * {@code start_date} and {@code end_date} falls inside them (a {@code signed_date} of a phase
 * contracted ahead of its start may fall earlier). Amounts are in the customers' own currencies;
 * {@code fx.csv} converts them to {@link #REPORTING_CURRENCY}.
 *
 * @param customers number of customers (logos), ≥ 1; ids run {@code C000001}, {@code C000002}, …
 *     in order of arrival
 * @param months number of months covered, 1 to {@value #MAX_MONTHS}
 * @param seed the random seed: the same options always give byte-identical files
 * @param start the first month covered
 */
public record SampleOptions(int customers, int months, long seed, YearMonth start) {
  /** The last month covered by default: the data ends "now", around the time of writing. */
  public static final YearMonth DEFAULT_LAST_MONTH = YearMonth.of(2026, 10);
  /** The currency {@code fx.csv} converts to. */
  public static final String REPORTING_CURRENCY = "USD";
  /** Fifty years: far more than any report needs, small enough to keep dates well in range. */
  public static final int MAX_MONTHS = 600;

  public SampleOptions {
    requireNonNull(start, "start is null");
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be at least 1: " + customers);
    }
    if (months < 1 || months > MAX_MONTHS) {
      throw new IllegalArgumentException("months must be between 1 and " + MAX_MONTHS + ": " + months);
    }
  }

  /** Options whose last month is {@link #DEFAULT_LAST_MONTH}. */
  public static SampleOptions of(int customers, int months, long seed) {
    return new SampleOptions(customers, months, seed, DEFAULT_LAST_MONTH.minusMonths(months - 1L));
  }

  /** The same options starting in another month. */
  public SampleOptions withStart(YearMonth newStart) {
    return new SampleOptions(customers, months, seed, newStart);
  }

  /** The last month covered. */
  public YearMonth lastMonth() {
    return start.plusMonths(months - 1L);
  }
}
