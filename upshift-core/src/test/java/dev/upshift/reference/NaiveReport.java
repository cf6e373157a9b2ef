package dev.upshift.reference;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@link NaiveEngine} computes: for each reported period (and each segment value of each
 * {@code --by} dimension) a flat map from the JSON path names of SPEC §7.2 ({@code arr.upsell},
 * {@code upsellRate.rate}, …) to EXACT values. Immutable.
 *
 * <p>Every key of {@link #KEYS} is present in every period map; a value that SPEC defines as
 * {@code null} (a rate over zero, growth from zero, QTD fields at quarter/year grain) is present
 * with a {@code null} value. Money is in currency units with scale 6 (unrounded); counts are
 * integers; rates, ratios and growth are quotients with 20 decimal places (half-even), never
 * rounded to 2 decimals here. Targets and status are not computed.
 */
public final class NaiveReport {
  /** The ARR components of §4.2 as named in §7.2, in JSON order. */
  public static final List<String> ARR_COMPONENTS = List.of("newLogo", "reactivation", "upsell",
      "upsellRamp", "addOnSeats", "addOnPrice", "crossSell", "downsell", "reductionSeats",
      "reductionPrice", "productChurn", "churn");

  /** The components counted by {@code customers.*}. */
  public static final List<String> CUSTOMER_COMPONENTS = List.of("upsell", "addOnSeats",
      "addOnPrice", "crossSell", "downsell", "reductionSeats", "reductionPrice", "productChurn");

  /** Every key of a period map, sorted. */
  public static final SortedSet<String> KEYS = keys();

  private final List<String> periodLabels;
  private final Map<String, SortedMap<String, BigDecimal>> periods;
  private final SortedMap<String, SortedMap<String, Map<String, SortedMap<String, BigDecimal>>>>
      segments;
  private final long inferredTierDirections;
  private final List<LedgerRow> ledger;

  NaiveReport(Map<String, SortedMap<String, BigDecimal>> periods,
      SortedMap<String, SortedMap<String, Map<String, SortedMap<String, BigDecimal>>>> segments,
      long inferredTierDirections, List<LedgerRow> ledger) {
    this.periods = Collections.unmodifiableMap(new LinkedHashMap<>(periods));
    this.periodLabels = List.copyOf(periods.keySet());
    this.segments = Collections.unmodifiableSortedMap(new TreeMap<>(segments));
    this.inferredTierDirections = inferredTierDirections;
    this.ledger = List.copyOf(ledger);
  }

  /** The reported period labels in chronological order. */
  public List<String> periodLabels() {
    return periodLabels;
  }

  /** Label → figures, in chronological order. */
  public Map<String, SortedMap<String, BigDecimal>> periods() {
    return periods;
  }

  /**
   * The figures of one reported period.
   *
   * @throws IllegalArgumentException when the period is not reported
   */
  public SortedMap<String, BigDecimal> period(String label) {
    SortedMap<String, BigDecimal> figures = periods.get(label);
    if (figures == null) {
      throw new IllegalArgumentException("period " + label + " not in " + periodLabels);
    }
    return figures;
  }

  /**
   * One figure of one period, possibly {@code null} (undefined).
   *
   * @throws IllegalArgumentException when the period is not reported or the key is unknown
   */
  public BigDecimal value(String label, String key) {
    return lookup(period(label), key);
  }

  /**
   * Dimension → value → period label → figures. Only values with some non-zero figure in some
   * reported period appear; such a value has every reported period.
   */
  public SortedMap<String, SortedMap<String, Map<String, SortedMap<String, BigDecimal>>>> segments() {
    return segments;
  }

  /** The values of a dimension that appear, sorted; empty for a dimension not cut by. */
  public SortedSet<String> segmentValues(String dimension) {
    SortedMap<String, Map<String, SortedMap<String, BigDecimal>>> values = segments.get(dimension);
    return values == null ? new TreeSet<>() : new TreeSet<>(values.keySet());
  }

  /**
   * The figures of one period of one segment value.
   *
   * @throws IllegalArgumentException when the dimension, value or period is absent
   */
  public SortedMap<String, BigDecimal> segment(String dimension, String value, String label) {
    SortedMap<String, Map<String, SortedMap<String, BigDecimal>>> values = segments.get(dimension);
    if (values == null) {
      throw new IllegalArgumentException("no dimension " + dimension + " in " + segments.keySet());
    }
    Map<String, SortedMap<String, BigDecimal>> byPeriod = values.get(value);
    if (byPeriod == null) {
      throw new IllegalArgumentException("no value " + value + " of " + dimension + " in "
          + values.keySet());
    }
    SortedMap<String, BigDecimal> figures = byPeriod.get(label);
    if (figures == null) {
      throw new IllegalArgumentException("period " + label + " not reported");
    }
    return figures;
  }

  /** One figure of one segment value, possibly {@code null}. */
  public BigDecimal segmentValue(String dimension, String value, String label, String key) {
    return lookup(segment(dimension, value, label), key);
  }

  /**
   * {@code input.inferredTierDirections}: (customer, product, reported period) cases whose tier
   * direction was inferred from a plan change, counted over the customers the report covers (after
   * {@code --where}).
   */
  public long inferredTierDirections() {
    return inferredTierDirections;
  }

  /**
   * One row per reported period and customer with {@code A0 > 0} or {@code A1 > 0}, or counted
   * eligible over an onboarding window (§7.3).
   */
  public List<LedgerRow> ledger() {
    return ledger;
  }

  private static BigDecimal lookup(SortedMap<String, BigDecimal> figures, String key) {
    if (!figures.containsKey(key)) {
      throw new IllegalArgumentException("unknown key " + key);
    }
    return figures.get(key);
  }

  private static SortedSet<String> keys() {
    TreeSet<String> keys = new TreeSet<>();
    for (String component : ARR_COMPONENTS) {
      keys.add("arr." + component);
    }
    for (String key : List.of("starting", "expansion", "contraction", "netNew", "ending")) {
      keys.add("arr." + key);
    }
    for (String key : List.of("starting", "new", "reactivated", "churned", "ending")) {
      keys.add("logos." + key);
    }
    for (String component : CUSTOMER_COMPONENTS) {
      keys.add("customers." + component);
    }
    for (String key : List.of("starting", "new", "expansion", "churned", "downgraded", "ending")) {
      keys.add("seats." + key);
    }
    keys.addAll(List.of("upsellUsers", "upsellUsersT3", "upsellUsersT12"));
    for (String key : List.of("eligible", "upsold", "rate", "upsoldArr", "avgUpsoldArr",
        "qtdEligible", "qtdUpsold", "qtdRate")) {
      keys.add("upsellRate." + key);
    }
    for (String key : List.of("nrr", "grr", "nrr12m", "grr12m")) {
      keys.add("retention." + key);
    }
    for (String key : List.of("seatsPerLogo", "arpa", "arpu", "upsellUsersShareOfLogos",
        "upsellUsersPer1000Seats")) {
      keys.add("ratios." + key);
    }
    for (String key : List.of("endingArr", "endingSeats", "upsellUsers", "upsellArr")) {
      keys.add("growth." + key);
    }
    return Collections.unmodifiableSortedSet(keys);
  }

  /**
   * One ledger row (§7.3, §10): a customer's movement in one reported period. Amounts exact, scale
   * 6. Immutable.
   *
   * @param status {@code NEW}, {@code REACTIVATED}, {@code CHURNED} or {@code RETAINED}; {@code
   *     null} for a customer counted eligible over its onboarding window in a period where it has
   *     no ARR at either end
   * @param components every name of {@link #ARR_COMPONENTS} → amount ({@code upsellRamp} is the
   *     {@code ramp} column)
   * @param upsoldArr the qualifying ARR when upsold, else 0
   */
  public record LedgerRow(String period, String customerId, String status, BigDecimal arrStart,
      BigDecimal arrEnd, SortedMap<String, BigDecimal> components, long seatsStart, long seatsEnd,
      boolean upsellUser, boolean eligible, boolean upsold, BigDecimal upsoldArr) {

    public LedgerRow {
      requireNonNull(period, "period is null");
      requireNonNull(customerId, "customerId is null");
      components = Collections.unmodifiableSortedMap(new TreeMap<>(components));
    }

    public long seatMovement() {
      return seatsEnd - seatsStart;
    }
  }
}
