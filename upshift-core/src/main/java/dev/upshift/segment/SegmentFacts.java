package dev.upshift.segment;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * What a dimension may look at to place one customer in one period (§6.1, §10): for a customer
 * active at {@code d0}, its state at {@code d0} and the day {@code P.start}; otherwise its state and
 * the day at {@code d1}. Plain values, so that both engines can fill it without building objects.
 *
 * @param firstActiveDay {@code first_active_date} as an epoch day, {@link Integer#MAX_VALUE} when
 *     never active
 * @param initialArrMicros {@code initial_arr} in micro-units, 0 when never active
 * @param planOfLargestProduct the plan of the customer's highest-ARR product at the anchor
 *     snapshot (ties: product name), or {@code null}
 * @param day the anchor day ({@code P.start} or {@code d1})
 */
public record SegmentFacts(int firstActiveDay, long initialArrMicros, String planOfLargestProduct,
    LocalDate day) {
  public SegmentFacts {
    requireNonNull(day, "day is null");
  }

  /** Whether the customer was ever active. */
  public boolean everActive() {
    return firstActiveDay != Integer.MAX_VALUE;
  }

  /** {@code first_active_date}, or {@code null} when never active. */
  public LocalDate firstActiveDate() {
    return everActive() ? LocalDate.ofEpochDay(firstActiveDay) : null;
  }

  /** Whole months from the first active date to the anchor day, or -1 when not yet active. */
  public int tenureMonths() {
    if (!everActive() || firstActiveDay > day.toEpochDay()) {
      return -1;
    }
    return Tenure.months(LocalDate.ofEpochDay(firstActiveDay), day);
  }
}
