/**
 * The report model of SPEC §7.2 and the options that produce it. Money is held exact (scale 6) and
 * rounded half-even to two decimals only by writers; rates, ratios and growth are computed from
 * exact sums and rounded once.
 */
package dev.upshift.report;
