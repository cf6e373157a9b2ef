package dev.upshift.state;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Phase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One customer's state through time in one book: every line's {@link LineTimeline} plus the
 * customer facts of §3.2. Immutable.
 *
 * <p>States are read at any set of days with {@link #statesAt(int[])}, which sweeps each line once;
 * consecutive days on which no line changed share the same {@link CustomerState} instance, so a
 * caller can skip unchanged periods with an identity check.
 */
public final class CustomerTimeline {
  private final String customerId;
  private final List<LineTimeline> lines;
  private final TierLadder ladder;
  private final int firstActiveDay; // Integer.MAX_VALUE when never active

  private CustomerTimeline(String customerId, List<LineTimeline> lines, TierLadder ladder) {
    this.customerId = customerId;
    this.lines = lines;
    this.ladder = ladder;
    this.firstActiveDay = computeFirstActiveDay(lines);
  }

  /**
   * Builds the timeline of one customer's line phases (non-overlapping, any order).
   *
   * @param phases phases of one customer; rows that belong to no line are ignored
   */
  public static CustomerTimeline of(String customerId, List<Phase> phases, Book book,
      TierLadder ladder) {
    requireNonNull(customerId, "customerId is null");
    Map<String, List<Phase>> byLine = new TreeMap<>();
    for (Phase phase : phases) {
      if (phase.belongsToLine()) {
        byLine.computeIfAbsent(phase.lineId(), l -> new ArrayList<>(4)).add(phase);
      }
    }
    List<LineTimeline> lines = new ArrayList<>(byLine.size());
    byLine.values().forEach(linePhases -> lines.add(LineTimeline.of(linePhases, book)));
    return new CustomerTimeline(customerId, List.copyOf(lines), requireNonNull(ladder));
  }

  /** Active on a day means a billable phase in force; the earliest such day over all lines. */
  private static int computeFirstActiveDay(List<LineTimeline> lines) {
    int first = Integer.MAX_VALUE;
    for (LineTimeline line : lines) {
      for (int i = 0; i < line.steps(); i++) {
        Phase phase = line.phase(i);
        if (phase != null && phase.billable()) {
          first = Math.min(first, line.fromDay(i));
          break;
        }
      }
    }
    return first;
  }

  public String customerId() {
    return customerId;
  }

  /** Whether the customer was active on some day. */
  public boolean everActive() {
    return firstActiveDay != Integer.MAX_VALUE;
  }

  /** {@code first_active_date} as an epoch day, or {@link Integer#MAX_VALUE} when never active. */
  public int firstActiveDay() {
    return firstActiveDay;
  }

  /** {@code first_active_date}, or {@code null} when never active. */
  public LocalDate firstActiveDate() {
    return everActive() ? LocalDate.ofEpochDay(firstActiveDay) : null;
  }

  /** Whether the customer was active on some day on or before {@code day}. */
  public boolean activeOnOrBefore(int day) {
    return firstActiveDay <= day;
  }

  /** {@code initial_arr}: ARR at the end of the first active day, or 0 when never active. */
  public long initialArrMicros() {
    return everActive() ? stateAt(firstActiveDay).arrMicros() : 0;
  }

  /** The state at the end of one day. */
  public CustomerState stateAt(int day) {
    return statesAt(new int[] {day})[0];
  }

  /**
   * States at the end of each of the given days.
   *
   * @param days epoch days in ascending order
   */
  public CustomerState[] statesAt(int[] days) {
    int lineCount = lines.size();
    int[] cursor = new int[lineCount];
    java.util.Arrays.fill(cursor, -1);
    CustomerState[] states = new CustomerState[days.length];
    CustomerState previous = null;
    List<Phase> inForce = new ArrayList<>(lineCount);
    for (int d = 0; d < days.length; d++) {
      boolean changed = previous == null;
      for (int l = 0; l < lineCount; l++) {
        LineTimeline line = lines.get(l);
        int step = cursor[l];
        while (step + 1 < line.steps() && line.fromDay(step + 1) <= days[d]) {
          step++;
        }
        if (step != cursor[l]) {
          cursor[l] = step;
          changed = true;
        }
      }
      if (changed) {
        inForce.clear();
        for (int l = 0; l < lineCount; l++) {
          if (cursor[l] >= 0) {
            inForce.add(lines.get(l).phase(cursor[l]));
          }
        }
        previous = CustomerState.of(inForce, ladder);
      }
      states[d] = previous;
    }
    return states;
  }
}
