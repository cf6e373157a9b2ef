package dev.upshift.segment;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.HealthScores;
import java.time.LocalDate;

/**
 * What a dimension may look at to place one customer in one period (§6.1, §10): for a customer
 * active at {@code d0}, its state at {@code d0} and the day {@code P.start}; otherwise its state and
 * the day at {@code d1}. Plain values, so that both engines can fill it without building objects.
 *
 * @param firstActiveDate {@code first_active_date}, or {@code null} when never active; a date, not
 *     an epoch day, because tenure is counted in calendar months and the engines make one per
 *     customer, not one per customer and period
 * @param initialArrMicros {@code initial_arr} in micro-units, 0 when never active
 * @param planOfLargestProduct the plan of the customer's highest-ARR product at the anchor
 *     snapshot (ties: product name), or {@code null}
 * @param day the anchor day ({@code P.start} or {@code d1})
 * @param health the customer's health scores, or {@code null} when it has none (looked up once per
 *     customer, read at {@code day})
 */
public record SegmentFacts(LocalDate firstActiveDate, long initialArrMicros,
    String planOfLargestProduct, LocalDate day, HealthScores.Series health) {
  public SegmentFacts {
    requireNonNull(day, "day is null");
  }

  /** {@code first_active_date} of an epoch day, {@link Integer#MAX_VALUE} meaning never active. */
  public static LocalDate firstActiveDate(int firstActiveDay) {
    return firstActiveDay == Integer.MAX_VALUE ? null : LocalDate.ofEpochDay(firstActiveDay);
  }

  /** The latest health score dated on or before {@link #day}, or {@code NaN} when none. */
  public double healthScore() {
    return health == null ? Double.NaN : health.scoreAt((int) day.toEpochDay());
  }

  /** Whether the customer was ever active. */
  public boolean everActive() {
    return firstActiveDate != null;
  }

  /** Whole months from the first active date to the anchor day, or -1 when not yet active. */
  public int tenureMonths() {
    if (firstActiveDate == null || firstActiveDate.isAfter(day)) {
      return -1;
    }
    return Tenure.months(firstActiveDate, day);
  }
}
