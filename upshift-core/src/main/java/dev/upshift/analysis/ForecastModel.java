package dev.upshift.analysis;

import dev.upshift.metric.CustomerPeriod;
import dev.upshift.money.Micros;
import dev.upshift.segment.Tenure;
import dev.upshift.time.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates eligible and upsold customers by period and tenure bucket and computes the forecast
 * and back-test of §6.3; the method is documented on {@link Forecast}. Not thread-safe.
 */
final class ForecastModel implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final TenureBuckets buckets;
  private final List<Period> periods; // index i ↔ periods.get(i − 1); the last is the forecast period
  private final int window;
  private final long[][] eligible; // [period index][bucket]
  private final long[][] upsold;
  private final long[] upsoldArr; // micros per period index

  ForecastModel(TenureBuckets buckets, List<Period> reportedAndNext, int window) {
    this.buckets = buckets;
    this.periods = reportedAndNext;
    this.window = window;
    int n = reportedAndNext.size() + 1;
    this.eligible = new long[n][buckets.size()];
    this.upsold = new long[n][buckets.size()];
    this.upsoldArr = new long[n];
  }

  /** The period after the last reported one. */
  Period forecastPeriod() {
    return periods.get(periods.size() - 1);
  }

  void add(CustomerPeriod row) {
    if (!row.eligible() || row.firstActiveDay() == Integer.MAX_VALUE) {
      return;
    }
    int index = row.periodIndex();
    LocalDate start = periods.get(index - 1).start();
    int bucket = buckets.indexOf(Tenure.months(LocalDate.ofEpochDay(row.firstActiveDay()), start));
    eligible[index][bucket]++;
    if (row.upsold()) {
      upsold[index][bucket]++;
      upsoldArr[index] = Math.addExact(upsoldArr[index], row.upsoldArr());
    }
  }

  /** A new, empty model of the same shape. */
  ForecastModel emptyCopy() {
    return new ForecastModel(buckets, periods, window);
  }

  /** Adds ({@code sign} 1) or takes out ({@code sign} -1) another model's counts. */
  void combine(ForecastModel other, int sign) {
    for (int i = 0; i < eligible.length; i++) {
      for (int b = 0; b < eligible[i].length; b++) {
        eligible[i][b] += sign * other.eligible[i][b];
        upsold[i][b] += sign * other.upsold[i][b];
      }
      upsoldArr[i] = Math.addExact(upsoldArr[i], Math.multiplyExact(sign, other.upsoldArr[i]));
    }
  }

  /** Rates pooled over periods {@code from..to} (inclusive) and applied to {@code target}'s eligible. */
  private Projection project(int from, int to, int target) {
    int size = buckets.size();
    long[] windowEligible = new long[size];
    long[] windowUpsold = new long[size];
    long allEligible = 0;
    long allUpsold = 0;
    for (int i = from; i <= to; i++) {
      for (int b = 0; b < size; b++) {
        windowEligible[b] += eligible[i][b];
        windowUpsold[b] += upsold[i][b];
        allEligible += eligible[i][b];
        allUpsold += upsold[i][b];
      }
    }
    long targetEligible = 0;
    for (int b = 0; b < size; b++) {
      targetEligible += eligible[target][b];
    }
    if (allEligible == 0) {
      return new Projection(windowEligible, windowUpsold, null, null, targetEligible, Double.NaN,
          Double.NaN);
    }
    double[] rates = new double[size];
    boolean[] pooled = new boolean[size];
    double expected = 0;
    double variance = 0;
    for (int b = 0; b < size; b++) {
      long base = windowEligible[b];
      if (base == 0) {
        pooled[b] = true;
        base = allEligible;
        rates[b] = (double) allUpsold / allEligible;
      } else {
        rates[b] = (double) windowUpsold[b] / windowEligible[b];
      }
      double n = eligible[target][b];
      double p = rates[b];
      expected += n * p;
      variance += n * p * (1 - p) + n * n * p * (1 - p) / base;
    }
    return new Projection(windowEligible, windowUpsold, rates, pooled, targetEligible, expected,
        variance);
  }

  /** One application of the method. */
  private record Projection(long[] windowEligible, long[] windowUpsold, double[] rates,
      boolean[] pooled, long eligible, double expected, double variance) {
    double low() {
      return Math.max(0, expected - Forecast.Z80 * Math.sqrt(variance));
    }

    double high() {
      return Math.min(eligible, expected + Forecast.Z80 * Math.sqrt(variance));
    }
  }

  Forecast result() {
    int reportedCount = periods.size() - 1;
    int next = reportedCount + 1;
    int from = Math.max(1, reportedCount - window + 1);
    List<String> windowLabels = new ArrayList<>();
    long windowUpsoldTotal = 0;
    long windowArr = 0;
    for (int i = from; i <= reportedCount; i++) {
      windowLabels.add(periods.get(i - 1).label());
      for (long u : upsold[i]) {
        windowUpsoldTotal += u;
      }
      windowArr = Math.addExact(windowArr, upsoldArr[i]);
    }
    Projection projection = reportedCount == 0 ? null : project(from, reportedCount, next);
    BigDecimal avgArr = windowUpsoldTotal == 0 ? null
        : Micros.toDecimal(windowArr).divide(BigDecimal.valueOf(windowUpsoldTotal), 6,
            RoundingMode.HALF_EVEN);
    List<Forecast.Bucket> bucketList = new ArrayList<>();
    for (int b = 0; b < buckets.size(); b++) {
      boolean known = projection != null && projection.rates() != null;
      bucketList.add(new Forecast.Bucket(buckets.labels().get(b),
          projection == null ? 0 : projection.windowEligible()[b],
          projection == null ? 0 : projection.windowUpsold()[b],
          known ? Numbers.two(projection.rates()[b] * 100) : null,
          known && projection.pooled()[b], eligible[next][b],
          known ? Numbers.two(projection.rates()[b] * eligible[next][b]) : null));
    }
    long nextEligible = 0;
    for (long e : eligible[next]) {
      nextEligible += e;
    }
    boolean known = projection != null && projection.rates() != null;
    BigDecimal expected = known ? Numbers.two(projection.expected()) : null;
    BigDecimal low = known ? Numbers.two(projection.low()) : null;
    BigDecimal high = known ? Numbers.two(projection.high()) : null;
    return new Forecast(periods.get(next - 1).label(), windowLabels, bucketList, nextEligible,
        expected, low, high,
        known && nextEligible > 0 ? Numbers.two(projection.expected() / nextEligible * 100) : null,
        Numbers.two(avgArr), arr(known ? projection.expected() : Double.NaN, avgArr),
        arr(known ? projection.low() : Double.NaN, avgArr),
        arr(known ? projection.high() : Double.NaN, avgArr), backtest(reportedCount));
  }

  /** Expected customers times the average ARR; 0 customers need no average. */
  private static BigDecimal arr(double customers, BigDecimal avgArr) {
    if (Double.isNaN(customers)) {
      return null;
    }
    if (customers == 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    if (avgArr == null) {
      return null;
    }
    return new BigDecimal(customers).multiply(avgArr, Numbers.CONTEXT)
        .setScale(2, RoundingMode.HALF_EVEN);
  }

  private Forecast.Backtest backtest(int reportedCount) {
    List<Forecast.BacktestPoint> points = new ArrayList<>();
    double apeSum = 0;
    int apeCount = 0;
    int covered = 0;
    for (int t = Math.max(2, reportedCount - window + 1); t <= reportedCount; t++) {
      int from = Math.max(1, t - window);
      Projection p = project(from, t - 1, t);
      if (p.rates() == null) {
        continue;
      }
      long actual = 0;
      for (long u : upsold[t]) {
        actual += u;
      }
      BigDecimal ape = null;
      if (actual > 0) {
        double error = Math.abs(actual - p.expected()) / actual * 100;
        apeSum += error;
        apeCount++;
        ape = Numbers.two(error);
      }
      if (actual >= p.low() && actual <= p.high()) {
        covered++;
      }
      points.add(new Forecast.BacktestPoint(periods.get(t - 1).label(), t - from, p.eligible(),
          Numbers.two(p.expected()), Numbers.two(p.low()), Numbers.two(p.high()), actual, ape));
    }
    return new Forecast.Backtest(points, apeCount == 0 ? null : Numbers.two(apeSum / apeCount),
        points.isEmpty() ? null : Numbers.two(100.0 * covered / points.size()));
  }
}
