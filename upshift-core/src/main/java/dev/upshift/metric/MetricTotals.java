package dev.upshift.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Period totals for the whole report and for each value of each segment dimension, indexed like
 * {@link ReportPlan#computedPeriods()}. Mergeable: partial totals computed over disjoint sets of
 * customers merge into the totals over all of them.
 */
public final class MetricTotals {
  private final int periodCount;
  private final PeriodTotals[] overall;
  private final Map<String, Map<String, PeriodTotals[]>> segments = new LinkedHashMap<>();

  MetricTotals(int periodCount, List<String> dimensions) {
    this.periodCount = periodCount;
    this.overall = fresh(periodCount);
    // Hashed for the hot path's lookups; segments() sorts the values.
    dimensions.forEach(d -> segments.put(d, new java.util.HashMap<>()));
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

  /** Dimension → value → totals per computed period; values sorted. */
  public Map<String, Map<String, List<PeriodTotals>>> segments() {
    Map<String, Map<String, List<PeriodTotals>>> view = new LinkedHashMap<>();
    segments.forEach((dimension, values) -> {
      Map<String, List<PeriodTotals>> byValue = new TreeMap<>();
      values.forEach((value, totals) -> byValue.put(value, List.of(totals)));
      view.put(dimension, byValue);
    });
    return view;
  }

  void addOverall(CustomerPeriod row) {
    overall[row.periodIndex()].add(row);
  }

  void addSegment(String dimension, String value, CustomerPeriod row) {
    segments.get(dimension).computeIfAbsent(value, v -> fresh(periodCount))[row.periodIndex()].add(row);
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

  /** Adds another partial result into this one. */
  MetricTotals merge(MetricTotals other) {
    for (int i = 0; i < periodCount; i++) {
      overall[i].merge(other.overall[i]);
    }
    other.segments.forEach((dimension, values) -> {
      Map<String, PeriodTotals[]> mine = segments.get(dimension);
      values.forEach((value, totals) -> {
        PeriodTotals[] target = mine.computeIfAbsent(value, v -> fresh(periodCount));
        for (int i = 0; i < periodCount; i++) {
          target[i].merge(totals[i]);
        }
      });
    });
    return this;
  }
}
