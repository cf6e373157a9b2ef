package dev.upshift.segment;

import java.time.LocalDate;

/** {@code tenure_months} of §3.2. */
public final class Tenure {
  private Tenure() {}

  /**
   * Whole months from {@code first} to {@code day}:
   * {@code 12·(D.year − F.year) + (D.month − F.month) − (D.day < F.day ? 1 : 0)}.
   */
  public static int months(LocalDate first, LocalDate day) {
    int months = 12 * (day.getYear() - first.getYear()) + day.getMonthValue() - first.getMonthValue();
    return day.getDayOfMonth() < first.getDayOfMonth() ? months - 1 : months;
  }
}
