package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.DataFacts;
import dev.upshift.input.PhaseTable;
import dev.upshift.input.PlanCatalog;
import dev.upshift.state.TierLadder;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@link DataFacts} of a changing set of phases, kept as counts so that phases can leave as
 * well as join: how many rows start on each day, name each last day, and carry each known tier of
 * each product. A maximum or minimum is the highest or lowest key still counted, so a retracted
 * phase that held the top tier or the first day gives the fact back to the next one. Not
 * thread-safe; its owner locks.
 */
final class FactCounts {
  private final TierLadder catalogTiers;
  private final TreeMap<Integer, Long> starts = new TreeMap<>();
  private final TreeMap<Integer, Long> lasts = new TreeMap<>();
  private final Map<String, TreeMap<Integer, Long>> tiers = new HashMap<>();

  /** @param catalog plans.csv, for the tiers of rows that name a plan but no tier */
  FactCounts(PlanCatalog catalog) {
    // A ladder without seen tops resolves each row's tier from its cell or the catalog alone,
    // exactly as DataFacts does before it takes the maximum.
    this.catalogTiers = TierLadder.of(requireNonNull(catalog, "catalog is null"), Map.of());
  }

  /** Counts the rows of {@code table} in ({@code sign} 1) or out ({@code sign} -1). */
  void add(PhaseTable table, int sign) {
    int size = table.size();
    if (size == 0) {
      return;
    }
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int r = 0; r < size; r++) {
      min = Math.min(min, table.startOf(r));
      max = Math.max(max, last(table, r));
    }
    // Days fall in a few thousand; counted in arrays first, a million rows cost no boxing each.
    long[] startCounts = new long[max - min + 1];
    long[] lastCounts = new long[max - min + 1];
    for (int r = 0; r < size; r++) {
      startCounts[table.startOf(r) - min]++;
      lastCounts[last(table, r) - min]++;
    }
    for (int d = 0; d < startCounts.length; d++) {
      bump(starts, min + d, sign * startCounts[d]);
      bump(lasts, min + d, sign * lastCounts[d]);
    }
    int[] rowTiers = catalogTiers.tiersOf(table);
    Map<Long, long[]> byProductTier = new HashMap<>();
    for (int r = 0; r < size; r++) {
      if (rowTiers[r] != PhaseTable.NONE) {
        long key = ((long) table.productOf(r) << 32) | (rowTiers[r] & 0xffffffffL);
        byProductTier.computeIfAbsent(key, k -> new long[1])[0]++;
      }
    }
    byProductTier.forEach((key, count) -> bump(
        tiers.computeIfAbsent(table.productName((int) (key >>> 32)), p -> new TreeMap<>()),
        (int) (long) key, sign * count[0]));
    tiers.values().removeIf(TreeMap::isEmpty);
  }

  /** An open-ended phase reaches as far as its start; a closed one to its end (DataFacts). */
  private static int last(PhaseTable table, int r) {
    int start = table.startOf(r);
    int end = table.endOf(r);
    return end != PhaseTable.NONE && end > start ? end : start;
  }

  private static void bump(TreeMap<Integer, Long> counts, int key, long by) {
    if (by == 0) {
      return;
    }
    long now = counts.getOrDefault(key, 0L) + by;
    if (now < 0) {
      throw new IllegalStateException("a fact counted out more often than in: " + key);
    }
    if (now == 0) {
      counts.remove(key);
    } else {
      counts.put(key, now);
    }
  }

  /** The facts of the rows counted in now. */
  DataFacts facts() {
    Map<String, Integer> tops = new HashMap<>();
    tiers.forEach((product, counts) -> tops.put(product, counts.lastKey()));
    return starts.isEmpty() ? DataFacts.of(tops, Integer.MAX_VALUE, Integer.MIN_VALUE)
        : DataFacts.of(tops, starts.firstKey(), lasts.lastKey());
  }
}
