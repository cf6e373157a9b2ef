package dev.upshift.io.csv;

import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputSummary;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PhaseTable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a fast path has read and is sure of, for one part of a file: the strict reader's last
 * rules for a row whose cells are read (an end after the start, the cancellation day defaulting
 * to the end), its counts (billable, or ignored and why), and the table of the phases of lines.
 * Shared by the CSV fast path ({@link FastRowParser}) and the Parquet one, so both count and keep
 * rows alike. Not thread-safe: one per part.
 */
public final class CleanRows {
  private final PhaseTable.Builder table;
  private long rows;
  private long billable;
  private final long[] ignored = new long[IgnoredReason.values().length];

  /** A part of about {@code expectedRows} rows. */
  public CleanRows(int expectedRows) {
    this(PhaseTable.builder(expectedRows));
  }

  /** A part whose phases go to {@code table}: its own, or its part of a {@link PhaseTable.Parts}. */
  public CleanRows(PhaseTable.Builder table) {
    this.table = table;
  }

  /** Phases of lines and the input summary of a whole file. */
  public record Joined(PhaseTable table, InputSummary summary) {}

  /**
   * Adds a row whose cells are read and valid, with the defaults of empty cells applied except
   * for {@code cancelSigned}.
   *
   * @param end the end day or {@link PhaseTable#NONE}
   * @param cancelSigned the day the ending was signed, or {@link PhaseTable#NONE}: it defaults to
   *     the end, and is dropped without one
   * @return false, adding nothing, when the end is not after the start (the strict reader words
   *     that error)
   */
  public boolean add(String customerId, String lineId, String product, String plan, int tier,
      int seats, long arrMicros, int start, int end, int signed, int cancelSigned,
      PhaseStatus status, PhaseKind kind, int sourceLine) {
    if (end != PhaseTable.NONE && end <= start) {
      return false;
    }
    int endSigned = end == PhaseTable.NONE ? PhaseTable.NONE
        : cancelSigned == PhaseTable.NONE ? end : cancelSigned;
    rows++;
    IgnoredReason reason = IgnoredReason.of(status, kind, arrMicros);
    if (reason == null) {
      billable++;
    } else {
      ignored[reason.ordinal()]++;
    }
    if (kind.belongsToLine()) {
      table.add(customerId, lineId, product, plan, tier, seats, arrMicros, start, end, signed,
          endSigned, status, kind, sourceLine);
    }
    return true;
  }

  /**
   * The parts of a file, read in parallel, as one: tables one after the other, {@code
   * lineOffsets[i]} added to the source lines of part {@code i}, and counts summed. The parts must
   * not be used afterwards.
   *
   * @throws ArithmeticException when a line number overflows
   */
  public static Joined join(List<CleanRows> parts, int[] lineOffsets) {
    List<PhaseTable> tables = new ArrayList<>(parts.size());
    for (CleanRows part : parts) {
      tables.add(part.table.build());
    }
    return new Joined(PhaseTable.concat(tables, lineOffsets), summary(parts));
  }

  /**
   * The parts of a file, read in parallel into the parts of {@code table}, as one. The parts must
   * not be used afterwards.
   */
  public static Joined join(List<CleanRows> parts, PhaseTable.Parts table) {
    return new Joined(table.build(), summary(parts));
  }

  private static InputSummary summary(List<CleanRows> parts) {
    long rows = 0;
    long billable = 0;
    Map<IgnoredReason, Long> ignored = new EnumMap<>(IgnoredReason.class);
    for (CleanRows part : parts) {
      rows += part.rows;
      billable += part.billable;
      for (IgnoredReason reason : IgnoredReason.values()) {
        ignored.merge(reason, part.ignored[reason.ordinal()], Long::sum);
      }
    }
    return new InputSummary(rows, billable, ignored, 0);
  }
}
