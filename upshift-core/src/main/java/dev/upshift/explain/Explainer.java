package dev.upshift.explain;

import dev.upshift.input.Phase;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.MetricEngine;
import dev.upshift.metric.ReportPlan;
import dev.upshift.state.CustomerState;
import dev.upshift.state.CustomerTimeline;
import dev.upshift.state.ProductState;
import dev.upshift.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** Builds a {@link CustomerExplanation} from the same engine that computes the report. */
public final class Explainer {
  private Explainer() {}

  public static CustomerExplanation explain(MetricEngine engine, ReportPlan plan,
      String customerId, List<Phase> phases) {
    CustomerTimeline timeline = engine.timelineOf(customerId, phases);
    List<CustomerPeriod> rows = engine.reportedRowsOf(timeline);
    List<Period> periods = plan.reportedPeriods();
    List<PeriodExplanation> explained = new ArrayList<>(periods.size());
    for (int i = 0; i < periods.size(); i++) {
      Period period = periods.get(i);
      CustomerState s0 = timeline.stateAt(Math.toIntExact(period.openingDay().toEpochDay()));
      CustomerState s1 = timeline.stateAt(Math.toIntExact(period.closingDay().toEpochDay()));
      explained.add(new PeriodExplanation(period, rows.get(i), changes(s0, s1)));
    }
    return new CustomerExplanation(customerId, timeline.firstActiveDate(),
        timeline.initialArrMicros(), explained);
  }

  private static List<LineChange> changes(CustomerState s0, CustomerState s1) {
    Map<String, Phase> before = byLine(s0);
    Map<String, Phase> after = byLine(s1);
    TreeSet<String> lines = new TreeSet<>(before.keySet());
    lines.addAll(after.keySet());
    List<LineChange> changes = new ArrayList<>();
    for (String line : lines) {
      Phase p0 = before.get(line);
      Phase p1 = after.get(line);
      if (!Objects.equals(p0, p1)) {
        changes.add(new LineChange(line, p0, p1));
      }
    }
    return changes;
  }

  private static Map<String, Phase> byLine(CustomerState state) {
    Map<String, Phase> byLine = new TreeMap<>();
    for (ProductState product : state.products()) {
      product.phases().forEach(phase -> byLine.put(phase.lineId(), phase));
    }
    return byLine;
  }
}
