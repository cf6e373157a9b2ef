package dev.upshift.report;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/** Every figure of one period (of the whole report or of one segment), as in §7.2. Immutable. */
public record PeriodReport(String period, LocalDate start, LocalDate end, ArrBridge arr,
    Logos logos, CustomerCounts customers, SeatWaterfall seats, long upsellUsers,
    long upsellUsersT3, long upsellUsersT12, UpsellRateFigures upsellRate, Retention retention,
    Ratios ratios, Growth growth) {

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
  }
}
