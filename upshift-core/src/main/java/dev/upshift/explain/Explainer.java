package dev.upshift.explain;

import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.MetricEngine;
import dev.upshift.metric.RateWindow;
import dev.upshift.metric.ReportPlan;
import dev.upshift.segment.SegmentFacts;
import dev.upshift.time.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds a {@link CustomerExplanation} from the same engine that computes the report. */
public final class Explainer {
  private Explainer() {}

  /**
   * @param window the report's rate window, or {@code null} when the rate is measured per period
   * @throws IllegalArgumentException when the table has no phases of the customer
   */
  public static CustomerExplanation explain(MetricEngine engine, ReportPlan plan, RateWindow window,
      PhaseTable table, String customerId) {
    MetricEngine.Trace trace = engine.trace(table, customerId);
    List<Period> periods = plan.reportedPeriods();
    List<PeriodExplanation> explained = new ArrayList<>(periods.size());
    for (int i = 0; i < periods.size(); i++) {
      int computed = i + 1; // computed period 0 is the one before the first reported
      explained.add(new PeriodExplanation(periods.get(i), trace.rows().get(computed),
          changes(trace.opening().get(computed), trace.closing().get(computed))));
    }
    return new CustomerExplanation(customerId, SegmentFacts.firstActiveDate(trace.firstActiveDay()),
        trace.initialArrMicros(), explained, window == null ? null : window(window, plan, trace));
  }

  private static WindowExplanation window(RateWindow window, ReportPlan plan,
      MetricEngine.Trace trace) {
    MetricEngine.WindowTrace measured = trace.window();
    if (measured == null) {
      return WindowExplanation.neverActive(window);
    }
    CustomerPeriod row = measured.row();
    int computed = row.periodIndex(); // 0 is the period before the first reported: not counted
    Period countedIn = computed >= 1 ? plan.computedPeriods().get(computed) : null;
    return new WindowExplanation(window, LocalDate.ofEpochDay(measured.startDay()),
        LocalDate.ofEpochDay(measured.endDay()), countedIn, row.movement(), row.eligible(),
        row.upsold(), row.upsoldArr(), changes(measured.opening(), measured.closing()));
  }

  /** The lines whose billable phase differs between the snapshots, in line-id order. */
  private static List<LineChange> changes(List<Phase> before, List<Phase> after) {
    List<LineChange> changes = new ArrayList<>();
    for (int line = 0; line < before.size(); line++) {
      Phase p0 = before.get(line);
      Phase p1 = after.get(line);
      if (!Objects.equals(p0, p1)) {
        changes.add(new LineChange((p0 != null ? p0 : p1).lineId(), p0, p1));
      }
    }
    return changes;
  }
}
