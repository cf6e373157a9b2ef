/**
 * Reading {@code subscriptions} from a Parquet file (SPEC §1: "Parquet files with the same column
 * names are also accepted"), through DuckDB's Parquet reader.
 *
 * <p>DuckDB writes the file's rows out as CSV text into a temporary file (in parallel; dates as
 * {@code yyyy-MM-dd}, decimals as plain decimals), which the CSV reader then reads with every
 * validation it applies to CSV. One reader, one set of rules and messages: an error names the
 * Parquet file and, as its "line", the row number in it (the first row is 1). Fetching rows one by
 * one over JDBC was measured at about three times slower than this round trip.
 */
package dev.upshift.io.parquet;
