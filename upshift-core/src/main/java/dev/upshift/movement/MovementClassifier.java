package dev.upshift.movement;

import dev.upshift.input.Phase;
import dev.upshift.money.Micros;
import dev.upshift.state.CustomerState;
import dev.upshift.state.ProductState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Classifies one customer's change between two snapshots into the movements of §4. Stateless.
 *
 * <p>The price–volume split prices the seat change at the <em>old</em> unit price
 * ({@code arr0_p / seats0_p}) and attributes the remainder to price at the new volume. That is the
 * usual finance convention: it answers "what would the extra seats have cost at yesterday's price",
 * so a tier move that also changes seats is not double counted, and the two parts always add back
 * to the product's change exactly.
 */
public final class MovementClassifier {
  /** The movement of a customer inactive at both ends (shared: it is immutable). */
  private static final Movement NONE =
      new Movement(null, 0, 0, 0, 0, new long[Component.count()], 0, 0, List.of());

  private MovementClassifier() {}

  /**
   * Classifies the change from {@code s0} (at {@code d0}) to {@code s1} (at {@code d1}).
   *
   * @param activeOnOrBeforeD0 whether the customer was active on some day on or before {@code d0}
   *     (tells a reactivation from a new logo)
   */
  public static Movement classify(CustomerState s0, CustomerState s1, boolean activeOnOrBeforeD0) {
    long a0 = s0.arrMicros();
    long a1 = s1.arrMicros();
    if (a0 == 0 && a1 == 0) {
      return NONE; // inactive means no billable phase, hence no seats either
    }
    long[] components = new long[Component.count()];
    if (a0 == 0) {
      boolean reactivated = activeOnOrBeforeD0;
      components[(reactivated ? Component.REACTIVATION : Component.NEW_LOGO).ordinal()] = a1;
      return new Movement(reactivated ? LogoStatus.REACTIVATED : LogoStatus.NEW, a0, a1,
          s0.seats(), s1.seats(), components, 0, 0, List.of());
    }
    if (a1 == 0) {
      components[Component.CHURN.ordinal()] = -a0;
      return new Movement(LogoStatus.CHURNED, a0, a1, s0.seats(), s1.seats(), components, 0, 0,
          List.of());
    }
    if (s0 == s1) { // the same snapshot instance: nothing changed
      return new Movement(LogoStatus.RETAINED, a0, a1, s0.seats(), s1.seats(), components, 0, 0,
          List.of());
    }
    return retained(s0, s1, components);
  }

  private static Movement retained(CustomerState s0, CustomerState s1, long[] components) {
    List<ProductMovement> moved = new ArrayList<>(2);
    long ramp = 0;
    int inferred = 0;
    List<ProductState> before = s0.products();
    List<ProductState> after = s1.products();
    int i = 0;
    int j = 0;
    while (i < before.size() || j < after.size()) {
      int order = i == before.size() ? 1
          : j == after.size() ? -1
          : before.get(i).product().compareTo(after.get(j).product());
      ProductMovement movement;
      if (order < 0) {
        movement = productChurn(before.get(i++));
      } else if (order > 0) {
        movement = crossSell(after.get(j++));
      } else {
        movement = heldAtBoth(before.get(i++), after.get(j++));
      }
      if (movement == null) {
        continue;
      }
      moved.add(movement);
      add(components, movement.volumeComponent(), movement.volume());
      add(components, movement.priceComponent(), movement.rest());
      ramp = Math.addExact(ramp, movement.ramp());
      if (movement.inferred()) {
        inferred++;
      }
    }
    return new Movement(LogoStatus.RETAINED, s0.arrMicros(), s1.arrMicros(), s0.seats(),
        s1.seats(), components, ramp, inferred, List.copyOf(moved));
  }

  private static void add(long[] components, Component component, long amount) {
    if (component != null && amount != 0) {
      components[component.ordinal()] = Math.addExact(components[component.ordinal()], amount);
    }
  }

  private static ProductMovement productChurn(ProductState p0) {
    return new ProductMovement(p0.product(), p0.arrMicros(), 0, p0.seats(), 0, p0.tier(), null,
        p0.plan(), null, Component.PRODUCT_CHURN, -p0.arrMicros(), null, 0, 0, false, 0);
  }

  private static ProductMovement crossSell(ProductState p1) {
    return new ProductMovement(p1.product(), 0, p1.arrMicros(), 0, p1.seats(), null, p1.tier(),
        null, p1.plan(), Component.CROSS_SELL, p1.arrMicros(), null, 0, 0, false, 0);
  }

  /** The price–volume split of a product held at both ends; {@code null} when nothing moved. */
  private static ProductMovement heldAtBoth(ProductState p0, ProductState p1) {
    long delta = Math.subtractExact(p1.arrMicros(), p0.arrMicros());
    if (delta == 0 && p0.seats() == p1.seats() && Objects.equals(p0.plan(), p1.plan())
        && Objects.equals(p0.tier(), p1.tier())) {
      return null;
    }
    long seatEffect = p0.seats() > 0
        ? Micros.mulDivHalfEven(p1.seats() - p0.seats(), p0.arrMicros(), p0.seats())
        : 0;
    Component seatComponent = seatEffect > 0 ? Component.ADD_ON_SEATS
        : seatEffect < 0 ? Component.REDUCTION_SEATS : null;
    long rest = Math.subtractExact(delta, seatEffect);
    int direction;
    boolean inferred = false;
    if (p0.tier() != null && p1.tier() != null) {
      direction = Integer.signum(p1.tier() - p0.tier());
    } else if (!Objects.equals(p0.plan(), p1.plan())) {
      direction = Long.signum(rest);
      inferred = rest != 0;
    } else {
      direction = 0;
    }
    Component priceComponent = priceComponent(direction, rest);
    long ramp = priceComponent == Component.UPSELL && isRamp(p0, p1) ? rest : 0;
    return new ProductMovement(p0.product(), p0.arrMicros(), p1.arrMicros(), p0.seats(),
        p1.seats(), p0.tier(), p1.tier(), p0.plan(), p1.plan(), seatComponent, seatEffect,
        priceComponent, rest, direction, inferred, ramp);
  }

  /** The component of {@code rest} for a tier direction (§4.2); {@code null} when rest is 0. */
  static Component priceComponent(int direction, long rest) {
    if (rest == 0) {
      return null;
    }
    if (direction > 0) {
      return rest > 0 ? Component.UPSELL : Component.REDUCTION_PRICE;
    }
    if (direction < 0) {
      return rest < 0 ? Component.DOWNSELL : Component.ADD_ON_PRICE;
    }
    return rest > 0 ? Component.ADD_ON_PRICE : Component.REDUCTION_PRICE;
  }

  /**
   * The ramp label (§4.2, §10): every line of the product whose phase changed must have its new
   * phase signed on or before the start of its old one; a line new or ended at d1 blocks it.
   */
  private static boolean isRamp(ProductState p0, ProductState p1) {
    Set<String> lines = new HashSet<>();
    p0.phases().forEach(phase -> lines.add(phase.lineId()));
    p1.phases().forEach(phase -> lines.add(phase.lineId()));
    for (String line : lines) {
      Phase before = p0.phaseOfLine(line);
      Phase after = p1.phaseOfLine(line);
      if (before == null || after == null) {
        return false;
      }
      if (before != after && after.signed().isAfter(before.start())) {
        return false;
      }
    }
    return true;
  }
}
