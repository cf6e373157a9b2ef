package dev.upshift.reference;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Phase;
import dev.upshift.state.Book;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which phase of each subscription line is in force on a day, in the live or the contracted book
 * (§2.3), found by scanning every phase of the customer each time. Deliberately slow and literal.
 */
final class NaiveBook {
  private final Book book;
  /** Every line phase of each customer, in input order. */
  private final Map<String, List<Phase>> phasesByCustomer = new LinkedHashMap<>();

  NaiveBook(Book book, List<Phase> phases) {
    this.book = requireNonNull(book, "book is null");
    for (Phase phase : phases) {
      phasesByCustomer.computeIfAbsent(phase.customerId(), c -> new ArrayList<>()).add(phase);
    }
  }

  /** Customer ids in order of first appearance. */
  List<String> customers() {
    return List.copyOf(phasesByCustomer.keySet());
  }

  List<Phase> phasesOf(String customerId) {
    return phasesByCustomer.getOrDefault(customerId, List.of());
  }

  /**
   * The phase in force on each line of the customer at the end of day {@code d}, billable or not
   * (at most one per line; lines with nothing in force are absent).
   */
  List<Phase> inForce(String customerId, LocalDate d) {
    List<Phase> all = phasesOf(customerId);
    List<Phase> result = new ArrayList<>();
    if (book == Book.LIVE) {
      for (Phase phase : all) {
        LocalDate end = effectiveEnd(phase, all);
        if (!phase.start().isAfter(d) && (end == null || d.isBefore(end))) {
          result.add(phase);
        }
      }
      return result;
    }
    for (String lineId : lineIds(all)) {
      Phase chosen = contractedPhase(lineId, all, d);
      if (chosen != null) {
        result.add(chosen);
      }
    }
    return result;
  }

  /**
   * The days on which this customer's state can change: in the live book starts and effective ends,
   * in the contracted book signing and notice days. State is constant between two such days.
   */
  TreeSet<LocalDate> changeDays(String customerId) {
    List<Phase> all = phasesOf(customerId);
    TreeSet<LocalDate> days = new TreeSet<>();
    for (Phase phase : all) {
      days.add(phase.start());
      days.add(phase.signed());
      LocalDate end = effectiveEnd(phase, all);
      if (end != null) {
        days.add(end);
      }
      if (phase.cancelSigned() != null) {
        days.add(phase.cancelSigned());
      }
    }
    return days;
  }

  /**
   * The first day a phase is no longer in force: its {@code end_date}, else the start of the next
   * phase of its line, else {@code null} (open-ended).
   */
  static LocalDate effectiveEnd(Phase phase, List<Phase> customerPhases) {
    if (phase.end() != null) {
      return phase.end();
    }
    LocalDate next = null;
    for (Phase other : customerPhases) {
      if (other.lineId().equals(phase.lineId()) && other.start().isAfter(phase.start())
          && (next == null || other.start().isBefore(next))) {
        next = other.start();
      }
    }
    return next;
  }

  private static List<String> lineIds(List<Phase> phases) {
    List<String> ids = new ArrayList<>();
    for (Phase phase : phases) {
      if (!ids.contains(phase.lineId())) {
        ids.add(phase.lineId());
      }
    }
    return ids;
  }

  /** One signed fact of a line: a phase starting, or the line ending ({@code phase == null}). */
  private record Event(LocalDate effective, LocalDate signed, int inputOrder, Phase phase) {}

  private static final Comparator<Event> LATEST = Comparator.comparing(Event::effective)
      .thenComparing(Event::signed)
      .thenComparingInt(Event::inputOrder);

  /**
   * §2.3 contracted book: among the phases and endings of the line signed on or before {@code d},
   * the one with the latest effective date (ties: latest signed, then latest input order). An
   * {@code end_date} on which another phase of the line starts is a boundary, not an ending.
   */
  private static Phase contractedPhase(String lineId, List<Phase> all, LocalDate d) {
    List<Phase> line = all.stream().filter(p -> p.lineId().equals(lineId)).toList();
    List<Event> events = new ArrayList<>();
    for (Phase phase : line) {
      if (!phase.signed().isAfter(d)) {
        events.add(new Event(phase.start(), phase.signed(), phase.line(), phase));
      }
      if (phase.end() != null && !phase.cancelSigned().isAfter(d)) {
        boolean boundary = line.stream().anyMatch(other -> other.start().equals(phase.end()));
        if (!boundary) {
          events.add(new Event(phase.end(), phase.cancelSigned(), phase.line(), null));
        }
      }
    }
    Event latest = null;
    for (Event event : events) {
      if (latest == null || LATEST.compare(event, latest) > 0) {
        latest = event;
      }
    }
    return latest == null ? null : latest.phase();
  }
}
