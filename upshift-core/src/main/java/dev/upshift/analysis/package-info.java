/**
 * Analysis (SPEC §6.2–§6.6): the cohort triangle, the next-period forecast with its back-test,
 * health-score correlation, initiative impact, benchmarks and Good / Watch / Bad signals.
 *
 * <p>Everything here is computed from the same per-customer rows as the report (the ledger of
 * §7.3) in the same pass: {@link dev.upshift.Upshift#analyze} hands each batch of customers' rows
 * to an {@link dev.upshift.analysis.Analyzer}, whose accumulators ({@code CohortTriangle}, {@code
 * ForecastModel}, {@code HealthCorrelation}, gathered in {@link
 * dev.upshift.analysis.AnalysisTotals}) keep only exact sums that merge and subtract like the
 * report's totals, and the rest ({@code InitiativeMeasure}, {@code BenchmarkRules}, {@code
 * SignalRules}) reads the finished report. The
 * public surface is the result records, whose Javadoc states every formula and each decision
 * taken where SPEC is silent; the implementations are package-private.
 *
 * <p>Counts and money follow the report (exact; rates from exact counts, rounded once to 2
 * decimals). Statistics (expected counts, intervals, correlation) are computed in {@code double}
 * from the exact sums, so the same customers give the same figures however they were split, and
 * rounded half-even to 2 decimals. Rates over nothing are {@code null}, never 0.
 */
package dev.upshift.analysis;
