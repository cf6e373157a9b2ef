package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import dev.upshift.time.Calendar;
import dev.upshift.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The periods of a report and the month-end snapshots needed to compute them. Immutable.
 *
 * <p>Every period boundary is a month end, so a customer's states are read once, at consecutive
 * month ends, and every figure is computed from them: the period snapshots, the monthly movements
 * behind T3/T12, quarter-to-date and {@code any} counting, and the snapshot twelve months earlier
 * for {@code nrr12m}. The computed periods start one period before the first reported one, because
 * growth rates compare with it (§10: "earlier periods computed from the data even when before
 * {@code --from}").
 */
public final class ReportPlan {
  private final Calendar calendar;
  private final List<Period> computed;
  private final YearMonth firstSnapshotMonth;
  private final int[] snapshotDays;
  private final YearMonth openingBalance;

  private ReportPlan(Calendar calendar, List<Period> reported, YearMonth openingBalance) {
    this.calendar = calendar;
    this.openingBalance = openingBalance;
    List<Period> all = new ArrayList<>(reported.size() + 1);
    all.add(calendar.previous(reported.get(0)));
    all.addAll(reported);
    this.computed = List.copyOf(all);
    // The trailing 12 months of the earliest computed period need the month-end before them.
    this.firstSnapshotMonth = computed.get(0).lastMonth().minusMonths(12);
    YearMonth last = computed.get(computed.size() - 1).lastMonth();
    int count = (int) (firstSnapshotMonth.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1);
    this.snapshotDays = new int[count];
    for (int i = 0; i < count; i++) {
      snapshotDays[i] = Math.toIntExact(firstSnapshotMonth.plusMonths(i).atEndOfMonth().toEpochDay());
    }
  }

  /** A plan for the periods covering {@code from} to {@code to} (widened to whole periods). */
  public static ReportPlan of(Calendar calendar, YearMonth from, YearMonth to) {
    requireNonNull(calendar, "calendar is null");
    return of(calendar, from, to, null);
  }

  /**
   * As {@link #of(Calendar, YearMonth, YearMonth)}, with an opening balance month (§2.4): every
   * snapshot of a day before its first day reads the state of that first day.
   *
   * @param openingBalance the month, or {@code null} for none
   */
  public static ReportPlan of(Calendar calendar, YearMonth from, YearMonth to,
      YearMonth openingBalance) {
    requireNonNull(calendar, "calendar is null");
    return new ReportPlan(calendar, calendar.periods(from, to), openingBalance);
  }

  /** The opening balance month (§2.4), or {@code null}. */
  public YearMonth openingBalance() {
    return openingBalance;
  }

  /**
   * The day whose state a snapshot of {@code day} reads: {@code day} itself, or the opening
   * balance's first day when {@code day} is before it (§2.4).
   */
  public int readDay(int day) {
    return openingBalance == null ? day
        : Math.max(day, Math.toIntExact(openingBalance.atDay(1).toEpochDay()));
  }

  public Calendar calendar() {
    return calendar;
  }

  /** The period before the first reported one (index 0, for growth), then the reported periods. */
  public List<Period> computedPeriods() {
    return computed;
  }

  /** The reported periods: computed periods from index 1. */
  public List<Period> reportedPeriods() {
    return computed.subList(1, computed.size());
  }

  /** Month-end epoch days of all snapshots, ascending. */
  public int[] snapshotDays() {
    return snapshotDays.clone();
  }

  int[] snapshotDaysShared() {
    return snapshotDays;
  }

  /** The snapshot index of the end of a month. */
  public int indexOf(YearMonth month) {
    int index = (int) firstSnapshotMonth.until(month, java.time.temporal.ChronoUnit.MONTHS);
    if (index < 0 || index >= snapshotDays.length) {
      throw new IllegalArgumentException("no snapshot planned for " + month);
    }
    return index;
  }

  /** The month whose end is snapshot {@code index}. */
  public YearMonth monthOf(int index) {
    return firstSnapshotMonth.plusMonths(index);
  }

  public int snapshotCount() {
    return snapshotDays.length;
  }
}
