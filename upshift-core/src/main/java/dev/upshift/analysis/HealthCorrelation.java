package dev.upshift.analysis;

import dev.upshift.input.HealthScores;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.Rates;
import dev.upshift.segment.Dimensions;
import dev.upshift.time.Period;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Accumulates the health-score observations of §6.4; see {@link Correlation}. Not thread-safe. */
final class HealthCorrelation {
  static final List<String> BUCKETS = List.of("High", "Medium", "Low");

  private final HealthScores health;
  private final List<Period> reported;
  private final long[] bucketEligible = new long[BUCKETS.size()];
  private final long[] bucketUpsold = new long[BUCKETS.size()];
  private long observations;
  private long upsold;
  private long withoutScore;
  // Scores are centred on a running mean (Welford) so the variance does not cancel.
  private double mean;
  private double squares;
  private double sumUpsold;

  HealthCorrelation(HealthScores health, List<Period> reported) {
    this.health = health;
    this.reported = reported;
  }

  /** Adds a row of a reported period (index 1..n). */
  void add(CustomerPeriod row) {
    if (!row.eligible()) {
      return;
    }
    Period period = reported.get(row.periodIndex() - 1);
    OptionalDouble score = health.scoreAt(row.customerId(), period.start());
    if (score.isEmpty()) {
      withoutScore++;
      return;
    }
    double x = score.getAsDouble();
    int bucket = BUCKETS.indexOf(Dimensions.healthBucket(x));
    bucketEligible[bucket]++;
    observations++;
    double delta = x - mean;
    mean += delta / observations;
    squares += delta * (x - mean);
    if (row.upsold()) {
      bucketUpsold[bucket]++;
      upsold++;
      sumUpsold += x;
    }
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
    if (upsold > 0) {
      meanUpsold = Numbers.two(sumUpsold / upsold);
    }
    long others = observations - upsold;
    if (others > 0) {
      meanOther = Numbers.two((mean * observations - sumUpsold) / others);
    }
    double sd = observations == 0 ? 0 : Math.sqrt(squares / observations);
    if (upsold > 0 && others > 0 && sd > 0) {
      double m1 = sumUpsold / upsold;
      double m0 = (mean * observations - sumUpsold) / others;
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
