package dev.upshift.movement;

/** The seat waterfall movement of a customer in a period (§4.3). */
public enum SeatMovement {
  NONE,
  /** {@code U0 = 0, U1 > 0}. */
  NEW,
  /** {@code U1 > U0 > 0}: the customer is an Upsell User. */
  EXPANSION,
  /** {@code U0 > 0, U1 = 0}. */
  CHURNED,
  /** {@code 0 < U1 < U0}. */
  DOWNGRADED;

  /** Classifies a change from {@code u0} to {@code u1} seats. */
  public static SeatMovement of(long u0, long u1) {
    if (u0 == 0) {
      return u1 > 0 ? NEW : NONE;
    }
    if (u1 == 0) {
      return CHURNED;
    }
    if (u1 > u0) {
      return EXPANSION;
    }
    return u1 < u0 ? DOWNGRADED : NONE;
  }
}
