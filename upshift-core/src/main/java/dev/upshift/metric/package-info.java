/**
 * Metrics (SPEC §5): each customer is evaluated on its own ({@code CustomerEvaluator}) into one
 * {@link dev.upshift.metric.CustomerPeriod} per period, the row of the ledger; the report's
 * figures are sums of those rows ({@link dev.upshift.metric.PeriodTotals}), merged across threads,
 * and derived figures (rates, ratios, growth) are computed from the exact sums only at the end.
 *
 * <p>Snapshots are read at consecutive month ends ({@link dev.upshift.metric.ReportPlan}); monthly
 * movements give T3/T12 Upsell Users, quarter-to-date figures and {@code any} counting, and period
 * movements compare the period's own two snapshots.
 */
package dev.upshift.metric;
