package dev.upshift.report;

import dev.upshift.input.Target;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.time.Calendar;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the {@code upsellRate} target of a period (§5.6): a monthly row takes its month's target,
 * else its quarter's; a quarterly row its quarter's, else its year's; a yearly row its year's. A
 * segment target applies only to that segment; the whole report uses targets without a segment, or
 * with {@code --where dim=value} the target of that segment when there is one.
 */
final class TargetBook {
  static final String METRIC = "upsellRate";

  private final Map<Key, BigDecimal> targets = new HashMap<>();
  private final Calendar calendar;

  private record Key(String period, SegmentFilter segment) {}

  TargetBook(List<Target> targets, Calendar calendar) {
    this.calendar = calendar;
    for (Target target : targets) {
      if (target.metric().equalsIgnoreCase(METRIC)) {
        SegmentFilter segment = target.segment() == null || target.segment().isBlank()
            ? null : SegmentFilter.parse(target.segment());
        this.targets.put(new Key(target.period().trim(), segment), target.value());
      }
    }
  }

  /** The target of a period for a segment ({@code null}: the whole report), or {@code null}. */
  BigDecimal targetOf(Period period, SegmentFilter segment) {
    Grain grain = calendar.grain();
    String own = period.label();
    String wider = switch (grain) {
      case MONTH -> calendar.quarterOf(period.firstMonth()).label();
      case QUARTER -> calendar.yearOf(period.firstMonth()).label();
      case YEAR -> null;
    };
    BigDecimal target = targets.get(new Key(own, segment));
    if (target == null && wider != null) {
      target = targets.get(new Key(wider, segment));
    }
    return target;
  }

  boolean isEmpty() {
    return targets.isEmpty();
  }

  @Override
  public String toString() {
    return Objects.toString(targets);
  }
}
