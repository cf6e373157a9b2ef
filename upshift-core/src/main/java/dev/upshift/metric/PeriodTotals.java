package dev.upshift.metric;

import dev.upshift.movement.Component;
import dev.upshift.movement.SeatMovement;

/**
 * The additive figures of one period (optionally within one segment): sums and counts over
 * customers, from which every §5 metric is derived. Money in micro-units.
 *
 * <p>Mutable for speed on the hot path, but only through {@link #add}, {@link #merge} and {@link
 * #subtract}, which are plain sums and differences: the totals of a period form a group, so threads,
 * the service (which takes one customer's old contribution out and puts its new one in) and Spark
 * combine partial totals the same way and get the same numbers. Serialisable, so that partial
 * totals can travel between machines.
 */
public final class PeriodTotals implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

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

  /** Adds one customer's contribution in one period. */
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
    return combine(other, 1);
  }

  /**
   * Takes another partial total of the same period and segment out of this one: the inverse of
   * {@link #merge}, so {@code t.merge(x).subtract(x)} equals {@code t} exactly.
   */
  public PeriodTotals subtract(PeriodTotals other) {
    return combine(other, -1);
  }

  /** {@code this += sign · other}, field by field; every sum is exact or throws on overflow. */
  private PeriodTotals combine(PeriodTotals other, int sign) {
    arrStarting = plus(arrStarting, other.arrStarting, sign);
    for (int c = 0; c < components.length; c++) {
      components[c] = plus(components[c], other.components[c], sign);
      customersWithComponent[c] = plus(customersWithComponent[c], other.customersWithComponent[c], sign);
    }
    upsellRamp = plus(upsellRamp, other.upsellRamp, sign);
    arrEnding = plus(arrEnding, other.arrEnding, sign);
    logosStarting = plus(logosStarting, other.logosStarting, sign);
    logosNew = plus(logosNew, other.logosNew, sign);
    logosReactivated = plus(logosReactivated, other.logosReactivated, sign);
    logosChurned = plus(logosChurned, other.logosChurned, sign);
    logosEnding = plus(logosEnding, other.logosEnding, sign);
    seatsStarting = plus(seatsStarting, other.seatsStarting, sign);
    seatsNew = plus(seatsNew, other.seatsNew, sign);
    seatsExpansion = plus(seatsExpansion, other.seatsExpansion, sign);
    seatsChurned = plus(seatsChurned, other.seatsChurned, sign);
    seatsDowngraded = plus(seatsDowngraded, other.seatsDowngraded, sign);
    seatsEnding = plus(seatsEnding, other.seatsEnding, sign);
    upsellUsers = plus(upsellUsers, other.upsellUsers, sign);
    upsellUsersT3 = plus(upsellUsersT3, other.upsellUsersT3, sign);
    upsellUsersT12 = plus(upsellUsersT12, other.upsellUsersT12, sign);
    eligible = plus(eligible, other.eligible, sign);
    upsold = plus(upsold, other.upsold, sign);
    upsoldArr = plus(upsoldArr, other.upsoldArr, sign);
    qtdEligible = plus(qtdEligible, other.qtdEligible, sign);
    qtdUpsold = plus(qtdUpsold, other.qtdUpsold, sign);
    retainedArrEnding = plus(retainedArrEnding, other.retainedArrEnding, sign);
    grossRetainedArr = plus(grossRetainedArr, other.grossRetainedArr, sign);
    arr12MonthsAgo = plus(arr12MonthsAgo, other.arr12MonthsAgo, sign);
    retainedArrEnding12m = plus(retainedArrEnding12m, other.retainedArrEnding12m, sign);
    grossRetainedArr12m = plus(grossRetainedArr12m, other.grossRetainedArr12m, sign);
    inferredDirections = plus(inferredDirections, other.inferredDirections, sign);
    return this;
  }

  private static long plus(long a, long b, int sign) {
    return sign > 0 ? Math.addExact(a, b) : Math.subtractExact(a, b);
  }

  /** A copy that changes independently of this one. */
  public PeriodTotals copy() {
    return new PeriodTotals().merge(this);
  }

  /** Whether every field is 0: no customer contributed, or contributions cancelled out exactly. */
  public boolean isZero() {
    return equals(new PeriodTotals());
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PeriodTotals t)) {
      return false;
    }
    return arrStarting == t.arrStarting && java.util.Arrays.equals(components, t.components)
        && upsellRamp == t.upsellRamp && arrEnding == t.arrEnding
        && logosStarting == t.logosStarting && logosNew == t.logosNew
        && logosReactivated == t.logosReactivated && logosChurned == t.logosChurned
        && logosEnding == t.logosEnding
        && java.util.Arrays.equals(customersWithComponent, t.customersWithComponent)
        && seatsStarting == t.seatsStarting && seatsNew == t.seatsNew
        && seatsExpansion == t.seatsExpansion && seatsChurned == t.seatsChurned
        && seatsDowngraded == t.seatsDowngraded && seatsEnding == t.seatsEnding
        && upsellUsers == t.upsellUsers && upsellUsersT3 == t.upsellUsersT3
        && upsellUsersT12 == t.upsellUsersT12 && eligible == t.eligible && upsold == t.upsold
        && upsoldArr == t.upsoldArr && qtdEligible == t.qtdEligible && qtdUpsold == t.qtdUpsold
        && retainedArrEnding == t.retainedArrEnding && grossRetainedArr == t.grossRetainedArr
        && arr12MonthsAgo == t.arr12MonthsAgo && retainedArrEnding12m == t.retainedArrEnding12m
        && grossRetainedArr12m == t.grossRetainedArr12m
        && inferredDirections == t.inferredDirections;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(arrStarting, java.util.Arrays.hashCode(components), arrEnding,
        logosStarting, logosEnding, seatsStarting, seatsEnding, eligible, upsold, upsoldArr);
  }

  /**
   * Whether no customer was active at either end and no trailing, quarter-to-date or eligible count
   * is set: then every additive figure of the period is 0 (derived ones, like growth, may not be).
   * (An onboarding window can count a customer eligible with no ARR at either end.)
   */
  public boolean isEmpty() {
    return logosStarting == 0 && logosEnding == 0 && upsellUsersT3 == 0 && upsellUsersT12 == 0
        && qtdEligible == 0 && eligible == 0;
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
