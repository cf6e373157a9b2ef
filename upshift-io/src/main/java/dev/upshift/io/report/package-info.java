/**
 * The per-customer ledger of §7.3 ({@link dev.upshift.io.report.LedgerWriter}), and {@link
 * dev.upshift.io.report.Formats}, which it shares with the reports for people and spreadsheets in
 * {@code dev.upshift.render} (the {@code --format table} text, the {@code --format csv} table, the
 * {@code upshift explain} output). Both live here, among the plain writers, so that a caller
 * writing a ledger needs no renderer and every renderer reaches the same formats. The JSON report
 * lives in {@code dev.upshift.io.json}.
 *
 * <p>The core hands over exact figures (money at scale 6, rates already rounded); these writers
 * only decide how they look, and decide it once, in {@code Formats}:
 * <ul>
 *   <li><b>For people</b> (table, explanation): comma thousands separators, 2 decimals for money
 *       and ratios even when the amounts are whole (columns line up, cents are never hidden),
 *       negatives in parentheses as finance tables show them ({@code (40,000.00)}), percentages
 *       with {@code %}, and {@code —} for an undefined value (a rate over zero customers), which
 *       is never shown as 0. The explanation writes movements with an explicit sign
 *       ({@code +18,000.00}) because it reads as prose.
 *   <li><b>For machines</b> (CSV report, ledger): plain decimals with a leading {@code -}, no
 *       grouping and no exponent, an empty cell for {@code null}; 2 decimals in the report (the
 *       figures of §7.2) but all 6 in the ledger, so that summing the ledger reproduces the report
 *       exactly rather than to within rounding.
 *   <li><b>CSV safety</b>: RFC 4180 quoting, CRLF record ends, and text cells starting with
 *       {@code = + - @}, a tab or CR get a leading {@code '} so a spreadsheet never runs a customer
 *       id as a formula. Number cells never get it: {@code -40000.00} must stay a number.
 * </ul>
 *
 * <p>Everything is locale-independent (no {@code String.format}, no {@code NumberFormat}) and
 * deterministic: the same report gives the same bytes on every machine.
 */
package dev.upshift.io.report;
