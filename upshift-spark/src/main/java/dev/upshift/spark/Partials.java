package dev.upshift.spark;

import dev.upshift.analysis.AnalysisTotals;
import dev.upshift.metric.MetricTotals;
import java.io.Serializable;

/**
 * The partial totals of a set of customers: the report's {@link MetricTotals} and, when the
 * analysis is asked for, its {@link AnalysisTotals}. What a partition sends to the driver; both
 * parts merge by their own {@code plus}, in any order. Immutable and serialisable.
 *
 * @param analysis {@code null} without the analysis
 */
record Partials(MetricTotals metric, AnalysisTotals analysis) implements Serializable {
  Partials plus(Partials other) {
    return new Partials(metric.plus(other.metric),
        analysis == null ? null : analysis.plus(other.analysis));
  }
}
