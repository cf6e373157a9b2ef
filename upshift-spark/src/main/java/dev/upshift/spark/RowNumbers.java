package dev.upshift.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The row number of a scanned row within its file, the first data row being 1: the rows of the
 * file's splits before its own, plus its place within its split. Computed by one aggregation over
 * the scan (per file split: the first position and the count) and only when an error must name a
 * row. A CSV row number counts records, so it is the physical line minus one when the file has no
 * blank lines and no line breaks inside quoted cells. Immutable and serialisable; small (one entry
 * per file split).
 */
final class RowNumbers implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Per file: split starts ascending, each split's first position, rows before each split. */
  private final Map<String, long[][]> splits;

  private RowNumbers(Map<String, long[][]> splits) {
    this.splits = splits;
  }

  /** Counts the rows of every split of {@code scan} (a frame of {@link PhaseScan}). */
  static RowNumbers of(Dataset<Row> scan) {
    List<Row> stats = scan.groupBy(col(ScanLayout.SOURCE), col(ScanLayout.BLOCK))
        .agg(min(col(ScanLayout.POSITION)), count(lit(1)))
        .collectAsList();
    Map<String, List<long[]>> bySource = new HashMap<>();
    for (Row row : stats) {
      bySource.computeIfAbsent(row.getString(0), s -> new ArrayList<>())
          .add(new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
    }
    Map<String, long[][]> splits = new HashMap<>();
    bySource.forEach((source, list) -> {
      list.sort((a, b) -> Long.compare(a[0], b[0]));
      long[][] table = new long[3][list.size()];
      long before = 0;
      for (int i = 0; i < list.size(); i++) {
        table[0][i] = list.get(i)[0];
        table[1][i] = list.get(i)[1];
        table[2][i] = before;
        before += list.get(i)[2];
      }
      splits.put(source, table);
    });
    return new RowNumbers(splits);
  }

  /** The 1-based row number of the row at {@code position} of split {@code block} of a file. */
  long row(String source, long block, long position) {
    long[][] table = splits.get(source);
    int split = table == null ? -1 : Arrays.binarySearch(table[0], block);
    if (split < 0) {
      throw new IllegalStateException("no split " + block + " of " + source
          + " in the row count: the input changed while the job ran");
    }
    return table[2][split] + (position - table[1][split]) + 1;
  }
}
