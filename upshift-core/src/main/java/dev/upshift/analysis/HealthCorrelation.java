package dev.upshift.analysis;

import dev.upshift.input.HealthScores;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.Rates;
import dev.upshift.segment.Dimensions;
import dev.upshift.time.Period;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Accumulates the health-score observations of §6.4; see {@link Correlation}. Not thread-safe. */
final class HealthCorrelation implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  static final List<String> BUCKETS = List.of("High", "Medium", "Low");

  private final HealthScores health;
  private final List<Period> reported;
  private final int[] periodStartDay; // by reported period index − 1, so no date math per row
  private final long[] bucketEligible = new long[BUCKETS.size()];
  private final long[] bucketUpsold = new long[BUCKETS.size()];
  private long observations;
  private long upsold;
  private long withoutScore;
  // Exact sums of scores in micro-units (a score of 0–100 is at most 10^8 of them), so that partial
  // sums merge into the same figures in any order: Σx, Σx over upsold rows, and Σx² in 128 bits
  // (a square is at most 10^16; tens of millions of them overflow a long).
  private long sum;
  private long sumUpsold;
  private long squaresHigh;
  private long squaresLow;

  HealthCorrelation(HealthScores health, List<Period> reported) {
    this.health = health;
    this.reported = reported;
    this.periodStartDay = reported.stream().mapToInt(p -> (int) p.start().toEpochDay()).toArray();
  }

  /** A new, empty accumulator over the same scores and periods. */
  HealthCorrelation emptyCopy() {
    return new HealthCorrelation(health, reported);
  }

  /** The customer's scores ({@code null} when none), for the caller to look up once per customer. */
  HealthScores.Series seriesOf(String customerId) {
    return health.series(customerId);
  }

  /** Adds a row of a reported period (index 1..n) of a customer with these scores. */
  void add(CustomerPeriod row, HealthScores.Series scores) {
    if (!row.eligible()) {
      return;
    }
    double x = scores == null ? Double.NaN : scores.scoreAt(periodStartDay[row.periodIndex() - 1]);
    if (Double.isNaN(x)) {
      withoutScore++;
      return;
    }
    long micros = Math.round(x * 1_000_000);
    int bucket = BUCKETS.indexOf(Dimensions.healthBucket(x));
    bucketEligible[bucket]++;
    observations++;
    sum = Math.addExact(sum, micros);
    addSquare(Math.multiplyExact(micros, micros), 1);
    if (row.upsold()) {
      bucketUpsold[bucket]++;
      upsold++;
      sumUpsold = Math.addExact(sumUpsold, micros);
    }
  }

  /** {@code Σx² += sign · square}, with the carry or borrow between the two halves. */
  private void addSquare(long square, int sign) {
    long low = sign > 0 ? squaresLow + square : squaresLow - square;
    boolean carry = sign > 0 ? Long.compareUnsigned(low, squaresLow) < 0
        : Long.compareUnsigned(low, squaresLow) > 0;
    squaresLow = low;
    squaresHigh += carry ? sign : 0;
  }

  /** Adds ({@code sign} 1) or takes out ({@code sign} -1) another accumulator's sums. */
  void combine(HealthCorrelation other, int sign) {
    for (int b = 0; b < BUCKETS.size(); b++) {
      bucketEligible[b] += sign * other.bucketEligible[b];
      bucketUpsold[b] += sign * other.bucketUpsold[b];
    }
    observations += sign * other.observations;
    upsold += sign * other.upsold;
    withoutScore += sign * other.withoutScore;
    sum = Math.addExact(sum, Math.multiplyExact(sign, other.sum));
    sumUpsold = Math.addExact(sumUpsold, Math.multiplyExact(sign, other.sumUpsold));
    addSquare(other.squaresLow, sign);
    squaresHigh += sign * other.squaresHigh;
  }

  /** Σx² as an exact integer of micro-units squared. */
  private BigInteger squares() {
    return BigInteger.valueOf(squaresHigh).shiftLeft(64)
        .add(new BigInteger(Long.toUnsignedString(squaresLow)));
  }

  Correlation result() {
    List<Correlation.Bucket> buckets = new ArrayList<>();
    for (int b = 0; b < BUCKETS.size(); b++) {
      buckets.add(new Correlation.Bucket(BUCKETS.get(b), bucketEligible[b], bucketUpsold[b],
          Rates.percent(bucketUpsold[b], bucketEligible[b]),
          lift(bucketUpsold[b], bucketEligible[b])));
    }
    BigDecimal r = null;
    BigDecimal meanUpsold = null;
    BigDecimal meanOther = null;
    double scale = 1_000_000.0;
    if (upsold > 0) {
      meanUpsold = Numbers.two(sumUpsold / scale / upsold);
    }
    long others = observations - upsold;
    if (others > 0) {
      meanOther = Numbers.two((sum - sumUpsold) / scale / others);
    }
    // n² · variance = n·Σx² − (Σx)², exactly; then the population standard deviation.
    double sd = observations == 0 ? 0
        : Math.sqrt(BigInteger.valueOf(observations).multiply(squares())
            .subtract(BigInteger.valueOf(sum).pow(2)).doubleValue()) / observations / scale;
    if (upsold > 0 && others > 0 && sd > 0) {
      double m1 = sumUpsold / scale / upsold;
      double m0 = (sum - sumUpsold) / scale / others;
      double p = (double) upsold / observations;
      double value = (m1 - m0) / sd * Math.sqrt(p * (1 - p));
      r = Numbers.two(Math.max(-1, Math.min(1, value)));
    }
    return new Correlation(observations, withoutScore, upsold, Rates.percent(upsold, observations),
        buckets, r, meanUpsold, meanOther);
  }

  /** {@code (u_b / e_b) / (U / E)} exactly, rounded to 2 decimals. */
  private BigDecimal lift(long bucketUp, long bucketElig) {
    if (bucketElig == 0 || upsold == 0) {
      return null;
    }
    BigDecimal numerator = BigDecimal.valueOf(bucketUp).multiply(BigDecimal.valueOf(observations));
    BigDecimal denominator = BigDecimal.valueOf(bucketElig).multiply(BigDecimal.valueOf(upsold));
    return Numbers.two(Numbers.divide(numerator, denominator));
  }
}
