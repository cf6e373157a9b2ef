/**
 * Metrics (SPEC §4, §5): the one engine. {@link dev.upshift.metric.MetricEngine} runs each
 * customer through {@code CustomerKernel}, which reads its phases straight from the columns of a
 * {@link dev.upshift.input.PhaseTable}, builds each line's step function in the book, takes the
 * state at consecutive month ends, classifies every month's and every period's movement (§4) and
 * decides the Upsell Rate facts (§5.5). Its contribution is added to {@link
 * dev.upshift.metric.MetricTotals}, and, where a ledger, an analysis or an explanation asks for
 * them, handed over row by row as {@link dev.upshift.metric.CustomerPeriod} values through {@link
 * dev.upshift.metric.RowSinks}. Every output is computed by the same code.
 *
 * <p>Totals are sums over customers, so they form a group: partial totals of any split of the
 * customers merge in any order ({@link dev.upshift.metric.MetricTotals#plus}), and one customer's
 * contribution can be taken out again ({@link dev.upshift.metric.MetricTotals#minus}). The
 * threads, the service and Spark combine partial results the same way. Derived figures (rates,
 * ratios, growth) are computed from the exact sums only at the end.
 *
 * <p>Snapshots are read at consecutive month ends ({@link dev.upshift.metric.ReportPlan}); monthly
 * movements give T3/T12 Upsell Users, quarter-to-date figures and {@code any} counting, and period
 * movements compare the period's own two snapshots. An onboarding window ({@link
 * dev.upshift.metric.RateWindow}) adds, per customer, the states at its first active date and N
 * days later, classified by the same code, for an Upsell Rate over each customer's first N days.
 */
package dev.upshift.metric;
