package dev.upshift.explain;

import static java.util.Objects.requireNonNull;

import dev.upshift.metric.RateWindow;
import dev.upshift.movement.Movement;
import dev.upshift.time.Period;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's onboarding window, when the report measures the Upsell Rate over one (§5.5
 * window): its dates, the movement across it, whether it qualified and the period it counts in.
 * Immutable.
 *
 * @param window the report's window
 * @param start f, the first active date, or {@code null} when the customer was never active (then
 *     there is no window: every other field is {@code null}, {@code false} or empty)
 * @param end e = f + N, or {@code null}
 * @param countedIn the reported period holding e, where the customer is counted, or {@code null}
 *     when e falls outside the reported periods
 * @param movement the movement from the snapshot at f to the one at e (§4, net), or {@code null}
 * @param eligible eligible over its window (false only when {@code excludeTopTier} finds every
 *     product held at f at its top tier); the segment filter is not applied here
 * @param upsold eligible, and the movement qualifies under the definition and threshold
 * @param upsoldArrMicros the movement's qualifying ARR when upsold, else 0
 * @param changes the lines whose billable phase differs between f and e
 */
public record WindowExplanation(RateWindow window, LocalDate start, LocalDate end,
    Period countedIn, Movement movement, boolean eligible, boolean upsold, long upsoldArrMicros,
    List<LineChange> changes) {
  public WindowExplanation {
    requireNonNull(window, "window is null");
    if ((start == null) != (movement == null) || (start == null) != (end == null)) {
      throw new IllegalArgumentException("start, end and movement are all set or all null");
    }
    changes = List.copyOf(changes);
  }

  /** The window of a customer that was never active: there is nothing to measure. */
  static WindowExplanation neverActive(RateWindow window) {
    return new WindowExplanation(window, null, null, null, null, false, false, 0, List.of());
  }
}
