package dev.upshift.spark;

import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Upshift as a Spark library: the report of §7.2 computed where the data is, with exactly the
 * numbers of the command line. Customers are independent, so the job is one shuffle by customer,
 * the core engine on the executors, and a merge of partial totals on the driver (see {@link
 * ReportJob}). Stateless and thread-safe.
 *
 * <pre>{@code
 * Dataset<Row> phases = spark.read().parquet("s3a://lake/phases/");
 * Report report = UpshiftSpark.report(spark, phases, ReportOptions.builder().build());
 * }</pre>
 */
public final class UpshiftSpark {
  private UpshiftSpark() {}

  /**
   * The report of a DataFrame of phases: its columns named as in §1.1 (any case), of any type that
   * reads as the column's text (strings, numbers, decimals, dates); no optional files, amounts in
   * USD, any input error fails.
   *
   * @throws dev.upshift.input.InputException naming every row in error (by its place in the
   *     DataFrame's order) and the total count
   * @throws IllegalArgumentException on an unusable option
   */
  public static Report report(SparkSession spark, Dataset<Row> phases, ReportOptions options) {
    return run(spark, SparkJob.builder().phases(phases, "phases").options(options).build())
        .report();
  }

  /**
   * Runs a job: reads its inputs, computes the report (and its analysis), and writes the ledger
   * and, under {@code --on-error skip}, the rejected rows.
   *
   * @throws dev.upshift.input.InputException when the input is in error (under skip: a side file
   *     or a header)
   * @throws IllegalArgumentException on an unusable option
   */
  public static SparkReport run(SparkSession spark, SparkJob job) {
    return ReportJob.run(spark, job);
  }
}
