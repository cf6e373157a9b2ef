package dev.upshift.metric;

import dev.upshift.movement.Component;
import dev.upshift.movement.SeatMovement;

/**
 * The additive figures of one period (optionally within one segment): sums and counts over
 * customers, from which every §5 metric is derived. Money in micro-units.
 *
 * <p>Mutable for speed on the hot path, but only through {@link #add} and {@link #merge}, both of
 * which are plain sums: merging is associative and commutative, so threads, the service and Spark
 * combine partial totals the same way and get the same numbers.
 */
public final class PeriodTotals {
  long arrStarting;
  final long[] components = new long[Component.count()];
  long upsellRamp;
  long arrEnding;

  long logosStarting;
  long logosNew;
  long logosReactivated;
  long logosChurned;
  long logosEnding;
  final long[] customersWithComponent = new long[Component.count()];

  long seatsStarting;
  long seatsNew;
  long seatsExpansion;
  long seatsChurned;
  long seatsDowngraded;
  long seatsEnding;

  long upsellUsers;
  long upsellUsersT3;
  long upsellUsersT12;

  long eligible;
  long upsold;
  long upsoldArr;
  long qtdEligible;
  long qtdUpsold;

  long retainedArrEnding; // Σ A1 over customers active at d0
  long grossRetainedArr; // Σ min(A0, A1) over customers active at d0
  long arr12MonthsAgo; // Σ A(12 months before d1) over customers active then
  long retainedArrEnding12m;
  long grossRetainedArr12m;

  long inferredDirections;

  /** Adds one customer's contribution. */
  public void add(CustomerPeriod row) {
    add(KernelRow.of(row));
  }

  /** Adds one customer's contribution given as plain fields (the kernel's path; same sums). */
  void add(KernelRow row) {
    long a0 = row.arr0;
    long a1 = row.arr1;
    arrStarting = Math.addExact(arrStarting, a0);
    arrEnding = Math.addExact(arrEnding, a1);
    long[] values = row.components;
    for (int c = 0; c < components.length; c++) {
      long value = values[c];
      if (value != 0) {
        components[c] = Math.addExact(components[c], value);
        customersWithComponent[c]++;
      }
    }
    upsellRamp = Math.addExact(upsellRamp, row.upsellRamp);
    inferredDirections += row.inferredDirections;
    switch (row.status) {
      case KernelRow.NEW -> logosNew++;
      case KernelRow.REACTIVATED -> logosReactivated++;
      case KernelRow.CHURNED -> logosChurned--;
      default -> { }
    }
    if (a0 > 0) {
      logosStarting++;
      retainedArrEnding = Math.addExact(retainedArrEnding, a1);
      grossRetainedArr = Math.addExact(grossRetainedArr, Math.min(a0, a1));
    }
    if (a1 > 0) {
      logosEnding++;
    }
    addSeats(row.seats0, row.seats1);
    if (row.upsellUser()) {
      upsellUsers++;
    }
    if (row.upsellUserT3) {
      upsellUsersT3++;
    }
    if (row.upsellUserT12) {
      upsellUsersT12++;
    }
    if (row.eligible) {
      eligible++;
    }
    if (row.upsold) {
      upsold++;
      upsoldArr = Math.addExact(upsoldArr, row.upsoldArr);
    }
    if (row.qtdEligible) {
      qtdEligible++;
    }
    if (row.qtdUpsold) {
      qtdUpsold++;
    }
    long base = row.arr12MonthsAgo;
    if (base > 0) {
      arr12MonthsAgo = Math.addExact(arr12MonthsAgo, base);
      retainedArrEnding12m = Math.addExact(retainedArrEnding12m, a1);
      grossRetainedArr12m = Math.addExact(grossRetainedArr12m, Math.min(base, a1));
    }
  }

  private void addSeats(long u0, long u1) {
    seatsStarting = Math.addExact(seatsStarting, u0);
    seatsEnding = Math.addExact(seatsEnding, u1);
    SeatMovement movement = SeatMovement.of(u0, u1);
    switch (movement) {
      case NEW -> seatsNew = Math.addExact(seatsNew, u1);
      case EXPANSION -> seatsExpansion = Math.addExact(seatsExpansion, u1 - u0);
      case CHURNED -> seatsChurned = Math.subtractExact(seatsChurned, u0);
      case DOWNGRADED -> seatsDowngraded = Math.subtractExact(seatsDowngraded, u0 - u1);
      case NONE -> { }
    }
  }

