package dev.upshift.metric;

import dev.upshift.money.Micros;
import dev.upshift.movement.Component;
import dev.upshift.segment.Tenure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Set;

/**
 * The configurable Upsell Rate rules of §5.5: who is eligible and which movements count as upsold.
 * Immutable and thread-safe.
 */
public final class UpsellRule {
  private final UpsellMember[] memberArray;
  private final boolean seatsOnly;
  private final long threshold; // micro-units, or seats when seatsOnly
  private final int minTenureMonths;
  private final boolean excludeTopTier;
  private final RateWindow window;

  /**
   * @param window the window the rate is measured over instead of the period, or {@code null}
   */
  public UpsellRule(Set<UpsellMember> members, BigDecimal minExpansion, int minTenureMonths,
      boolean excludeTopTier, RateWindow window) {
    this.seatsOnly = members.equals(Set.of(UpsellMember.SEATS));
    this.memberArray = members.toArray(UpsellMember[]::new);
    // With seats alone the threshold is a seat count; seats are whole, so round up a fraction.
    this.threshold = seatsOnly
        ? minExpansion.setScale(0, RoundingMode.CEILING).longValueExact()
        : Micros.of(minExpansion);
    this.minTenureMonths = minTenureMonths;
    this.excludeTopTier = excludeTopTier;
    this.window = window;
  }

  /**
   * Eligible for a period starting on {@code periodStart}: active at {@code d0}, tenure at the
   * period start of at least the minimum, and (with {@code excludeTopTier}) an upgrade path left.
   *
   * @param firstActiveDay {@code first_active_date} as an epoch day
   * @param allAtTopTier whether every product held at {@code d0} is at its top tier; read only
   *     when {@link #excludesTopTier()}
   */
  boolean eligible(boolean activeAtD0, int firstActiveDay, LocalDate periodStart,
      boolean allAtTopTier) {
    if (!activeAtD0) {
      return false;
    }
    if (minTenureMonths > 0
        && Tenure.months(LocalDate.ofEpochDay(firstActiveDay), periodStart) < minTenureMonths) {
      return false;
    }
    return !(excludeTopTier && allAtTopTier);
  }

  /**
   * Eligible over an onboarding window (§5.5 window): every customer is, in the period that holds
   * its window's end, unless (with {@code excludeTopTier}) every product it held at its first
   * active date was at its top tier then. The minimum tenure does not apply.
   *
   * @param allAtTopTier whether every product held at the first active date is at its top tier;
   *     read only when {@link #excludesTopTier()}
   */
  boolean eligibleOverWindow(boolean allAtTopTier) {
    return !(excludeTopTier && allAtTopTier);
  }

  /** The onboarding window's length in days, or 0 when the rate is measured over each period. */
  int windowDays() {
    return window == null ? 0 : window.days();
  }

  /** Whether customers at the top tier of every product they hold are not eligible. */
  boolean excludesTopTier() {
    return excludeTopTier;
  }

  /**
   * The qualifying ARR of a movement in micro-units when it qualifies under the definition and
   * meets the threshold, else -1. (Qualifying ARR can be 0, e.g. an Upsell User whose seats came
   * free, so "does not qualify" needs its own value.) Only the members whose own condition holds
   * bring their components (§10): with {@code tier,seats}, an upgrade while total seats fall
   * qualifies with its upsell ARR alone; a component two members bring counts once.
   *
   * @param components the movement's components, indexed by {@link Component#ordinal()}
   */
  long qualifyingArr(long[] components, long seats0, long seats1) {
    boolean tier = false;
    boolean seats = false;
    boolean addOn = false;
    boolean crossSell = false;
    for (UpsellMember m : memberArray) {
      switch (m) {
        case TIER -> tier = components[UPSELL] > 0;
        case SEATS -> seats = seats0 > 0 && seats1 > seats0;
        case ADD_ON -> addOn = components[ADD_ON_SEATS] + components[ADD_ON_PRICE] > 0;
        case CROSS_SELL -> crossSell = components[CROSS_SELL] > 0;
      }
    }
    if (!(tier || seats || addOn || crossSell)) {
      return -1;
    }
    long arr = 0;
    if (tier) {
      arr = positive(arr, components[UPSELL]);
    }
    if (seats || addOn) {
      arr = positive(arr, components[ADD_ON_SEATS]);
    }
    if (addOn) {
      arr = positive(arr, components[ADD_ON_PRICE]);
    }
    if (crossSell) {
      arr = positive(arr, components[CROSS_SELL]);
    }
    long measured = seatsOnly ? seats1 - seats0 : arr;
    return measured >= threshold ? arr : -1;
  }

  private static long positive(long sum, long component) {
    return Math.addExact(sum, Math.max(0, component));
  }

  private static final int UPSELL = Component.UPSELL.ordinal();
  private static final int ADD_ON_SEATS = Component.ADD_ON_SEATS.ordinal();
  private static final int ADD_ON_PRICE = Component.ADD_ON_PRICE.ordinal();
  private static final int CROSS_SELL = Component.CROSS_SELL.ordinal();
}
