package dev.upshift.io.csv;

import dev.upshift.input.PhaseTable;
import java.util.Arrays;

/**
 * The signature of inclusive end dates read as exclusive: among the phases of a line that end where
 * another phase of the line follows, most leave exactly one day before the next one starts. Every
 * renewal and amendment then reads as a one-day churn and a reactivation. The input is valid either
 * way, so this is a warning, never an error.
 *
 * @param followed explicitly ended phases of a line that a later phase of the line follows
 * @param touching of those, the ones whose next phase starts on their end date (§1.1)
 * @param oneDayGaps of those, the ones whose next phase starts the day after their end date
 */
public record EndDateGaps(long followed, long touching, long oneDayGaps) {
  /** Fewer one-day gaps than this never warn: two renewals a day apart are no pattern. */
  static final int MIN_GAPS = 3;

  /** Counts the gaps of every line of the table (each line's phases in start order). */
  public static EndDateGaps of(PhaseTable table) {
    PhaseTable.Grouping groups = table.byCustomer();
    long followed = 0;
    long touching = 0;
    long gaps = 0;
    int[] offsets = groups.offsets();
    for (int c = 0; c + 1 < offsets.length; c++) {
      int from = offsets[c];
      int to = offsets[c + 1];
      // Rows of one customer, sorted by (line, start): neighbours of one line follow each other.
      long[] keys = new long[to - from];
      for (int i = from; i < to; i++) {
        int row = groups.rows()[i];
        keys[i - from] = ((long) table.lineOf(row) << 32) | (table.startOf(row) & 0xFFFFFFFFL);
      }
      int[] rows = Arrays.copyOfRange(groups.rows(), from, to);
      Integer[] order = new Integer[rows.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(keys[a], keys[b]));
      for (int i = 0; i + 1 < order.length; i++) {
        int row = rows[order[i]];
        int next = rows[order[i + 1]];
        int end = table.endOf(row);
        if (table.lineOf(row) != table.lineOf(next) || end == PhaseTable.NONE) {
          continue;
        }
        followed++;
        int start = table.startOf(next);
        if (start == end) {
          touching++;
        } else if (start == end + 1) {
          gaps++;
        }
      }
    }
    return new EndDateGaps(followed, touching, gaps);
  }

  /** Whether most followed phases leave a one-day gap: the end dates are probably inclusive. */
  public boolean looksInclusive() {
    return oneDayGaps >= MIN_GAPS && oneDayGaps * 2 > followed;
  }

  /** The warning a person can act on, naming the counts. */
  public String warning() {
    return oneDayGaps + " of " + followed + " phases followed by another phase of their line end"
        + " one day before it starts: the end dates look inclusive (the last day in force). Read"
        + " as exclusive (SPEC 1.1), each gap is a one-day churn; if the export writes the last"
        + " day in force, give --end-dates inclusive (or end_dates: inclusive in upshift.yaml)";
  }
}
