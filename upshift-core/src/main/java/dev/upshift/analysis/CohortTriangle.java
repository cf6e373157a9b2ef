package dev.upshift.analysis;

import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.Rates;
import dev.upshift.money.Micros;
import dev.upshift.time.Calendar;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates the cohort triangle of §6.2 from ledger rows; see {@link Cohorts}. Not thread-safe. */
final class CohortTriangle implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final Calendar calendar;
  private final Grain cohortGrain;
  private final List<Period> reported;
  private final Map<YearMonth, Cohort> cohorts = new TreeMap<>();

  private static final class Cell implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    long customers;
    long eligible;
    long upsold;
    long arr0;
    long arr1;
  }

  static final class Cohort implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    long customers;
    /** By reported period index (1..n); {@code null} where the cohort has no customer yet. */
    final Cell[] cells;

    Cohort(int periods) {
      cells = new Cell[periods + 1];
    }

    boolean hasCells() {
      for (Cell cell : cells) {
        if (cell != null) {
          return true;
        }
      }
      return false;
    }
  }

  /** The cohort of each first-active day met so far: customers share a few hundred days. */
  private transient Map<Integer, Cohort> byFirstActiveDay;

  CohortTriangle(Calendar calendar, Grain cohortGrain, List<Period> reported) {
    this.calendar = calendar;
    this.cohortGrain = cohortGrain;
    this.reported = reported;
  }

  /** The first month of the cohort of a customer first active on {@code firstActiveDay}. */
  YearMonth cohortOf(int firstActiveDay) {
    YearMonth month = YearMonth.from(LocalDate.ofEpochDay(firstActiveDay));
    return cohortGrain == Grain.QUARTER ? calendar.quarterOf(month).firstMonth() : month;
  }

  /**
   * The cohort of a customer first active on {@code firstActiveDay}, created on first use, or
   * {@code null} for a customer never active: looked up once per customer, not once per row.
   */
  Cohort cohortFor(int firstActiveDay) {
    if (firstActiveDay == Integer.MAX_VALUE) {
      return null;
    }
    if (byFirstActiveDay == null) {
      byFirstActiveDay = new java.util.HashMap<>();
    }
    return byFirstActiveDay.computeIfAbsent(firstActiveDay,
        day -> cohorts.computeIfAbsent(cohortOf(day), m -> new Cohort(reported.size())));
  }

  /** Counts a customer (once) in its cohort ({@code null}: never active, no cohort). */
  void addCustomer(Cohort cohort) {
    if (cohort != null) {
      cohort.customers++;
    }
  }

  /** Adds a row of a reported period (index 1..n) of a customer of {@code cohort}. */
  void add(Cohort cohort, CustomerPeriod row) {
    if (cohort == null || row.movement().arr0() <= 0) {
      return;
    }
    Cell cell = cohort.cells[row.periodIndex()];
    if (cell == null) {
      cell = new Cell();
      cohort.cells[row.periodIndex()] = cell;
    }
    cell.customers++;
    if (row.eligible()) {
      cell.eligible++;
    }
    if (row.upsold()) {
      cell.upsold++;
    }
    cell.arr0 = Math.addExact(cell.arr0, row.movement().arr0());
    cell.arr1 = Math.addExact(cell.arr1, row.movement().arr1());
  }

  /** A new, empty triangle of the same shape. */
  CohortTriangle emptyCopy() {
    return new CohortTriangle(calendar, cohortGrain, reported);
  }

  /**
   * Adds ({@code sign} 1) or takes out ({@code sign} -1) another triangle's counts; cells and
   * cohorts left with nothing are dropped, so the result equals one accumulated from the rows.
   */
  void combine(CohortTriangle other, int sign) {
    other.cohorts.forEach((month, theirs) -> {
      Cohort mine = cohorts.computeIfAbsent(month, m -> new Cohort(reported.size()));
      mine.customers += sign * theirs.customers;
      for (int index = 1; index < theirs.cells.length; index++) {
        Cell t = theirs.cells[index];
        if (t == null) {
          continue;
        }
        if (mine.cells[index] == null) {
          mine.cells[index] = new Cell();
        }
        Cell c = mine.cells[index];
        c.customers += sign * t.customers;
        c.eligible += sign * t.eligible;
        c.upsold += sign * t.upsold;
        c.arr0 = Math.addExact(c.arr0, Math.multiplyExact(sign, t.arr0));
        c.arr1 = Math.addExact(c.arr1, Math.multiplyExact(sign, t.arr1));
        if (c.customers == 0 && c.eligible == 0 && c.upsold == 0 && c.arr0 == 0 && c.arr1 == 0) {
          mine.cells[index] = null;
        }
      }
      if (mine.customers == 0 && !mine.hasCells()) {
        cohorts.remove(month);
        byFirstActiveDay = null; // it may hold the removed cohort
      }
    });
  }

  Cohorts result() {
    List<Cohorts.Cohort> list = new ArrayList<>();
    cohorts.forEach((firstMonth, cohort) -> {
      List<Cohorts.Cell> cells = new ArrayList<>();
      YearMonth startPeriod = calendar.periodOf(firstMonth).firstMonth();
      for (int index = 1; index < cohort.cells.length; index++) {
        Cell c = cohort.cells[index];
        if (c == null) {
          continue;
        }
        Period period = reported.get(index - 1);
        int age = (int) (startPeriod.until(period.firstMonth(), ChronoUnit.MONTHS)
            / calendar.grain().months());
        cells.add(new Cohorts.Cell(age, period.label(), c.customers, c.eligible, c.upsold,
            Rates.percent(c.upsold, c.eligible), Micros.toDecimal(c.arr0), Micros.toDecimal(c.arr1),
            Rates.percent(c.arr1, c.arr0)));
      }
      String label = cohortGrain == Grain.QUARTER
          ? calendar.quarterOf(firstMonth).label() : firstMonth.toString();
      list.add(new Cohorts.Cohort(label, firstMonth, cohort.customers, cells));
    });
    return new Cohorts(cohortGrain, calendar.grain(), list);
  }
}