  /** Adds another partial total of the same period and segment into this one. */
  public PeriodTotals merge(PeriodTotals other) {
    arrStarting = Math.addExact(arrStarting, other.arrStarting);
    for (int c = 0; c < components.length; c++) {
      components[c] = Math.addExact(components[c], other.components[c]);
      customersWithComponent[c] += other.customersWithComponent[c];
    }
    upsellRamp = Math.addExact(upsellRamp, other.upsellRamp);
    arrEnding = Math.addExact(arrEnding, other.arrEnding);
    logosStarting += other.logosStarting;
    logosNew += other.logosNew;
    logosReactivated += other.logosReactivated;
    logosChurned += other.logosChurned;
    logosEnding += other.logosEnding;
    seatsStarting = Math.addExact(seatsStarting, other.seatsStarting);
    seatsNew = Math.addExact(seatsNew, other.seatsNew);
    seatsExpansion = Math.addExact(seatsExpansion, other.seatsExpansion);
    seatsChurned = Math.addExact(seatsChurned, other.seatsChurned);
    seatsDowngraded = Math.addExact(seatsDowngraded, other.seatsDowngraded);
    seatsEnding = Math.addExact(seatsEnding, other.seatsEnding);
    upsellUsers += other.upsellUsers;
    upsellUsersT3 += other.upsellUsersT3;
    upsellUsersT12 += other.upsellUsersT12;
    eligible += other.eligible;
    upsold += other.upsold;
    upsoldArr = Math.addExact(upsoldArr, other.upsoldArr);
    qtdEligible += other.qtdEligible;
    qtdUpsold += other.qtdUpsold;
    retainedArrEnding = Math.addExact(retainedArrEnding, other.retainedArrEnding);
    grossRetainedArr = Math.addExact(grossRetainedArr, other.grossRetainedArr);
    arr12MonthsAgo = Math.addExact(arr12MonthsAgo, other.arr12MonthsAgo);
    retainedArrEnding12m = Math.addExact(retainedArrEnding12m, other.retainedArrEnding12m);
    grossRetainedArr12m = Math.addExact(grossRetainedArr12m, other.grossRetainedArr12m);
    inferredDirections += other.inferredDirections;
    return this;
  }

  /**
   * Whether no customer was active at either end and no trailing or quarter-to-date count is set:
   * then every additive figure of the period is 0 (derived ones, like growth, may not be).
   */
  public boolean isEmpty() {
    return logosStarting == 0 && logosEnding == 0 && upsellUsersT3 == 0 && upsellUsersT12 == 0
        && qtdEligible == 0;
  }

  // Read access for the report builder and for analyses.
  public long arrStarting() { return arrStarting; }
  public long component(Component c) { return components[c.ordinal()]; }
  public long customersWith(Component c) { return customersWithComponent[c.ordinal()]; }
  public long upsellRamp() { return upsellRamp; }
  public long arrEnding() { return arrEnding; }
  public long logosStarting() { return logosStarting; }
  public long logosNew() { return logosNew; }
  public long logosReactivated() { return logosReactivated; }
  public long logosChurned() { return logosChurned; }
  public long logosEnding() { return logosEnding; }
  public long seatsStarting() { return seatsStarting; }
  public long seatsNew() { return seatsNew; }
  public long seatsExpansion() { return seatsExpansion; }
  public long seatsChurned() { return seatsChurned; }
  public long seatsDowngraded() { return seatsDowngraded; }
  public long seatsEnding() { return seatsEnding; }
  public long upsellUsers() { return upsellUsers; }
  public long upsellUsersT3() { return upsellUsersT3; }
  public long upsellUsersT12() { return upsellUsersT12; }
  public long eligible() { return eligible; }
  public long upsold() { return upsold; }
  public long upsoldArr() { return upsoldArr; }
  public long qtdEligible() { return qtdEligible; }
  public long qtdUpsold() { return qtdUpsold; }
  public long retainedArrEnding() { return retainedArrEnding; }
  public long grossRetainedArr() { return grossRetainedArr; }
  public long arr12MonthsAgo() { return arr12MonthsAgo; }
  public long retainedArrEnding12m() { return retainedArrEnding12m; }
  public long grossRetainedArr12m() { return grossRetainedArr12m; }
  public long inferredDirections() { return inferredDirections; }

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

}
