package dev.upshift.io.csv;

/**
 * What the {@code end_date} of a subscriptions file means. §1.1 defines it as the first day no
 * longer in force; many billing systems export the last day in force instead, and read as §1.1
 * dates such an export leaves a one-day gap before every renewal and amendment (a churn and a
 * reactivation where there was neither).
 */
public enum EndDates {
  /** §1.1: the first day the phase is no longer in force. */
  EXCLUSIVE,
  /** The last day the phase is in force: read as the day after. */
  INCLUSIVE;

  /** Days to add to an {@code end_date} as written to get §1.1's. */
  public int shift() {
    return this == INCLUSIVE ? 1 : 0;
  }
}
