/**
 * Exact money. Amounts are {@code long} micro-units of the reporting currency (SPEC §3.3: six
 * decimal places, exact sums); arithmetic overflows loudly; rounding to two decimals happens only
 * when a report is written.
 */
package dev.upshift.money;
