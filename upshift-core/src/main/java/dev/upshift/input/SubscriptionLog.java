package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Collects parsed subscription rows in input order and checks the one rule that needs several rows:
 * phases of one (customer, line) must not overlap (§1.1).
 *
 * <p>Rows are admitted in input order. A row that overlaps a row admitted before it is the one in
 * error (§10: "reported at the later row in file order, column {@code start_date}, naming the earlier
 * row's line"); under {@code --on-error skip} it is the one dropped, and later rows are checked
 * against the rows kept. An open-ended phase never overlaps: it ends where the next phase of its
 * line starts. Two phases of a line starting on the same day do overlap: both would be in force on
 * that day.
 */
public final class SubscriptionLog {
  private final String file;
  private final LongFunction<String> rowAt;
  private final List<Phase> rows = new ArrayList<>();

  public SubscriptionLog(String file) {
    this(file, line -> "on line " + line);
  }

  /**
   * @param rowAt how a message names the row on a line, with its preposition: {@code "on line 17"}
   *     for a file; the service names its records by id instead ({@code "in record \"p-17\""})
   */
  public SubscriptionLog(String file, LongFunction<String> rowAt) {
    this.file = requireNonNull(file, "file is null");
    this.rowAt = requireNonNull(rowAt, "rowAt is null");
  }

  /** Adds a row that passed its own checks, in input order. */
  public void add(Phase phase) {
    rows.add(requireNonNull(phase, "phase is null"));
  }

  public int size() {
    return rows.size();
  }

  /** The outcome of the overlap check: rows kept and the errors of the rows not kept. */
  public record Checked(List<Phase> kept, List<Rejected> rejected) {
    public Checked {
      kept = List.copyOf(kept);
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * A row dropped by the overlap check, with the error that names it and the earlier row it
   * overlaps (whose line the error names).
   */
  public record Rejected(Phase phase, InputError error, Phase earlier) {}

  /** Checks every line for overlaps. */
  public Checked check() {
    Map<LineKey, TreeMap<LocalDate, Phase>> admitted = new HashMap<>();
    List<Phase> kept = new ArrayList<>(rows.size());
    List<Rejected> rejected = new ArrayList<>();
    for (Phase row : rows) {
      if (!row.belongsToLine()) {
        kept.add(row);
        continue;
      }
      TreeMap<LocalDate, Phase> line =
          admitted.computeIfAbsent(new LineKey(row.customerId(), row.lineId()), k -> new TreeMap<>());
      Optional<Phase> earlier = overlapping(line, row);
      if (earlier.isPresent()) {
        rejected.add(new Rejected(row, overlapError(row, earlier.get()), earlier.get()));
      } else {
        line.put(row.start(), row);
        kept.add(row);
      }
    }
    return new Checked(kept, rejected);
  }

  private static Optional<Phase> overlapping(TreeMap<LocalDate, Phase> line, Phase row) {
    Phase sameStart = line.get(row.start());
    if (sameStart != null) {
      return Optional.of(sameStart);
    }
    Map.Entry<LocalDate, Phase> before = line.lowerEntry(row.start());
    if (before != null && before.getValue().end() != null
        && before.getValue().end().isAfter(row.start())) {
      return Optional.of(before.getValue());
    }
    Map.Entry<LocalDate, Phase> after = line.higherEntry(row.start());
    if (after != null && row.end() != null && row.end().isAfter(after.getKey())) {
      return Optional.of(after.getValue());
    }
    return Optional.empty();
  }

  private InputError overlapError(Phase row, Phase earlier) {
    String span = earlier.start() + (earlier.end() == null ? " (open-ended)" : " to " + earlier.end());
    String reason = "phase starting " + row.start()
        + (row.end() == null ? "" : " and ending " + row.end())
        + " overlaps the phase " + rowAt.apply(earlier.line()) + " (" + span + ") of customer \""
        + row.customerId() + "\", line \"" + row.lineId() + "\"";
    return new InputError(file, row.line(), "start_date", InputErrorCode.OVERLAP, reason);
  }

  /** Counts rows by billability: the summary of a set of kept rows plus those rejected. */
  public static InputSummary summarise(List<Phase> kept, long rejectedRows) {
    long billable = 0;
    Map<IgnoredReason, Long> ignored = new EnumMap<>(IgnoredReason.class);
    for (Phase phase : kept) {
      Optional<IgnoredReason> reason = phase.ignoredReason();
      if (reason.isPresent()) {
        ignored.merge(reason.get(), 1L, Long::sum);
      } else {
        billable++;
      }
    }
    return new InputSummary(kept.size() + rejectedRows, billable, ignored, rejectedRows);
  }

  private record LineKey(String customerId, String lineId) {}
}
