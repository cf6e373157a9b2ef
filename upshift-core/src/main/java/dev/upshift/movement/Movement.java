package dev.upshift.movement;


/**
 * What one customer did in one period (§4): logo status, ARR components, the ramp label and the
 * seat movement. Immutable.
 *
 * <p>Components always sum exactly to {@code A1 − A0}; {@link #expansion()}, {@link #contraction()}
 * and {@link #netNew()} are the derived sums of §4.2.
 */
public final class Movement {
  private final LogoStatus status;
  private final long arr0;
  private final long arr1;
  private final long seats0;
  private final long seats1;
  private final long[] components;
  private final long upsellRamp;
  private final int inferredDirections;

  private Movement(LogoStatus status, long arr0, long arr1, long seats0, long seats1,
      long[] components, long upsellRamp, int inferredDirections) {
    this.status = status;
    this.arr0 = arr0;
    this.arr1 = arr1;
    this.seats0 = seats0;
    this.seats1 = seats1;
    this.components = components;
    this.upsellRamp = upsellRamp;
    this.inferredDirections = inferredDirections;
  }

  /**
   * A movement as the engine classified it.
   *
   * @param status the logo status, or {@code null} when inactive at both ends
   * @param components the ARR components in micro-units, indexed by {@link Component#ordinal()}
   *     (copied)
   * @throws IllegalArgumentException when the components do not sum to {@code arr1 − arr0}
   */
  public static Movement of(LogoStatus status, long arr0, long arr1, long seats0, long seats1,
      long[] components, long upsellRamp, int inferredDirections) {
    if (components.length != Component.count()) {
      throw new IllegalArgumentException("expected " + Component.count() + " components, got "
          + components.length);
    }
    long[] copy = components.clone();
    if (Component.sum(copy, null) != Math.subtractExact(arr1, arr0)) {
      throw new IllegalArgumentException("components sum to " + Component.sum(copy, null)
          + ", not A1 - A0 = " + (arr1 - arr0));
    }
    return new Movement(status, arr0, arr1, seats0, seats1, copy, upsellRamp, inferredDirections);
  }

  /** The logo status, or {@code null} when inactive at both ends. */
  public LogoStatus status() {
    return status;
  }

  /** {@code A0} in micro-units. */
  public long arr0() {
    return arr0;
  }

  /** {@code A1} in micro-units. */
  public long arr1() {
    return arr1;
  }

  /** {@code U0}. */
  public long seats0() {
    return seats0;
  }

  /** {@code U1}. */
  public long seats1() {
    return seats1;
  }

  /** One ARR component in micro-units (signed). */
  public long component(Component component) {
    return components[component.ordinal()];
  }

  /** The part of {@code upsell} labelled as a ramp step. */
  public long upsellRamp() {
    return upsellRamp;
  }

  /** Products whose tier direction was inferred from a plan change this period. */
  public int inferredDirections() {
    return inferredDirections;
  }

  /** {@code upsell + addOnSeats + addOnPrice + crossSell} (≥ 0). */
  public long expansion() {
    return Component.sum(components, Component.Kind.EXPANSION);
  }

  /** {@code downsell + reductionSeats + reductionPrice + productChurn} (≤ 0). */
  public long contraction() {
    return Component.sum(components, Component.Kind.CONTRACTION);
  }

  /** The sum of all components: the net change of ARR. */
  public long netNew() {
    return Component.sum(components, null);
  }


  /** The seat waterfall movement. */
  public SeatMovement seatMovement() {
    return SeatMovement.of(seats0, seats1);
  }

  /** {@code U1 > U0 > 0}: the customer is an Upsell User this period (§5.4). */
  public boolean upsellUser() {
    return seats0 > 0 && seats1 > seats0;
  }

  /** Whether the customer had a status (was active at either end). */
  public boolean reported() {
    return status != null;
  }
}
