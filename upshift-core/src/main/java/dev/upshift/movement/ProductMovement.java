package dev.upshift.movement;

import static java.util.Objects.requireNonNull;

/**
 * How one product of a retained customer moved in a period, with the price–volume split behind it
 * (§4.2). Immutable.
 *
 * @param product the product
 * @param arr0 {@code arr0_p} in micro-units (0 when not held at d0)
 * @param arr1 {@code arr1_p} in micro-units (0 when not held at d1)
 * @param seats0 {@code seats0_p}
 * @param seats1 {@code seats1_p}
 * @param tier0 {@code tier0_p} or {@code null}
 * @param tier1 {@code tier1_p} or {@code null}
 * @param plan0 {@code plan0_p} or {@code null}
 * @param plan1 {@code plan1_p} or {@code null}
 * @param volumeComponent the component of {@code volume}, or {@code null} when it is 0
 * @param volume the seat effect of a product held at both ends, or the whole change of a product
 *     held at one end only (cross-sell, product churn), in micro-units
 * @param priceComponent the component of {@code rest}, or {@code null} when {@code rest = 0}
 * @param rest {@code Δ − seatEffect} in micro-units
 * @param direction the tier direction: −1, 0 or +1
 * @param inferred whether the direction was inferred from a plan change (a tier unknown, the plan
 *     changed and {@code rest ≠ 0})
 * @param ramp the part of this product's upsell labelled as a ramp step (all or nothing)
 */
public record ProductMovement(String product, long arr0, long arr1, long seats0, long seats1,
    Integer tier0, Integer tier1, String plan0, String plan1, Component volumeComponent, long volume,
    Component priceComponent, long rest, int direction, boolean inferred, long ramp) {

  public ProductMovement {
    requireNonNull(product, "product is null");
  }

  /** {@code arr1_p − arr0_p}. */
  public long delta() {
    return arr1 - arr0;
  }
}
