package dev.upshift.state;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Phase;
import java.util.List;

/**
 * One product of a customer on one day (§3.1): the sums over its billable phases in force.
 * Immutable.
 *
 * @param product the product
 * @param arrMicros {@code arr_p}, in micro-units; > 0 (a product with no billable phase is not held)
 * @param seats {@code seats_p}
 * @param tier {@code tier_p}: the highest known tier of those phases, or {@code null}
 * @param plan {@code plan_p}: the plan of the highest-tier phase (unknown tiers rank lowest; ties:
 *     highest ARR, then smallest line id), or {@code null}
 * @param phases the billable phases in force, one per line, sorted by line id
 */
public record ProductState(String product, long arrMicros, long seats, Integer tier, String plan,
    List<Phase> phases) {

  public ProductState {
    requireNonNull(product, "product is null");
    phases = List.copyOf(phases);
  }

  /** The phase of a line in force for this product, or {@code null}. */
  public Phase phaseOfLine(String lineId) {
    for (Phase phase : phases) {
      if (phase.lineId().equals(lineId)) {
        return phase;
      }
    }
    return null;
  }
}
