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
    if (!atD0.active()) {
      return false;
    }
    if (minTenureMonths > 0
        && Tenure.months(timeline.firstActiveDate(), periodStart) < minTenureMonths) {
      return false;
    }
    return !(excludeTopTier && atD0.allAtTopTier(ladder));
  }

  /**
   * The qualifying ARR of a movement in micro-units when it qualifies under the definition and
   * meets the threshold, else -1. (Qualifying ARR can be 0, e.g. an Upsell User whose seats came
   * free, so "does not qualify" needs its own value.)
   */
  public long qualifyingArr(Movement movement) {
    boolean member = false;
    for (UpsellMember m : members) {
      member |= switch (m) {
        case TIER -> movement.component(Component.UPSELL) > 0;
        case SEATS -> movement.upsellUser();
        case ADD_ON -> movement.component(Component.ADD_ON_SEATS)
            + movement.component(Component.ADD_ON_PRICE) > 0;
        case CROSS_SELL -> movement.component(Component.CROSS_SELL) > 0;
      };
    }
    if (!member) {
      return -1;
    }
    long arr = 0;
    for (Component component : qualifyingComponents) {
      arr = Math.addExact(arr, Math.max(0, movement.component(component)));
    }
    long measured = seatsOnly ? movement.seats1() - movement.seats0() : arr;
    return measured >= threshold ? arr : -1;
  }
}
