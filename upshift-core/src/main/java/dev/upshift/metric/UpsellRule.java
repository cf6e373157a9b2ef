package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import dev.upshift.money.Micros;
import dev.upshift.movement.Component;
import dev.upshift.movement.Movement;
import dev.upshift.segment.Tenure;
import dev.upshift.state.CustomerState;
import dev.upshift.state.CustomerTimeline;
import dev.upshift.state.TierLadder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * The configurable Upsell Rate rules of §5.5: who is eligible and which movements count as upsold.
 * Immutable and thread-safe.
 */
public final class UpsellRule {
  private final Set<UpsellMember> members;
  private final UpsellMember[] memberArray;
  private final int[] qualifyingOrdinals;
  private final EnumSet<Component> qualifyingComponents;
  private final boolean seatsOnly;
  private final long threshold; // micro-units, or seats when seatsOnly
  private final int minTenureMonths;
  private final boolean excludeTopTier;
  private final TierLadder ladder;

  public UpsellRule(Set<UpsellMember> members, BigDecimal minExpansion, int minTenureMonths,
      boolean excludeTopTier, TierLadder ladder) {
    this.members = Set.copyOf(members);
    this.seatsOnly = members.equals(Set.of(UpsellMember.SEATS));
    this.qualifyingComponents = EnumSet.noneOf(Component.class);
    for (UpsellMember member : members) {
      switch (member) {
        case TIER -> qualifyingComponents.add(Component.UPSELL);
        case SEATS -> qualifyingComponents.add(Component.ADD_ON_SEATS);
        case ADD_ON -> {
          qualifyingComponents.add(Component.ADD_ON_SEATS);
          qualifyingComponents.add(Component.ADD_ON_PRICE);
        }
        case CROSS_SELL -> qualifyingComponents.add(Component.CROSS_SELL);
      }
    }
    this.memberArray = members.toArray(UpsellMember[]::new);
    this.qualifyingOrdinals = qualifyingComponents.stream().mapToInt(Component::ordinal).toArray();
    // With seats alone the threshold is a seat count; seats are whole, so round up a fraction.
    this.threshold = seatsOnly
        ? minExpansion.setScale(0, java.math.RoundingMode.CEILING).longValueExact()
        : Micros.of(minExpansion);
    this.minTenureMonths = minTenureMonths;
    this.excludeTopTier = excludeTopTier;
    this.ladder = requireNonNull(ladder, "ladder is null");
  }

  /**
   * Eligible for a period starting on {@code periodStart}: active at {@code d0}, tenure at the
   * period start of at least the minimum, and (with {@code excludeTopTier}) an upgrade path left.
   */
  public boolean eligible(CustomerTimeline timeline, CustomerState atD0, LocalDate periodStart) {
    return eligible(atD0.active(), timeline.firstActiveDay(), periodStart,
        excludeTopTier && atD0.allAtTopTier(ladder));
  }

  /**
   * {@link #eligible(CustomerTimeline, CustomerState, LocalDate)} on plain values.
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

  /** Whether customers at the top tier of every product they hold are not eligible. */
  boolean excludesTopTier() {
    return excludeTopTier;
  }

  /**
   * The qualifying ARR of a movement in micro-units when it qualifies under the definition and
   * meets the threshold, else -1. (Qualifying ARR can be 0, e.g. an Upsell User whose seats came
   * free, so "does not qualify" needs its own value.)
   */
  public long qualifyingArr(Movement movement) {
    long[] components = new long[Component.count()];
    for (Component c : Component.values()) {
      components[c.ordinal()] = movement.component(c);
    }
    return qualifyingArr(components, 0, movement.seats0(), movement.seats1());
  }

  /**
   * {@link #qualifyingArr(Movement)} of a movement given as its components, indexed by {@link
   * Component#ordinal()} from {@code offset}, and its seats.
   */
  long qualifyingArr(long[] components, int offset, long seats0, long seats1) {
    boolean member = false;
    for (UpsellMember m : memberArray) {
      member |= switch (m) {
        case TIER -> components[offset + UPSELL] > 0;
        case SEATS -> seats0 > 0 && seats1 > seats0;
        case ADD_ON -> components[offset + ADD_ON_SEATS] + components[offset + ADD_ON_PRICE] > 0;
        case CROSS_SELL -> components[offset + CROSS_SELL] > 0;
      };
    }
    if (!member) {
      return -1;
    }
    long arr = 0;
    for (int c : qualifyingOrdinals) {
      arr = Math.addExact(arr, Math.max(0, components[offset + c]));
    }
    long measured = seatsOnly ? seats1 - seats0 : arr;
    return measured >= threshold ? arr : -1;
  }

  private static final int UPSELL = Component.UPSELL.ordinal();
  private static final int ADD_ON_SEATS = Component.ADD_ON_SEATS.ordinal();
  private static final int ADD_ON_PRICE = Component.ADD_ON_PRICE.ordinal();
  private static final int CROSS_SELL = Component.CROSS_SELL.ordinal();
}
