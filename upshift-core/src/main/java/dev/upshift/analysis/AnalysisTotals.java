package dev.upshift.analysis;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The partial aggregates behind the analysis of §6.2–§6.6, summed over a set of customers: the
 * cohort triangle's counts, the forecast's eligible and upsold customers by period and tenure
 * bucket, the health correlation's exact sums, the annual benchmark counts, and the upsold ARR of
 * every customer upsold in the signal window (a multiset, so that the top-10% concentration stays
 * exact). Like the report's totals they form a group: the totals of disjoint sets of customers
 * combine with {@link #plus} in any order into the totals of their union, and {@link #minus}
 * takes a set back out. Serialisable; {@link Analyzer} makes them and turns them into an {@link
 * Analysis}.
 */
public final class AnalysisTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  final CohortTriangle cohorts;
  final ForecastModel forecast;
  final HealthCorrelation correlation;
  long annualEligible;
  long annualUpsold;
  /** Of the annual eligible, those upsold under the references' definition (§6.6). */
  long annualComparableUpsold;
  /** Upsold customer-months under the references' definition in the monthly benchmark's window. */
  long pooledComparableUpsold;
  long forecastPeriodInferred;
  /** Per customer upsold in the signal window, its upsold ARR there; {@link #size} are in use. */
  private long[] windowArr = new long[16];
  private int size;

  AnalysisTotals(CohortTriangle cohorts, ForecastModel forecast, HealthCorrelation correlation) {
    this.cohorts = cohorts;
    this.forecast = forecast;
    this.correlation = correlation;
  }

  /** Empty totals of the same shape. */
  AnalysisTotals emptyCopy() {
    return new AnalysisTotals(cohorts.emptyCopy(), forecast.emptyCopy(), correlation.emptyCopy());
  }

  void addWindowArr(long arr) {
    if (size == windowArr.length) {
      windowArr = Arrays.copyOf(windowArr, size * 2);
    }
    windowArr[size++] = arr;
  }

  /** The upsold ARR of each customer upsold in the signal window, ascending. */
  long[] windowArrByCustomer() {
    long[] sorted = Arrays.copyOf(windowArr, size);
    Arrays.sort(sorted);
    return sorted;
  }

  /** {@code this + other}, as new totals. */
  public AnalysisTotals plus(AnalysisTotals other) {
    return emptyCopy().combine(this, 1).combine(other, 1);
  }

  /** {@code this − other}, as new totals: the inverse of {@link #plus}. */
  public AnalysisTotals minus(AnalysisTotals other) {
    return emptyCopy().combine(this, 1).combine(other, -1);
  }

  /**
   * Adds ({@code sign} 1) or takes out ({@code sign} -1) {@code other}'s sums, in place; the upsold
   * ARR values are appended or, as a multiset, removed.
   */
  AnalysisTotals combine(AnalysisTotals other, int sign) {
    cohorts.combine(other.cohorts, sign);
    forecast.combine(other.forecast, sign);
    correlation.combine(other.correlation, sign);
    annualEligible += sign * other.annualEligible;
    annualUpsold += sign * other.annualUpsold;
    annualComparableUpsold += sign * other.annualComparableUpsold;
    pooledComparableUpsold += sign * other.pooledComparableUpsold;
    forecastPeriodInferred += sign * other.forecastPeriodInferred;
    if (sign < 0) {
      removeWindowArr(other);
    } else {
      for (int i = 0; i < other.size; i++) {
        addWindowArr(other.windowArr[i]);
      }
    }
    return this;
  }

  /** Multiset difference: one occurrence of each of {@code other}'s values comes out. */
  private void removeWindowArr(AnalysisTotals other) {
    long[] mine = windowArrByCustomer();
    long[] theirs = other.windowArrByCustomer();
    long[] kept = new long[mine.length];
    int k = 0;
    int j = 0;
    for (long value : mine) {
      if (j < theirs.length && theirs[j] < value) {
        throw new IllegalArgumentException("cannot take out an upsold ARR that was never added: "
            + theirs[j]);
      }
      if (j < theirs.length && theirs[j] == value) {
        j++;
      } else {
        kept[k++] = value;
      }
    }
    if (j < theirs.length) {
      throw new IllegalArgumentException("cannot take out an upsold ARR that was never added: "
          + theirs[j]);
    }
    windowArr = kept.length == 0 ? new long[16] : kept;
    size = k;
  }
}
