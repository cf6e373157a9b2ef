package dev.upshift.explain;

import static java.util.Objects.requireNonNull;

import dev.upshift.metric.CustomerPeriod;
import dev.upshift.time.Period;
import java.util.List;

/**
 * One customer in one period: its contribution to every figure, and the line changes behind it.
 */
public record PeriodExplanation(Period period, CustomerPeriod row, List<LineChange> changes) {
  public PeriodExplanation {
    requireNonNull(period, "period is null");
    requireNonNull(row, "row is null");
    changes = List.copyOf(changes);
  }
}
