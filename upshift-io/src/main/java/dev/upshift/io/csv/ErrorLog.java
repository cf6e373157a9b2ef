package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.ToIntFunction;

/**
 * Counts every error and keeps the first {@value #LISTED} in (file, line) order, so a file with a
 * million bad rows costs a counter, not a million messages. Not thread-safe.
 */
final class ErrorLog {
  /** How many errors are listed; the rest are only counted (§1.3: "the first 100 and a count"). */
  static final int LISTED = 100;

  private record Entry(InputError error, int fileRank, long sequence) {}

  private final Comparator<Entry> order;
  private final ToIntFunction<String> fileRank;
  /** The kept entries, the last in order on top, so it is the one displaced by an earlier error. */
  private final PriorityQueue<Entry> kept;
  private long total;

  /** @param fileRank the position of a file (by its display name) in the sort order */
  ErrorLog(ToIntFunction<String> fileRank) {
    this.fileRank = requireNonNull(fileRank, "fileRank is null");
    this.order = Comparator.comparingInt(Entry::fileRank)
        .thenComparingLong(entry -> entry.error().line())
        .thenComparingLong(Entry::sequence);
    this.kept = new PriorityQueue<>(order.reversed());
  }

  void add(InputError error) {
    Entry entry = new Entry(error, fileRank.applyAsInt(error.file()), total++);
    if (kept.size() < LISTED) {
      kept.add(entry);
    } else if (order.compare(entry, kept.peek()) < 0) {
      kept.poll();
      kept.add(entry);
    }
  }

  void addAll(Collection<InputError> errors) {
    errors.forEach(this::add);
  }

  /** How many errors were added. */
  long total() {
    return total;
  }

  /** The first errors in (file, line) order; errors of one line in the order added. */
  List<InputError> listed() {
    List<Entry> sorted = new ArrayList<>(kept);
    sorted.sort(order);
    return sorted.stream().map(Entry::error).toList();
  }
}
