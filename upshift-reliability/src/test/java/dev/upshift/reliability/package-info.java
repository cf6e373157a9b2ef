/**
 * The reliability suite of the service (SPEC §8.5): each promise tested against real servers on
 * 127.0.0.1, once per store — the embedded SQLite store always, PostgreSQL in the tests tagged
 * {@code postgres} — by the same code ({@link dev.upshift.reliability.Backend}).
 *
 * <ul>
 *   <li>{@code CrashTest}: a child {@code upshift serve} killed with SIGKILL while clients ingest;
 *   <li>{@code RetryTest}: every batch sent one to three times, shuffled, concurrently;
 *   <li>{@code IsolationTest}: every route with another workspace's key;
 *   <li>{@code BadInputTest}: fuzzed bodies and queries;
 *   <li>{@code LoadTest}: 32 clients ingesting and asking for reports.
 * </ul>
 *
 * <p>Every loop is bounded in count and in time; every figure is printed and the README keeps the
 * measured ones. A report is checked against a fresh computation: the records the API lists,
 * written as the §1 files and read by {@code upshift report} ({@link
 * dev.upshift.reliability.FreshReport}).
 */
package dev.upshift.reliability;
