package dev.upshift.reference;

import dev.upshift.input.Phase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;

/**
 * {@code state(c, d)} of §3.1: the customer's billable phases in force at the end of day {@code d},
 * summed per product. Immutable.
 *
 * @param day the snapshot day
 * @param products product → its state; only held products (ARR > 0) are present
 */
record NaiveState(LocalDate day, SortedMap<String, ProductState> products) {

  /** {@code A(c, d)}: total ARR, scale 6. */
  BigDecimal arr() {
    BigDecimal total = NaiveEngine.ZERO_MONEY;
    for (ProductState product : products.values()) {
      total = total.add(product.arr());
    }
    return total;
  }

  /** {@code U(c, d)}: total seats. */
  long seats() {
    long total = 0;
    for (ProductState product : products.values()) {
      total += product.seats();
    }
    return total;
  }

  boolean active() {
    return arr().signum() > 0;
  }

  /**
   * One held product at a snapshot.
   *
   * @param arr Σ ARR of its billable phases in force
   * @param seats Σ seats of those phases
   * @param tier the highest known tier, or {@code null} when none has one
   * @param plan the plan of the highest-tier phase (unknown tiers lowest; ties: highest ARR, then
   *     smallest line id), possibly {@code null}
   * @param lines line id → the billable phase of this product in force on that line
   */
  record ProductState(String product, BigDecimal arr, long seats, Integer tier, String plan,
      Map<String, Phase> lines) {}
}
