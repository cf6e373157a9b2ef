package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import dev.upshift.movement.Movement;
import dev.upshift.movement.MovementClassifier;
import dev.upshift.segment.SegmentFacts;
import dev.upshift.state.CustomerState;
import dev.upshift.state.CustomerTimeline;
import dev.upshift.time.Calendar;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * Computes one customer's contribution to every computed period of a {@link ReportPlan}.
 * Immutable and thread-safe: one instance serves all customers.
 */
final class CustomerEvaluator {
  private final ReportPlan plan;
  private final UpsellRule rule;
  private final RateCounting counting;
  private final int[] days;
  private final PeriodIndexes[] periods;

  /** Snapshot indexes of one period, resolved once. */
  record PeriodIndexes(Period period, int open, int close, int quarterStart,
      int twelveMonthsAgo) {}

  /** The snapshot indexes of each computed period. */
  PeriodIndexes[] periods() {
    return periods.clone();
  }

  CustomerEvaluator(ReportPlan plan, UpsellRule rule, RateCounting counting) {
    this.plan = requireNonNull(plan, "plan is null");
    this.rule = requireNonNull(rule, "rule is null");
    this.counting = requireNonNull(counting, "counting is null");
    this.days = plan.snapshotDaysShared();
    Calendar calendar = plan.calendar();
    List<Period> computed = plan.computedPeriods();
    this.periods = new PeriodIndexes[computed.size()];
    for (int i = 0; i < periods.length; i++) {
      Period p = computed.get(i);
      int quarterStart = calendar.grain() == Grain.MONTH
          ? plan.indexOf(calendar.quarterOf(p.firstMonth()).firstMonth())
          : -1;
      periods[i] = new PeriodIndexes(p, plan.indexOf(p.firstMonth().minusMonths(1)),
          plan.indexOf(p.lastMonth()), quarterStart, plan.indexOf(p.lastMonth().minusMonths(12)));
    }
  }

  /** One customer's rows (one per computed period) and the facts that place it in segments. */
  record Evaluation(CustomerTimeline timeline, CustomerPeriod[] rows, SegmentFacts[] facts) {}

  Evaluation evaluate(CustomerTimeline timeline) {
    String id = timeline.customerId();
    CustomerState[] states = timeline.statesAt(days);
    MonthlyFacts monthly = monthly(timeline, states);
    CustomerPeriod[] rows = new CustomerPeriod[periods.length];
    SegmentFacts[] facts = new SegmentFacts[periods.length];
    long initialArr = timeline.initialArrMicros();
    LocalDate firstActive = SegmentFacts.firstActiveDate(timeline.firstActiveDay());
    for (int i = 0; i < periods.length; i++) {
      PeriodIndexes p = periods[i];
      CustomerState s0 = states[p.open];
      CustomerState s1 = states[p.close];
      boolean singleMonth = p.open + 1 == p.close;
      Movement movement = singleMonth ? monthly.movements[p.close]
          : MovementClassifier.classify(s0, s1, timeline.activeOnOrBefore(days[p.open]));
      boolean eligible = singleMonth ? monthly.eligible[p.close]
          : rule.eligible(timeline, s0, p.period.start());
      long upsoldArr = -1;
      if (eligible) {
        upsoldArr = singleMonth || counting == RateCounting.NET
            ? rule.qualifyingArr(movement)
            : sumOfQualifyingMonths(monthly, p.open + 1, p.close);
      }
      boolean upsold = upsoldArr >= 0;
      boolean qtdEligible = false;
      boolean qtdUpsold = false;
      if (p.quarterStart >= 0) {
        for (int k = p.quarterStart; k <= p.close; k++) {
          qtdEligible |= monthly.eligible[k];
          qtdUpsold |= monthly.eligible[k] && monthly.qualifyingArr[k] >= 0;
        }
      }
      rows[i] = new CustomerPeriod(id, i, movement, eligible, upsold, upsold ? upsoldArr : 0,
          anyUpsellUser(monthly, p.close - 2, p.close), anyUpsellUser(monthly, p.close - 11, p.close),
          qtdEligible, qtdUpsold, states[p.twelveMonthsAgo].arrMicros(),
          timeline.firstActiveDay());
      facts[i] = s0.active()
          ? new SegmentFacts(firstActive, initialArr, s0.planOfLargestProduct(), p.period.start())
          : new SegmentFacts(firstActive, initialArr, s1.planOfLargestProduct(), p.period.end());
    }
    return new Evaluation(timeline, rows, facts);
  }

  /** Monthly movements and Upsell Rate facts, indexed by the snapshot of the month's end. */
  private record MonthlyFacts(Movement[] movements, boolean[] eligible, long[] qualifyingArr) {}

  private MonthlyFacts monthly(CustomerTimeline timeline, CustomerState[] states) {
    int n = states.length;
    Movement[] movements = new Movement[n];
    boolean[] eligible = new boolean[n];
    long[] qualifying = new long[n];
    qualifying[0] = -1;
    for (int k = 1; k < n; k++) {
      movements[k] = MovementClassifier.classify(states[k - 1], states[k],
          timeline.activeOnOrBefore(days[k - 1]));
      eligible[k] = rule.eligible(timeline, states[k - 1], plan.monthOf(k).atDay(1));
      qualifying[k] = movements[k].reported() ? rule.qualifyingArr(movements[k]) : -1;
    }
    return new MonthlyFacts(movements, eligible, qualifying);
  }

  /**
   * {@code any} counting (§5.5, §10): the period's qualifying ARR is the sum over the months that
   * qualify on their own; -1 when none does.
   */
  private static long sumOfQualifyingMonths(MonthlyFacts monthly, int firstMonth, int lastMonth) {
    long total = -1;
    for (int k = firstMonth; k <= lastMonth; k++) {
      long arr = monthly.qualifyingArr[k];
      if (arr >= 0) {
        total = total < 0 ? arr : Math.addExact(total, arr);
      }
    }
    return total;
  }

  private static boolean anyUpsellUser(MonthlyFacts monthly, int firstMonth, int lastMonth) {
    for (int k = Math.max(1, firstMonth); k <= lastMonth; k++) {
      if (monthly.movements[k].upsellUser()) {
        return true;
      }
    }
    return false;
  }
}
