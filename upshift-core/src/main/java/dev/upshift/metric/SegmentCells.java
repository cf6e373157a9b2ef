package dev.upshift.metric;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker's period totals by cell: one cell per combination of segment values that occurs
 * (with {@code --by tenure,channel}, tenure {@code 0-6} and channel {@code sales} is one cell).
 * {@link CustomerKernel} adds each row once, to its cell, instead of once to the overall totals and
 * once per dimension; {@link #addTo} then sums each cell into the overall totals and into the
 * totals of each of its values. The result is exact and the same: every figure is a sum, and the
 * cells partition the rows (a customer has one value per dimension in a period). With two
 * dimensions this is a third of the additions, which were most of what segments cost.
 *
 * <p>Dimensions with many values would make many cells that hold memory and save nothing, so past
 * {@link #MAX_CELLS} the kernel sums the cells into the totals early and starts again; and a cell
 * holds totals only for the periods it was given rows for. Not thread-safe: one per kernel.
 */
final class SegmentCells {
  /** Cells held before they are summed into the totals: a few hundred kilobytes at most. */
  static final int MAX_CELLS = 256;

  private final List<String> dimensions;
  private final int periodCount;
  /** Totals by segment values (one per dimension, in {@link #dimensions} order), then by period. */
  private final Map<List<String>, PeriodTotals[]> cells = new HashMap<>();
  /** The values of the cell last looked up: consecutive rows mostly fall in the same cell. */
  private final String[] lastValues;
  private PeriodTotals[] lastCell;

  /** @param dimensions the names of the {@code --by} dimensions */
  SegmentCells(List<String> dimensions, int periodCount) {
    this.dimensions = List.copyOf(dimensions);
    this.periodCount = periodCount;
    this.lastValues = new String[dimensions.size()];
  }

  /**
   * The totals of one period of the cell of {@code values} (one per dimension; read, not kept),
   * created on first use.
   */
  PeriodTotals totalsOf(String[] values, int period) {
    if (lastCell == null || !Arrays.equals(values, lastValues)) {
      lastCell = cells.computeIfAbsent(List.of(values), v -> new PeriodTotals[periodCount]);
      System.arraycopy(values, 0, lastValues, 0, values.length);
    }
    PeriodTotals totals = lastCell[period];
    if (totals == null) {
      totals = new PeriodTotals();
      lastCell[period] = totals;
    }
    return totals;
  }

  /** Whether the cells should be summed into the totals before more are made. */
  boolean isFull() {
    return cells.size() >= MAX_CELLS;
  }

  /** Adds every cell to the overall totals and to its values' totals, and empties the cells. */
  void addTo(MetricTotals totals) {
    cells.forEach((values, byPeriod) -> {
      for (int d = 0; d < dimensions.size(); d++) {
        PeriodTotals[] segment = totals.segmentTotals(dimensions.get(d), values.get(d));
        for (int i = 0; i < periodCount; i++) {
          if (byPeriod[i] != null) {
            segment[i].merge(byPeriod[i]);
          }
        }
      }
      for (int i = 0; i < periodCount; i++) {
        if (byPeriod[i] != null) {
          totals.addOverall(i, byPeriod[i]);
        }
      }
    });
    cells.clear();
    lastCell = null;
  }
}
