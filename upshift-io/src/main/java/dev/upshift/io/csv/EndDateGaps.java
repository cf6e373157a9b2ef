package dev.upshift.io.csv;

import dev.upshift.input.PhaseTable;
import java.util.Arrays;
import java.util.stream.IntStream;

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

  /** Customers counted per task: the count runs beside every report, so it must cost little. */
  private static final int BATCH = 8192;

  /** Counts the gaps of every line of the table (each line's phases in start order). */
  public static EndDateGaps of(PhaseTable table) {
    PhaseTable.Grouping groups = table.byCustomer();
    int customers = groups.offsets().length - 1;
    return IntStream.range(0, (customers + BATCH - 1) / BATCH).parallel()
        .mapToObj(b -> new Counter(table, groups).count(b * BATCH,
            Math.min(customers, (b + 1) * BATCH)))
        .reduce(new EndDateGaps(0, 0, 0), (x, y) -> new EndDateGaps(x.followed + y.followed,
            x.touching + y.touching, x.oneDayGaps + y.oneDayGaps));
  }

  /** Counts the customers of one batch, with buffers reused from customer to customer. */
  private static final class Counter {
    private final PhaseTable table;
    private final PhaseTable.Grouping groups;
    private long[] keys = new long[64];
    private int[] order = new int[64];

    Counter(PhaseTable table, PhaseTable.Grouping groups) {
      this.table = table;
      this.groups = groups;
    }

    EndDateGaps count(int firstCustomer, int endCustomer) {
      long followed = 0;
      long touching = 0;
      long gaps = 0;
      int[] offsets = groups.offsets();
      int[] rows = groups.rows();
      for (int c = firstCustomer; c < endCustomer; c++) {
        int from = offsets[c];
        int n = offsets[c + 1] - from;
        sortByLineThenStart(rows, from, n);
        // Neighbours of one line now follow each other in start order.
        for (int i = 0; i + 1 < n; i++) {
          int row = rows[from + order[i]];
          int next = rows[from + order[i + 1]];
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

    /**
     * Fills {@code order[0..n)} with the customer's row positions sorted by (line, start):
     * insertion sort, as a customer has a handful of rows; a long history falls back to a
     * library sort.
     */
    private void sortByLineThenStart(int[] rows, int from, int n) {
      if (keys.length < n) {
        keys = new long[Math.max(n, keys.length * 2)];
        order = new int[keys.length];
      }
      for (int i = 0; i < n; i++) {
        int row = rows[from + i];
        keys[i] = ((long) table.lineOf(row) << 32) | (table.startOf(row) & 0xFFFFFFFFL);
        order[i] = i;
      }
      if (n <= 32) {
        for (int i = 1; i < n; i++) {
          int moving = order[i];
          long key = keys[moving];
          int j = i - 1;
          while (j >= 0 && keys[order[j]] > key) {
            order[j + 1] = order[j];
            j--;
          }
          order[j + 1] = moving;
        }
        return;
      }
      Integer[] boxed = new Integer[n];
      for (int i = 0; i < n; i++) {
        boxed[i] = i;
      }
      long[] k = keys;
      Arrays.sort(boxed, (a, b) -> Long.compare(k[a], k[b]));
      for (int i = 0; i < n; i++) {
        order[i] = boxed[i];
      }
    }
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
