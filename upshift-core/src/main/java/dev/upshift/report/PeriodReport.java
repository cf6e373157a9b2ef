package dev.upshift.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * Every figure of one period (of the whole report or of one segment), as in §7.2, and how much of
 * the period the data covers. Immutable.
 */
public record PeriodReport(String period, LocalDate start, LocalDate end, ArrBridge arr,
    Logos logos, CustomerCounts customers, SeatWaterfall seats, long upsellUsers,
    long upsellUsersT3, long upsellUsersT12, UpsellRateFigures upsellRate, Retention retention,
    Ratios ratios, Growth growth, Coverage coverage) {

  /** A period the data covers whole. */
  public PeriodReport(String period, LocalDate start, LocalDate end, ArrBridge arr,
      Logos logos, CustomerCounts customers, SeatWaterfall seats, long upsellUsers,
      long upsellUsersT3, long upsellUsersT12, UpsellRateFigures upsellRate, Retention retention,
      Ratios ratios, Growth growth) {
    this(period, start, end, arr, logos, customers, seats, upsellUsers, upsellUsersT3,
        upsellUsersT12, upsellRate, retention, ratios, growth, Coverage.whole(start, end));
  }

  public PeriodReport {
    requireNonNull(period, "period is null");
    requireNonNull(start, "start is null");
    requireNonNull(end, "end is null");
    requireNonNull(arr, "arr is null");
    requireNonNull(logos, "logos is null");
    requireNonNull(customers, "customers is null");
    requireNonNull(seats, "seats is null");
    requireNonNull(upsellRate, "upsellRate is null");
    requireNonNull(retention, "retention is null");
    requireNonNull(ratios, "ratios is null");
    requireNonNull(growth, "growth is null");
    requireNonNull(coverage, "coverage is null");
  }
}
