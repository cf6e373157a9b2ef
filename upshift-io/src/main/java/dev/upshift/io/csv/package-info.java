/**
 * Reading the CSV input files (SPEC §1) into a {@link dev.upshift.input.Dataset}.
 *
 * <p>{@link dev.upshift.io.csv.DatasetReader#read} is the entry point; the same readers read the
 * same rows held in memory as records ({@link dev.upshift.io.csv.RecordTable}, {@link
 * dev.upshift.io.csv.InputRecords}: the service's batches), so there is one set of rules; {@link
 * dev.upshift.io.csv.InputFiles} names the files and the policy, {@link dev.upshift.io.csv.OnError}
 * says whether a bad row fails the run or is dropped into a rejects file. A {@code subscriptions}
 * file in another format (Parquet) is read through a {@link dev.upshift.io.csv.SubscriptionsFormat}
 * that the caller passes in, so this package depends on no reader of such formats. Everything
 * else is package-private but for {@code InitiativesReader} (for the analysis) and the pieces the
 * Parquet reader shares: {@code SubscriptionColumns}, {@code CleanRows}, {@code FastPathDebug}.
 *
 * <p>How a file is read, and why:
 * <ul>
 *   <li><b>Streaming.</b> Bytes are decoded in fixed-size chunks and parsed record by record
 *       (FastCSV), so memory holds the phases, not the file's text. Repeated strings and dates are
 *       interned so that millions of phases share them.
 *   <li><b>Strict where lenience would hide data loss.</b> FastCSV accepts ragged rows, text after a
 *       closing quote and a quote that is never closed (which swallows the rest of the file into
 *       one cell). A tracker follows the RFC 4180 structure alongside the parser and reports each of
 *       these at its row. Bytes that are not UTF-8 are reported by a strict decoder with the line
 *       and cell they are in, and reading goes on so every other error is found too.
 *   <li><b>Physical line numbers.</b> Errors name the line a record starts on in the file (header =
 *       1), counting blank lines and the line breaks inside quoted cells, so a person can jump to
 *       it in an editor.
 *   <li><b>Every error of a row.</b> All cells of a row are checked; a person fixes a row once.
 *   <li><b>Exact money.</b> Prices are {@code BigDecimal}s with at most six significant decimal
 *       places (input is never rounded); a phase's ARR is computed exactly and rounded once to
 *       micro-units.
 * </ul>
 */
package dev.upshift.io.csv;
