package dev.upshift.state;

import dev.upshift.input.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A customer's state at the end of one day (§3.1): its held products and totals
 * {@code A(c, d)} and {@code U(c, d)}. Immutable.
 */
public final class CustomerState {
  /** No product held. */
  public static final CustomerState EMPTY = new CustomerState(List.of(), 0, 0);


  private final List<ProductState> products;
  private final long arrMicros;
  private final long seats;

  private CustomerState(List<ProductState> products, long arrMicros, long seats) {
    this.products = products;
    this.arrMicros = arrMicros;
    this.seats = seats;
  }

  /**
   * The state made by the phases in force (one per line; non-billable phases contribute nothing).
   *
   * @throws ArithmeticException when ARR overflows
   */
  static CustomerState of(List<Phase> inForce, TierLadder ladder) {
    Map<String, List<Phase>> byProduct = new TreeMap<>();
    for (Phase phase : inForce) {
      if (phase != null && phase.billable()) {
        byProduct.computeIfAbsent(phase.product(), p -> new ArrayList<>(2)).add(phase);
      }
    }
    if (byProduct.isEmpty()) {
      return EMPTY;
    }
    List<ProductState> products = new ArrayList<>(byProduct.size());
    long totalArr = 0;
    long totalSeats = 0;
    for (Map.Entry<String, List<Phase>> entry : byProduct.entrySet()) {
      ProductState product = product(entry.getKey(), entry.getValue(), ladder);
      products.add(product);
      totalArr = Math.addExact(totalArr, product.arrMicros());
      totalSeats = Math.addExact(totalSeats, product.seats());
    }
    return new CustomerState(List.copyOf(products), totalArr, totalSeats);
  }

  private static ProductState product(String name, List<Phase> phases, TierLadder ladder) {
    phases.sort(Comparator.comparing(Phase::lineId));
    long arr = 0;
    long seats = 0;
    Integer tier = null;
    Phase planPhase = null;
    for (Phase phase : phases) {
      arr = Math.addExact(arr, phase.arrMicros());
      seats += phase.seats();
      Integer phaseTier = ladder.tierOf(phase);
      if (phaseTier != null && (tier == null || phaseTier > tier)) {
        tier = phaseTier;
      }
      if (planPhase == null || ranksAbove(phase, planPhase, ladder)) {
        planPhase = phase;
      }
    }
    return new ProductState(name, arr, seats, tier, planPhase.plan(), phases);
  }

  /**
   * Whether {@code a} gives the product's plan rather than {@code b}: higher tier (unknown ranks
   * lowest), then higher ARR; phases arrive sorted by line id, so the smaller line id wins ties.
   */
  private static boolean ranksAbove(Phase a, Phase b, TierLadder ladder) {
    Integer ta = ladder.tierOf(a);
    Integer tb = ladder.tierOf(b);
    if (ta != null || tb != null) {
      if (tb == null) {
        return true;
      }
      if (ta == null) {
        return false;
      }
      if (!ta.equals(tb)) {
        return ta > tb;
      }
    }
    return a.arrMicros() > b.arrMicros();
  }

  /** Held products, sorted by name. */
  public List<ProductState> products() {
    return products;
  }

  /** {@code A(c, d)} in micro-units. */
  public long arrMicros() {
    return arrMicros;
  }

  /** {@code U(c, d)}. */
  public long seats() {
    return seats;
  }

  /** Active: {@code A(c, d) > 0}. */
  public boolean active() {
    return arrMicros > 0;
  }

  /** The held product of that name, or {@code null}. */
  public ProductState product(String name) {
    for (ProductState product : products) {
      if (product.product().equals(name)) {
        return product;
      }
    }
    return null;
  }

  /**
   * The plan of the highest-ARR product (ties: smaller product name), or {@code null} when nothing
   * is held or that product has no plan: the {@code plan} segment (§6.1).
   */
  public String planOfLargestProduct() {
    ProductState largest = null;
    for (ProductState product : products) { // sorted by name, so ">" keeps the smaller name on ties
      if (largest == null || product.arrMicros() > largest.arrMicros()) {
        largest = product;
      }
    }
    return largest == null ? null : largest.plan();
  }

  /**
   * Whether every held product is at its product's top tier: a customer with no upgrade path
   * (§5.5). False when nothing is held; unknown tiers are never at the top.
   */
  public boolean allAtTopTier(TierLadder ladder) {
    if (products.isEmpty()) {
      return false;
    }
    for (ProductState product : products) {
      if (!ladder.isTop(product.product(), product.tier())) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "CustomerState[arr=" + arrMicros + ", seats=" + seats + ", products=" + products + "]";
  }
}
