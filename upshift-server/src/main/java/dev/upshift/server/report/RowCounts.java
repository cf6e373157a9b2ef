package dev.upshift.server.report;

import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputSummary;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PhaseTable;
import dev.upshift.io.csv.SubscriptionColumns;
import dev.upshift.store.DataRecord;
import java.util.EnumMap;
import java.util.Map;

/**
 * The row counts of the report's {@code input} section ({@link InputSummary}) as a sum over
 * customers, so that a changed customer's rows can be taken out and put back. A customer's rows are
 * its rows of lines (in the {@link PhaseTable}: billable, or ignored for their status or a zero
 * price) and the rows the reader sets aside (overage and one-time rows, which belong to no line);
 * the latter are counted from the stored records, by the same rule ({@link IgnoredReason#of}).
 * Element 0 counts billable rows, element {@code 1 + reason.ordinal()} the rows ignored for it.
 */
final class RowCounts {
  static final int SIZE = 1 + IgnoredReason.values().length;
  private static final IgnoredReason[] REASONS = IgnoredReason.values();

  private RowCounts() {}

  /** The counts of a table's rows (rows of lines). */
  static long[] ofTable(PhaseTable table) {
    long[] counts = new long[SIZE];
    for (int r = 0; r < table.size(); r++) {
      IgnoredReason reason =
          IgnoredReason.of(table.statusOf(r), table.kindOf(r), table.arrMicrosOf(r));
      counts[reason == null ? 0 : 1 + reason.ordinal()]++;
    }
    return counts;
  }

  /**
   * The reason a stored phase record is set aside by the reader (it belongs to no line), or
   * {@code null} for a row of a line. Stored records were checked when stored and their values
   * trimmed, so the cells parse.
   */
  static IgnoredReason setAside(DataRecord record) {
    String kindCell = cell(record, SubscriptionColumns.KIND);
    PhaseKind kind = kindCell == null ? PhaseKind.RECURRING
        : PhaseKind.parse(kindCell).orElseThrow(() -> unreadable(record, SubscriptionColumns.KIND));
    if (kind.belongsToLine()) {
      return null;
    }
    String statusCell = cell(record, SubscriptionColumns.STATUS);
    PhaseStatus status = statusCell == null ? PhaseStatus.ACTIVE
        : PhaseStatus.parse(statusCell)
            .orElseThrow(() -> unreadable(record, SubscriptionColumns.STATUS));
    return IgnoredReason.of(status, kind, 0);
  }

  /** A cell's text, {@code null} when empty (the reader's default applies). */
  private static String cell(DataRecord record, String column) {
    String cell = record.fields().get(column);
    return cell == null || cell.isBlank() ? null : cell;
  }

  private static IllegalStateException unreadable(DataRecord record, String column) {
    return new IllegalStateException("stored phase " + record.id() + " has an unreadable "
        + column);
  }

  /** Adds {@code sign ×} {@code part} to {@code total}. */
  static void add(long[] total, long[] part, int sign) {
    for (int i = 0; i < SIZE; i++) {
      total[i] += sign * part[i];
    }
  }

  /** The summary of these counts. */
  static InputSummary summary(long[] counts, long rejectedRows) {
    Map<IgnoredReason, Long> ignored = new EnumMap<>(IgnoredReason.class);
    long rows = counts[0] + rejectedRows;
    for (IgnoredReason reason : REASONS) {
      ignored.put(reason, counts[1 + reason.ordinal()]);
      rows += counts[1 + reason.ordinal()];
    }
    return new InputSummary(rows, counts[0], ignored, rejectedRows);
  }

  /** The counts of a summary (its rejected rows apart). */
  static long[] of(InputSummary summary) {
    long[] counts = new long[SIZE];
    counts[0] = summary.billableRows();
    for (IgnoredReason reason : REASONS) {
      counts[1 + reason.ordinal()] = summary.ignored(reason);
    }
    return counts;
  }
}
