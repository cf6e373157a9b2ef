package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import dev.upshift.movement.Movement;

/**
 * Everything one customer contributes to one period: its movement plus the Upsell Rate, trailing
 * and retention facts (§5). Summing these over customers gives the report, which is also how the
 * ledger (§7.3) reproduces it. Immutable.
 *
 * @param customerId the customer
 * @param periodIndex index of the period in the computed periods of the {@link ReportPlan}
 * @param movement the customer's movement between the period's snapshots
 * @param eligible eligible for the Upsell Rate
 * @param upsold eligible and qualifying under the upsell definition
 * @param upsoldArr qualifying ARR in micro-units when upsold, else 0
 * @param upsellUserT3 an Upsell User in some month of the trailing 3 months
 * @param upsellUserT12 an Upsell User in some month of the trailing 12 months
 * @param qtdEligible eligible in some month of the quarter so far (monthly grain only)
 * @param qtdUpsold upsold in some month of the quarter so far (monthly grain only)
 * @param arr12MonthsAgo ARR at the month-end 12 months before the period's end, in micro-units
 * @param firstActiveDay {@code first_active_date} as an epoch day, {@link Integer#MAX_VALUE} when
 *     never active (cohort analyses need it)
 */
public record CustomerPeriod(String customerId, int periodIndex, Movement movement,
    boolean eligible, boolean upsold, long upsoldArr, boolean upsellUserT3, boolean upsellUserT12,
    boolean qtdEligible, boolean qtdUpsold, long arr12MonthsAgo, int firstActiveDay) {

  public CustomerPeriod {
    requireNonNull(customerId, "customerId is null");
    requireNonNull(movement, "movement is null");
  }

  /**
   * Whether the customer has a ledger row: active at either end of the period (§10), or counted
   * eligible for the Upsell Rate, which an onboarding window (§5.5) can make a customer without
   * ARR at either end; its ledger row then has an empty status.
   */
  public boolean inLedger() {
    return movement.arr0() > 0 || movement.arr1() > 0 || eligible;
  }

  /** Whether the row changes any figure of the report (rows that do not are skipped early). */
  public boolean contributes() {
    return inLedger() || upsellUserT3 || upsellUserT12 || qtdEligible || arr12MonthsAgo > 0;
  }
}
