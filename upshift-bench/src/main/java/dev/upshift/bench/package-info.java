/**
 * Benchmarks, kept apart from the product: JMH benchmarks of the per-customer kernel ({@link
 * dev.upshift.bench.KernelBenchmark}) and the CSV reader ({@link
 * dev.upshift.bench.CsvReaderBenchmark}), the end-to-end benchmark command that times whole
 * processes ({@link dev.upshift.bench.EndToEnd}), and the SQL peer it is compared with ({@link
 * dev.upshift.bench.SqlBridge}): the monthly bridge as a warehouse team would write it in DuckDB,
 * checked against Upshift's numbers by {@code SqlBridgeTest}.
 *
 * <p>Each class's Javadoc has the command that runs it; the last results are in the module's
 * README. {@code mvn verify} builds them and runs the SQL check, never the benchmarks.
 */
package dev.upshift.bench;
