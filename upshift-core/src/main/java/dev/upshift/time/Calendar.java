package dev.upshift.time;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts months into periods of one grain, with fiscal years starting in any month (§2.1). Immutable.
 *
 * <p>With the fiscal year starting in January labels are calendar ({@code 2026-Q1}, {@code 2026}).
 * Otherwise a fiscal year is named after the calendar year in which it ends: with a February start,
 * February–April 2026 is {@code FY2027-Q1}.
 */
public final class Calendar implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Grain grain;
  private final int fiscalYearStart;

  private Calendar(Grain grain, int fiscalYearStart) {
    this.grain = requireNonNull(grain, "grain is null");
    if (fiscalYearStart < 1 || fiscalYearStart > 12) {
      throw new IllegalArgumentException("fiscal year start must be a month 1-12: " + fiscalYearStart);
    }
    this.fiscalYearStart = fiscalYearStart;
  }

  public static Calendar of(Grain grain, int fiscalYearStart) {
    return new Calendar(grain, fiscalYearStart);
  }

  public Grain grain() {
    return grain;
  }

  public int fiscalYearStart() {
    return fiscalYearStart;
  }

  /** The same fiscal calendar at another grain. */
  public Calendar withGrain(Grain other) {
    return new Calendar(other, fiscalYearStart);
  }

  /** The period of this calendar's grain that contains a month. */
  public Period periodOf(YearMonth month) {
    return switch (grain) {
      case MONTH -> new Period(month.toString(), month, month);
      case QUARTER -> {
        YearMonth first = month.minusMonths(monthsIntoFiscalYear(month) % 3);
        yield new Period(quarterLabel(first), first, first.plusMonths(2));
      }
      case YEAR -> {
        YearMonth first = month.minusMonths(monthsIntoFiscalYear(month));
        yield new Period(yearLabel(first), first, first.plusMonths(11));
      }
    };
  }

  /** The period right after {@code period}. */
  public Period next(Period period) {
    return periodOf(period.lastMonth().plusMonths(1));
  }

  /** The period right before {@code period}. */
  public Period previous(Period period) {
    return periodOf(period.firstMonth().minusMonths(1));
  }

  /**
   * The consecutive periods covering {@code from} to {@code to}, widened to whole periods.
   *
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   */
  public List<Period> periods(YearMonth from, YearMonth to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    List<Period> periods = new ArrayList<>();
    Period period = periodOf(from);
    while (!period.firstMonth().isAfter(to)) {
      periods.add(period);
      period = next(period);
    }
    return periods;
  }

  /** The fiscal quarter containing a month (used for quarter-to-date figures). */
  public Period quarterOf(YearMonth month) {
    return withGrain(Grain.QUARTER).periodOf(month);
  }

  /** The fiscal year containing a month. */
  public Period yearOf(YearMonth month) {
    return withGrain(Grain.YEAR).periodOf(month);
  }

  private int monthsIntoFiscalYear(YearMonth month) {
    return Math.floorMod(month.getMonthValue() - fiscalYearStart, 12);
  }

  private String quarterLabel(YearMonth firstMonth) {
    int quarter = monthsIntoFiscalYear(firstMonth) / 3 + 1;
    return yearLabel(firstMonth) + "-Q" + quarter;
  }

  private String yearLabel(YearMonth anyMonth) {
    if (fiscalYearStart == 1) {
      return Integer.toString(anyMonth.getYear());
    }
    YearMonth fiscalYearEnd = anyMonth.minusMonths(monthsIntoFiscalYear(anyMonth)).plusMonths(11);
    return "FY" + fiscalYearEnd.getYear();
  }
}
