package dev.upshift.time;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One report period: whole calendar months from {@code firstMonth} to {@code lastMonth}, labelled
 * as §2.1 prescribes. Immutable.
 *
 * <p>A period is measured by the snapshots at {@link #openingDay()} ({@code start − 1 day},
 * {@code d0}) and {@link #closingDay()} ({@code end}, {@code d1}), §2.2.
 *
 * @param label {@code 2026-03}, {@code 2026-Q1}, {@code FY2027-Q1}, {@code 2026} or {@code FY2027}
 * @param firstMonth the first calendar month of the period
 * @param lastMonth the last calendar month of the period
 */
public record Period(String label, YearMonth firstMonth, YearMonth lastMonth)
    implements java.io.Serializable {
  public Period {
    requireNonNull(label, "label is null");
    requireNonNull(firstMonth, "firstMonth is null");
    requireNonNull(lastMonth, "lastMonth is null");
    if (lastMonth.isBefore(firstMonth)) {
      throw new IllegalArgumentException("lastMonth " + lastMonth + " before firstMonth " + firstMonth);
    }
  }

  /** {@code P.start}: the first day of the period. */
  public LocalDate start() {
    return firstMonth.atDay(1);
  }

  /** {@code P.end}: the last day of the period (inclusive). */
  public LocalDate end() {
    return lastMonth.atEndOfMonth();
  }

  /** {@code d0 = P.start − 1 day}: the day of the opening snapshot. */
  public LocalDate openingDay() {
    return start().minusDays(1);
  }

  /** {@code d1 = P.end}: the day of the closing snapshot. */
  public LocalDate closingDay() {
    return end();
  }

  /** Number of calendar months in the period. */
  public int months() {
    return (int) (firstMonth.until(lastMonth, java.time.temporal.ChronoUnit.MONTHS) + 1);
  }

  public boolean contains(YearMonth month) {
    return !month.isBefore(firstMonth) && !month.isAfter(lastMonth);
  }
}
