package dev.upshift.state;

import dev.upshift.input.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which phase of one subscription line is in force, day by day, in one book: a step function given
 * as the days on which it changes and the phase in force from each of them ({@code null}: none).
 * Immutable.
 *
 * <p>Both books reduce to this shape, so everything downstream of state is book-agnostic:
 * <ul>
 *   <li><b>Live</b> (§2.3): a phase is in force from its start until its end, or until the next phase
 *       of the line starts when it is open-ended. An explicit end with a gap before the next phase
 *       leaves the line empty in between.
 *   <li><b>Contracted</b>: on day {@code d} the line is in the state of whichever phase or ending,
 *       among those signed on or before {@code d}, has the latest effective date (ties: latest
 *       signed, then latest in input order). An end date on which another phase of the line starts
 *       is a boundary between phases, not an ending. The state therefore changes only on signing
 *       days.
 * </ul>
 */
final class LineTimeline {
  private final int[] fromDays;
  private final Phase[] phases;

  private LineTimeline(int[] fromDays, Phase[] phases) {
    this.fromDays = fromDays;
    this.phases = phases;
  }

  /** Number of steps. */
  int steps() {
    return fromDays.length;
  }

  /** The first day of step {@code i}. */
  int fromDay(int i) {
    return fromDays[i];
  }

  /** The phase in force during step {@code i}, or {@code null}. */
  Phase phase(int i) {
    return phases[i];
  }

  /** Builds the timeline of one line's phases (non-overlapping, any order) in a book. */
  static LineTimeline of(List<Phase> linePhases, Book book) {
    List<Phase> byStart = new ArrayList<>(linePhases);
    byStart.sort(Comparator.comparing(Phase::start));
    return book == Book.LIVE ? live(byStart) : contracted(byStart);
  }

  private static LineTimeline live(List<Phase> byStart) {
    Steps steps = new Steps(byStart.size() * 2);
    for (int i = 0; i < byStart.size(); i++) {
      Phase phase = byStart.get(i);
      steps.add(day(phase.start()), phase);
      boolean followedAtEnd = i + 1 < byStart.size() && phase.end() != null
          && byStart.get(i + 1).start().equals(phase.end());
      if (phase.end() != null && !followedAtEnd) {
        steps.add(day(phase.end()), null);
      }
    }
    return steps.build();
  }

  /** A phase taking effect, or a line ending ({@code phase == null}), and when it was signed. */
  private record Event(int effective, int signed, int inputOrder, Phase phase) {}

  private static final Comparator<Event> PRECEDENCE = Comparator.comparingInt(Event::effective)
      .thenComparingInt(Event::signed).thenComparingInt(Event::inputOrder);

  private static LineTimeline contracted(List<Phase> byStart) {
    List<Event> events = new ArrayList<>(byStart.size() * 2);
    for (int i = 0; i < byStart.size(); i++) {
      Phase phase = byStart.get(i);
      events.add(new Event(day(phase.start()), day(phase.signed()), phase.line(), phase));
      boolean boundary = i + 1 < byStart.size() && phase.end() != null
          && byStart.get(i + 1).start().equals(phase.end());
      if (phase.end() != null && !boundary) {
        events.add(new Event(day(phase.end()), day(phase.cancelSigned()), phase.line(), null));
      }
    }
    events.sort(Comparator.comparingInt(Event::signed));
    Steps steps = new Steps(events.size());
    Event best = null;
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      if (best == null || PRECEDENCE.compare(event, best) > 0) {
        best = event;
      }
      boolean lastOfDay = i + 1 == events.size() || events.get(i + 1).signed() != event.signed();
      if (lastOfDay) {
        steps.add(event.signed(), best.phase());
      }
    }
    return steps.build();
  }

  private static int day(java.time.LocalDate date) {
    return Math.toIntExact(date.toEpochDay());
  }

  /** Collects steps, merging a step into the previous one when the phase does not change. */
  private static final class Steps {
    private final int[] days;
    private final Phase[] phases;
    private int size;

    Steps(int capacity) {
      days = new int[capacity];
      phases = new Phase[capacity];
    }

    void add(int day, Phase phase) {
      if (size > 0 && days[size - 1] == day) {
        phases[size - 1] = phase; // a later step on the same day replaces it
        if (size > 1 && phases[size - 2] == phase) {
          size--;
        }
        return;
      }
      if (size > 0 && phases[size - 1] == phase) {
        return;
      }
      if (size == 0 && phase == null) {
        return;
      }
      days[size] = day;
      phases[size] = phase;
      size++;
    }

    LineTimeline build() {
      return new LineTimeline(java.util.Arrays.copyOf(days, size), java.util.Arrays.copyOf(phases, size));
    }
  }
}
