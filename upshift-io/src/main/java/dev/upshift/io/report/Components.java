package dev.upshift.io.report;

import dev.upshift.movement.Component;
import dev.upshift.report.ArrBridge;
import java.math.BigDecimal;

/**
 * Reads an ARR component from the report's bridge, whose components are named record fields, so
 * writers can walk {@link Component#values()} (one order, one set of names) instead of listing the
 * fields again. Public for the renderers in {@code dev.upshift.render}, as {@link Formats} is.
 */
public final class Components {
  private Components() {}

  /** The exact bridge amount of {@code component}. */
  public static BigDecimal amount(ArrBridge arr, Component component) {
    switch (component) {
      case NEW_LOGO:
        return arr.newLogo();
      case REACTIVATION:
        return arr.reactivation();
      case UPSELL:
        return arr.upsell();
      case ADD_ON_SEATS:
        return arr.addOnSeats();
      case ADD_ON_PRICE:
        return arr.addOnPrice();
      case CROSS_SELL:
        return arr.crossSell();
      case DOWNSELL:
        return arr.downsell();
      case REDUCTION_SEATS:
        return arr.reductionSeats();
      case REDUCTION_PRICE:
        return arr.reductionPrice();
      case PRODUCT_CHURN:
        return arr.productChurn();
      case CHURN:
        return arr.churn();
      default:
        throw new AssertionError("unknown component " + component);
    }
  }
}
