package dev.upshift.input;

import java.util.Locale;
import java.util.Optional;

/** The {@code billing_period} of an {@code amount} price: how many months one amount pays for. */
public enum BillingPeriod {
  MONTH(1, "month", "P1M"),
  QUARTER(3, "quarter", "P3M"),
  HALF_YEAR(6, "half_year", "P6M"),
  YEAR(12, "year", "P1Y"),
  TWO_YEARS(24, "two_years", "P2Y"),
  THREE_YEARS(36, "three_years", "P3Y");

  private final int months;
  private final String name;
  private final String isoDuration;

  BillingPeriod(int months, String name, String isoDuration) {
    this.months = months;
    this.name = name;
    this.isoDuration = isoDuration;
  }

  public int months() {
    return months;
  }

  /** Accepts the names and ISO-8601 durations of §1.1, case-insensitively. */
  public static Optional<BillingPeriod> parse(String cell) {
    String wanted = cell.trim().toLowerCase(Locale.ROOT);
    for (BillingPeriod period : values()) {
      if (period.name.equals(wanted) || period.isoDuration.toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(period);
      }
    }
    return Optional.empty();
  }
}
