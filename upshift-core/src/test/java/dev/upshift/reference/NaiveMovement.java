package dev.upshift.reference;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * One customer's movement between two snapshots (§4). Immutable.
 *
 * @param customerId the customer
 * @param status {@code NEW}, {@code REACTIVATED}, {@code CHURNED}, {@code RETAINED}, or
 *     {@code null} when inactive at both snapshots
 * @param a0 {@code A0}
 * @param a1 {@code A1}
 * @param u0 {@code U0}
 * @param u1 {@code U1}
 * @param components every ARR component of {@link NaiveReport#ARR_COMPONENTS} (including
 *     {@code upsellRamp}), zero when absent; all but {@code upsellRamp} sum to {@code A1 − A0}
 * @param inferredTierDirections products whose tier direction was inferred from a plan change
 */
record NaiveMovement(String customerId, String status, BigDecimal a0, BigDecimal a1, long u0,
    long u1, SortedMap<String, BigDecimal> components, int inferredTierDirections) {

  BigDecimal component(String name) {
    BigDecimal value = components.get(name);
    if (value == null) {
      throw new IllegalArgumentException("unknown component " + name);
    }
    return value;
  }

  /** §4.3: {@code U1 > U0 > 0}. */
  boolean upsellUser() {
    return u1 > u0 && u0 > 0;
  }

  long newSeats() {
    return u0 == 0 && u1 > 0 ? u1 : 0;
  }

  long churnedSeats() {
    return u0 > 0 && u1 == 0 ? -u0 : 0;
  }

  long expansionSeats() {
    return upsellUser() ? u1 - u0 : 0;
  }

  long downgradedSeats() {
    return u1 > 0 && u1 < u0 ? -(u0 - u1) : 0;
  }
}
