package dev.upshift.segment;

import static java.util.Objects.requireNonNull;

import dev.upshift.state.CustomerState;
import dev.upshift.state.CustomerTimeline;
import java.time.LocalDate;

/**
 * What a dimension may look at to place one customer in one period (§6.1, §10): for a customer
 * active at {@code d0}, its state at {@code d0} and the day {@code P.start}; otherwise its state and
 * the day at {@code d1}.
 *
 * @param timeline the customer's timeline (first active date, initial ARR)
 * @param state the state at the anchor snapshot ({@code S0} or {@code S1})
 * @param day the anchor day ({@code P.start} or {@code d1})
 */
public record SegmentFacts(CustomerTimeline timeline, CustomerState state, LocalDate day) {
  public SegmentFacts {
    requireNonNull(timeline, "timeline is null");
    requireNonNull(state, "state is null");
    requireNonNull(day, "day is null");
  }

  /** Whole months from the first active date to the anchor day, or -1 when not yet active. */
  public int tenureMonths() {
    LocalDate first = timeline.firstActiveDate();
    if (first == null || first.isAfter(day)) {
      return -1;
    }
    return Tenure.months(first, day);
  }
}
