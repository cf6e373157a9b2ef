package dev.upshift.metric;

import dev.upshift.movement.Component;
import dev.upshift.movement.LogoStatus;
import dev.upshift.movement.Movement;
import java.util.Arrays;

/**
 * One customer's contribution to one period as plain fields: what {@link CustomerPeriod} holds,
 * without the objects. {@link CustomerKernel} fills one instance per customer and period and
 * {@link PeriodTotals#add(KernelRow)} sums it; {@link #toCustomerPeriod} makes a value of it for
 * ledgers and analyses. Mutable scratch; not thread-safe.
 */
final class KernelRow {
  static final byte NO_STATUS = 0;
  static final byte NEW = 1;
  static final byte REACTIVATED = 2;
  static final byte CHURNED = 3;
  static final byte RETAINED = 4;

  byte status;
  long arr0;
  long arr1;
  long seats0;
  long seats1;
  final long[] components = new long[Component.count()];
  long upsellRamp;
  int inferredDirections;
  boolean eligible;
  boolean upsold;
  long upsoldArr;
  boolean upsellUserT3;
  boolean upsellUserT12;
  boolean qtdEligible;
  boolean qtdUpsold;
  long arr12MonthsAgo;

  void clearMovement() {
    arr0 = 0;
    arr1 = 0;
    seats0 = 0;
    seats1 = 0;
    if (status != NO_STATUS) { // components are only ever set with a status
      Arrays.fill(components, 0);
    }
    status = NO_STATUS;
    upsellRamp = 0;
    inferredDirections = 0;
  }

  /** The row as an immutable value, for ledgers, analyses and explanations. */
  CustomerPeriod toCustomerPeriod(String customerId, int periodIndex, int firstActiveDay) {
    LogoStatus logo = switch (status) {
      case NEW -> LogoStatus.NEW;
      case REACTIVATED -> LogoStatus.REACTIVATED;
      case CHURNED -> LogoStatus.CHURNED;
      case RETAINED -> LogoStatus.RETAINED;
      default -> null;
    };
    Movement movement = Movement.of(logo, arr0, arr1, seats0, seats1, components, upsellRamp,
        inferredDirections);
    return new CustomerPeriod(customerId, periodIndex, movement, eligible, upsold, upsoldArr,
        upsellUserT3, upsellUserT12, qtdEligible, qtdUpsold, arr12MonthsAgo, firstActiveDay);
  }

  boolean upsellUser() {
    return seats0 > 0 && seats1 > seats0;
  }

  /**
   * Active at either end, or eligible for the Upsell Rate: the customer has a ledger row (§10).
   * Only an onboarding window (§5.5) makes a customer eligible in a period where it has no ARR at
   * either end; without one, eligible customers are active at d0.
   */
  boolean inLedger() {
    return arr0 > 0 || arr1 > 0 || eligible;
  }

  /** Whether the row changes any figure of the report. */
  boolean contributes() {
    return inLedger() || upsellUserT3 || upsellUserT12 || qtdEligible || arr12MonthsAgo > 0;
  }
}
