package dev.upshift.metric;

import dev.upshift.movement.Component;
import dev.upshift.movement.Movement;
import java.util.Arrays;

/**
 * One customer's contribution to one period as plain fields: what {@link CustomerPeriod} holds,
 * without the objects. {@link CustomerKernel} fills one instance per customer and period and
 * {@link PeriodTotals#add(KernelRow)} sums it. Mutable scratch; not thread-safe.
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

  /** The same contribution as a record-based row, so both paths share one way of summing. */
  static KernelRow of(CustomerPeriod period) {
    Movement m = period.movement();
    KernelRow row = new KernelRow();
    row.status = m.status() == null ? NO_STATUS : switch (m.status()) {
      case NEW -> NEW;
      case REACTIVATED -> REACTIVATED;
      case CHURNED -> CHURNED;
      case RETAINED -> RETAINED;
    };
    row.arr0 = m.arr0();
    row.arr1 = m.arr1();
    row.seats0 = m.seats0();
    row.seats1 = m.seats1();
    for (Component c : Component.values()) {
      row.components[c.ordinal()] = m.component(c);
    }
    row.upsellRamp = m.upsellRamp();
    row.inferredDirections = m.inferredDirections();
    row.eligible = period.eligible();
    row.upsold = period.upsold();
    row.upsoldArr = period.upsoldArr();
    row.upsellUserT3 = period.upsellUserT3();
    row.upsellUserT12 = period.upsellUserT12();
    row.qtdEligible = period.qtdEligible();
    row.qtdUpsold = period.qtdUpsold();
    row.arr12MonthsAgo = period.arr12MonthsAgo();
    return row;
  }

  boolean upsellUser() {
    return seats0 > 0 && seats1 > seats0;
  }

  /** Active at either end: the customer has a ledger row (§10). */
  boolean inLedger() {
    return arr0 > 0 || arr1 > 0;
  }

  /** Whether the row changes any figure of the report. */
  boolean contributes() {
    return inLedger() || upsellUserT3 || upsellUserT12 || qtdEligible || arr12MonthsAgo > 0;
  }
}
