package dev.upshift.input;

import java.util.stream.IntStream;

/**
 * Whether any two phases of one (customer, line) of a {@link PhaseTable} overlap, as {@link
 * SubscriptionLog} defines it, checked customer by customer on all cores: the check a table read
 * in parallel needs before it is trusted (SubscriptionLog admits rows one at a time instead).
 */
final class TableOverlaps {
  private TableOverlaps() {}

  static boolean any(PhaseTable table) {
    PhaseTable.Grouping groups = table.byCustomer();
    int customers = table.customerCount();
    int batch = 8192;
    return IntStream.range(0, (customers + batch - 1) / batch).parallel().anyMatch(b -> {
      int[] scratch = new int[64];
      for (int c = b * batch; c < Math.min(customers, (b + 1) * batch); c++) {
        int from = groups.offsets()[c];
        int count = groups.offsets()[c + 1] - from;
        if (scratch.length < count) {
          scratch = new int[count];
        }
        System.arraycopy(groups.rows(), from, scratch, 0, count);
        if (overlapIn(table, scratch, count)) {
          return true;
        }
      }
      return false;
    });
  }

  /**
   * Sorted by (line, start), phases of a line overlap exactly when two neighbours do: the same
   * start, or an explicit end after the next start. (Checking neighbours in sorted order finds
   * the same as admitting rows one by one in input order when nothing overlaps.)
   */
  private static boolean overlapIn(PhaseTable table, int[] rows, int count) {
    if (count <= 32) {
      for (int i = 1; i < count; i++) {
        int r = rows[i];
        int j = i - 1;
        while (j >= 0 && compare(table, rows[j], r) > 0) {
          rows[j + 1] = rows[j];
          j--;
        }
        rows[j + 1] = r;
      }
    } else {
      Integer[] boxed = new Integer[count];
      for (int i = 0; i < count; i++) {
        boxed[i] = rows[i];
      }
      java.util.Arrays.sort(boxed, (a, b) -> compare(table, a, b));
      for (int i = 0; i < count; i++) {
        rows[i] = boxed[i];
      }
    }
    for (int i = 1; i < count; i++) {
      int a = rows[i - 1];
      int b = rows[i];
      if (table.lineOf(a) != table.lineOf(b)) {
        continue;
      }
      int end = table.endOf(a);
      if (table.startOf(a) == table.startOf(b) || (end != PhaseTable.NONE && end > table.startOf(b))) {
        return true;
      }
    }
    return false;
  }

  private static int compare(PhaseTable table, int a, int b) {
    int byLine = Integer.compare(table.lineOf(a), table.lineOf(b));
    return byLine != 0 ? byLine : Integer.compare(table.startOf(a), table.startOf(b));
  }
}
