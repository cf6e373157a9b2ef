package dev.upshift;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.PhaseTable;
import dev.upshift.input.PlanCatalog;
import dev.upshift.state.TierLadder;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What a report's context takes from the phases themselves, as opposed to the options and the
 * small files: the highest tier seen on any row of each product (§10: the top tier when plans.csv
 * does not rank the product) and the first and last day of the data (the default range). Gathered
 * from any part of the phases and merged with {@link #plus}, so that a dataset spread over
 * machines gets the facts of the whole without being brought together. Immutable and serialisable.
 */
public final class DataFacts implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final DataFacts EMPTY = new DataFacts(Map.of(), Integer.MAX_VALUE, Integer.MIN_VALUE);

  private final Map<String, Integer> seenTops;
  private final int earliestDay;
  private final int latestDay;

  private DataFacts(Map<String, Integer> seenTops, int earliestDay, int latestDay) {
    this.seenTops = Map.copyOf(seenTops);
    this.earliestDay = earliestDay;
    this.latestDay = latestDay;
  }

  /** The facts of no phases: the identity of {@link #plus}. */
  public static DataFacts empty() {
    return EMPTY;
  }

  /**
   * The facts of a table of line phases.
   *
   * @param catalog plans.csv, for the tiers of rows that name a plan but no tier
   */
  public static DataFacts of(PhaseTable table, PlanCatalog catalog) {
    requireNonNull(table, "table is null");
    requireNonNull(catalog, "catalog is null");
    int earliest = Integer.MAX_VALUE;
    int latest = Integer.MIN_VALUE;
    for (int r = 0; r < table.size(); r++) {
      int start = table.startOf(r);
      int end = table.endOf(r);
      earliest = Math.min(earliest, start);
      // An open-ended phase reaches as far as its start; a closed one to its end (§10 "--to").
      latest = Math.max(latest, end != PhaseTable.NONE && end > start ? end : start);
    }
    return new DataFacts(TierLadder.seenTops(catalog, table), earliest, latest);
  }

  /**
   * The facts with these values: how a holder that keeps them current as phases come and go (the
   * service, counting each top tier and day) states them without a table.
   *
   * @param seenTops the highest known tier on any row of each product
   * @param earliestDay the earliest start (epoch day), or {@link Integer#MAX_VALUE} for no phases
   * @param latestDay the latest day named (epoch day), or {@link Integer#MIN_VALUE} for no phases
   */
  public static DataFacts of(Map<String, Integer> seenTops, int earliestDay, int latestDay) {
    requireNonNull(seenTops, "seenTops is null");
    if ((earliestDay == Integer.MAX_VALUE) != (latestDay == Integer.MIN_VALUE)) {
      throw new IllegalArgumentException("earliest " + earliestDay + " and latest " + latestDay
          + " must both be set or both be absent");
    }
    return new DataFacts(seenTops, earliestDay, latestDay);
  }

  /** The facts of both parts together. */
  public DataFacts plus(DataFacts other) {
    Map<String, Integer> tops = new HashMap<>(seenTops);
    other.seenTops.forEach((product, tier) -> tops.merge(product, tier, Math::max));
    return new DataFacts(tops, Math.min(earliestDay, other.earliestDay),
        Math.max(latestDay, other.latestDay));
  }

  /** Whether no phase contributed. */
  public boolean isEmpty() {
    return earliestDay == Integer.MAX_VALUE;
  }

  /** The highest tier seen on any row of each product with a known tier. */
  public Map<String, Integer> seenTops() {
    return seenTops;
  }

  /** The earliest start, as an epoch day; empty when there are no phases. */
  public OptionalInt earliestDay() {
    return isEmpty() ? OptionalInt.empty() : OptionalInt.of(earliestDay);
  }

  /** The latest day named by a phase (an end, else a start), as an epoch day. */
  public OptionalInt latestDay() {
    return isEmpty() ? OptionalInt.empty() : OptionalInt.of(latestDay);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataFacts other && seenTops.equals(other.seenTops)
        && earliestDay == other.earliestDay && latestDay == other.latestDay;
  }

  @Override
  public int hashCode() {
    return seenTops.hashCode() * 31 + Integer.hashCode(earliestDay) * 17 + latestDay;
  }

  @Override
  public String toString() {
    return "DataFacts" + seenTops + "[" + earliestDay + ".." + latestDay + "]";
  }
}
