package dev.upshift.sample;

/**
 * One way of writing a recurring price (§1.1): {@code arr}, {@code mrr}, or {@code amount} per
 * {@code billing_period}, with each period's name and ISO-8601 spelling.
 *
 * @param column {@code arr}, {@code mrr} or {@code amount}
 * @param period the {@code billing_period} cell for {@code amount}, else {@code null}
 * @param months months one price pays for
 */
record PriceForm(String column, String period, int months) {
  static final PriceForm ARR = new PriceForm("arr", null, 12);
  static final PriceForm MRR = new PriceForm("mrr", null, 1);
  static final PriceForm MONTH = amount("month", 1);
  static final PriceForm P1M = amount("P1M", 1);
  static final PriceForm QUARTER = amount("quarter", 3);
  static final PriceForm P3M = amount("P3M", 3);
  static final PriceForm HALF_YEAR = amount("half_year", 6);
  static final PriceForm P6M = amount("P6M", 6);
  static final PriceForm YEAR = amount("year", 12);
  static final PriceForm P1Y = amount("P1Y", 12);
  static final PriceForm TWO_YEARS = amount("two_years", 24);
  static final PriceForm P2Y = amount("P2Y", 24);
  static final PriceForm THREE_YEARS = amount("three_years", 36);
  static final PriceForm P3Y = amount("P3Y", 36);

  private static PriceForm amount(String period, int months) {
    return new PriceForm("amount", period, months);
  }

  /**
   * The price of one unit for this form's period, in cents, from an annual unit price in cents
   * that is a multiple of 12 (so every period up to two years divides it exactly).
   *
   * <p>Three-year terms are quoted the way sales teams quote them: about 5% off three annual
   * prices, ending in 9 ({@code 2,569}). Such an amount divided by 3 is rarely a whole number of
   * cents, so these rows are the ones that exercise the rounding of §3.3.
   */
  long unitPriceCents(long annualUnitCents) {
    if (months == 36) {
      long tens = Math.round(annualUnitCents * 3 * 0.95 / 1_000.0);
      long charm = tens * 1_000 - 100;
      return charm > 0 ? charm : annualUnitCents * 3;
    }
    return annualUnitCents * months / 12;
  }
}
