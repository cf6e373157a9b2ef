/**
 * Reading {@code subscriptions} from a Parquet file (SPEC §1: "Parquet files with the same column
 * names are also accepted"), through DuckDB's Parquet reader, by one of two routes.
 *
 * <ul>
 *   <li><b>Arrow</b> ({@link dev.upshift.parquet.ArrowSubscriptionsReader}): when every column
 *       has its natural type (text as {@code VARCHAR}, counts as integers, prices as decimals or
 *       integers, dates as {@code DATE}), DuckDB hands the rows over as Arrow batches, parts of the
 *       file in parallel, and they go straight into columns. No text is written or parsed.
 *   <li><b>CSV text</b> ({@link dev.upshift.parquet.ParquetSubscriptions}): any other file, and
 *       any file the Arrow route is not sure of (an error, an overlap, text that is not plain
 *       ASCII), is written out by DuckDB as CSV text into a temporary file, which the CSV reader
 *       reads with every validation it applies to CSV.
 * </ul>
 *
 * <p>Both give the same phases; the second is the one that words errors. An error names the
 * Parquet file and, as its "line", the row in it (the first row is 1), and phases carry that row
 * as their line, so that {@code explain} points at the same place. Fetching rows one by one over
 * JDBC was measured at about three times slower than the CSV round trip, hence Arrow.
 *
 * <p>This package is a module of its own ({@code upshift-parquet}) because DuckDB's native
 * libraries and Arrow are large and platform-bound: a caller that reads only CSV does not carry
 * them. The CSV reader knows no Parquet class; it reads a subscriptions file of another format
 * through {@link dev.upshift.io.csv.SubscriptionsFormat}, which {@link
 * dev.upshift.parquet.ParquetFormat} implements and the command line hands over.
 */
package dev.upshift.parquet;
