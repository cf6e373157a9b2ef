package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Period totals for the whole report and for each value of each segment dimension, indexed like
 * {@link ReportPlan#computedPeriods()}: the sum of the contributions of a set of customers.
 *
 * <p>Totals form a group. {@link #plus} and {@link #minus} return new totals and leave both
 * operands unchanged; they are associative and commutative, and {@link MetricEngine#empty()} is
 * their identity.
 * So the totals of disjoint sets of customers merge into the totals of their union in any order (how
 * the thread pool and a Spark driver combine partial results), and after one customer changes, {@code
 * total.minus(oldContribution).plus(newContribution)} equals a full recomputation exactly (how the
 * service keeps a report current). Equality compares every figure; a segment value whose figures
 * are all 0 is the same as an absent one, since a value appears only when a customer contributes to
 * it (§10) and an exact cancellation leaves no such customer.
 *
 * <p>Serialisable. The engine also adds into totals in place while it computes them, which is why
 * the instances it hands out are never shared with it afterwards.
 */
public final class MetricTotals implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int periodCount;
  private final List<String> dimensions;
  private final PeriodTotals[] overall;
  /** Dimension → value → totals per period; hashed for the hot path, sorted by {@link #segments()}. */
  private final Map<String, Map<String, PeriodTotals[]>> segments = new LinkedHashMap<>();

  MetricTotals(int periodCount, List<String> dimensions) {
    this.periodCount = periodCount;
    this.dimensions = List.copyOf(dimensions);
    this.overall = fresh(periodCount);
    dimensions.forEach(d -> segments.put(d, new HashMap<>()));
  }

  private static PeriodTotals[] fresh(int n) {
    PeriodTotals[] totals = new PeriodTotals[n];
    for (int i = 0; i < n; i++) {
      totals[i] = new PeriodTotals();
    }
    return totals;
  }

  /** Totals of the whole (filtered) report, one per computed period. */
  public List<PeriodTotals> overall() {
    return List.of(overall);
  }

  /** Dimension → value → totals per computed period; values sorted, all-zero values left out. */
  public Map<String, Map<String, List<PeriodTotals>>> segments() {
    Map<String, Map<String, List<PeriodTotals>>> view = new LinkedHashMap<>();
    segments.forEach((dimension, values) -> {
      Map<String, List<PeriodTotals>> byValue = new TreeMap<>();
      values.forEach((value, totals) -> {
        if (!allZero(totals)) {
          byValue.put(value, List.of(totals));
        }
      });
      view.put(dimension, byValue);
    });
    return view;
  }

  /** {@code this + other}, as new totals. */
  public MetricTotals plus(MetricTotals other) {
    return copy().merge(other);
  }

  /** {@code this − other}, as new totals: the inverse of {@link #plus}. */
  public MetricTotals minus(MetricTotals other) {
    return copy().combine(other, false);
  }

  /** A copy that changes independently of this one. */
  public MetricTotals copy() {
    return new MetricTotals(periodCount, dimensions).merge(this);
  }

  void addOverall(int periodIndex, KernelRow row) {
    overall[periodIndex].add(row);
  }

  /** Adds the partial totals of some customers in one period to the overall totals. */
  void addOverall(int periodIndex, PeriodTotals partial) {
    overall[periodIndex].merge(partial);
  }

  /** The totals of one value of one dimension, created on first use: callers keep them. */
  PeriodTotals[] segmentTotals(String dimension, String value) {
    return segments.get(dimension).computeIfAbsent(value, v -> fresh(periodCount));
  }

  /** Adds another partial result into this one, in place. */
  MetricTotals merge(MetricTotals other) {
    return combine(other, true);
  }

  private MetricTotals combine(MetricTotals other, boolean add) {
    requireNonNull(other, "other is null");
    if (other.periodCount != periodCount || !other.dimensions.equals(dimensions)) {
      throw new IllegalArgumentException("totals of different reports: " + periodCount + " periods "
          + dimensions + " and " + other.periodCount + " periods " + other.dimensions);
    }
    for (int i = 0; i < periodCount; i++) {
      combine(overall[i], other.overall[i], add);
    }
    other.segments.forEach((dimension, values) -> {
      Map<String, PeriodTotals[]> mine = segments.get(dimension);
      values.forEach((value, totals) -> {
        PeriodTotals[] target = mine.computeIfAbsent(value, v -> fresh(periodCount));
        for (int i = 0; i < periodCount; i++) {
          combine(target[i], totals[i], add);
        }
        if (!add && allZero(target)) {
          mine.remove(value);
        }
      });
    });
    return this;
  }

  private static void combine(PeriodTotals target, PeriodTotals other, boolean add) {
    if (add) {
      target.merge(other);
    } else {
      target.subtract(other);
    }
  }

  private static boolean allZero(PeriodTotals[] totals) {
    for (PeriodTotals t : totals) {
      if (!t.isZero()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MetricTotals other)) {
      return false;
    }
    return periodCount == other.periodCount && dimensions.equals(other.dimensions)
        && java.util.Arrays.equals(overall, other.overall) && segments().equals(other.segments());
  }

  @Override
  public int hashCode() {
    return Objects.hash(periodCount, dimensions, java.util.Arrays.hashCode(overall));
  }

  @Override
  public String toString() {
    return "MetricTotals[" + periodCount + " periods, dimensions " + dimensions + "]";
  }
}
