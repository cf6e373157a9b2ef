package dev.upshift.metric;

import dev.upshift.input.HealthScores;
import dev.upshift.input.PhaseTable;
import dev.upshift.segment.Dimension;
import dev.upshift.state.TierLadder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * What the kernel looks up by the indexes of one {@link PhaseTable}, resolved once per table from
 * the report's global facts: each row's tier and each product's top tier (from the dataset-wide
 * {@link TierLadder}, by name, so that any part of a dataset gets the same tiers as the whole), the
 * natural order of line ids and product names (ties are broken by it, so it depends on the strings
 * alone, never on where a table put them), and the values of static segment dimensions.
 * Immutable once built; shared by every kernel working on the table.
 *
 * @param staticValues per {@code --by} dimension, the value of every customer of the table when the
 *     dimension is static (a {@code customers.csv} column), else {@code null}
 * @param staticWhereValues the {@code --where} dimension's value of every customer when it is static,
 *     else {@code null}
 * @param health every customer's health scores ({@code null} entries for none), when a dimension
 *     reads them, else {@code null}: looked up in one pass, like the static values
 */
record TableFacts(PhaseTable table, int[] rowTier, int[] productTop, int[] lineRank,
    int[] productRank, String[][] staticValues, String[] staticWhereValues,
    HealthScores.Series[] health) {

  static TableFacts of(PhaseTable table, TierLadder ladder, List<Dimension> dimensions,
      Dimension whereDimension, HealthScores health) {
    int[] productTop = new int[table.productCount()];
    for (int p = 0; p < productTop.length; p++) {
      productTop[p] = ladder.topTierOf(table.productName(p));
    }
    return new TableFacts(table, ladder.tiersOf(table), productTop,
        ranks(table.lineCount(), table::lineId), ranks(table.productCount(), table::productName),
        dimensions.stream().map(d -> staticValuesOf(d, table)).toArray(String[][]::new),
        whereDimension == null ? null : staticValuesOf(whereDimension, table),
        readsHealth(dimensions, whereDimension) && !health.isEmpty() ? healthOf(health, table)
            : null);
  }

  private static boolean readsHealth(List<Dimension> dimensions, Dimension whereDimension) {
    return dimensions.stream().anyMatch(d -> d.name().equals(HEALTH))
        || whereDimension != null && whereDimension.name().equals(HEALTH);
  }

  private static final String HEALTH = "health";

  private static HealthScores.Series[] healthOf(HealthScores health, PhaseTable table) {
    HealthScores.Series[] series = new HealthScores.Series[table.customerCount()];
    IntStream.range(0, series.length).parallel()
        .forEach(c -> series[c] = health.series(table.customerId(c)));
    return series;
  }

  /**
   * A static dimension's value of every customer of the table, by customer index; {@code null}
   * for a dimension that varies by period. Looked up here in one tight loop, in table order, a
   * million lookups cost a fraction of what they cost one by one between the kernel's
   * per-customer work, which pushed the attributes out of the cache each time. Equal values share
   * one string (a dimension has few values; the lookups make a string each).
   */
  private static String[] staticValuesOf(Dimension dimension, PhaseTable table) {
    if (dimension.varies()) {
      return null;
    }
    String[] values = new String[table.customerCount()];
    Map<String, String> shared = new ConcurrentHashMap<>();
    IntStream.range(0, values.length).parallel().forEach(c -> {
      String value = dimension.valueOf(table.customerId(c), null);
      String known = shared.putIfAbsent(value, value);
      values[c] = known == null ? value : known;
    });
    return values;
  }

  /** The rank of each dictionary string in natural order. */
  private static int[] ranks(int count, IntFunction<String> value) {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> value.apply(a).compareTo(value.apply(b)));
    int[] rank = new int[count];
    for (int i = 0; i < count; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }
}
