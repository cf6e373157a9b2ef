/**
 * Upshift on Apache Spark: the report of §7.2 computed where the data is, with exactly the numbers
 * of the command line.
 *
 * <p>Customers are independent, and the core's totals merge ({@link
 * dev.upshift.metric.MetricTotals#plus}), so the job is one shuffle of the phases by customer, the
 * core engine on each partition against a context broadcast from the driver, and a sum of partial
 * totals on the driver. What the context needs from the whole dataset (the highest tier seen per
 * product, the data's first and last day, the row counts) is gathered by a first pass over the
 * same shuffled partitions ({@link dev.upshift.DataFacts}); the rows are checked by the readers'
 * own rules ({@link dev.upshift.io.csv.SubscriptionRows}, {@link
 * dev.upshift.input.SubscriptionLog}), so there is one set of rules, not two.
 *
 * <p>Entry points: {@link dev.upshift.spark.UpshiftSpark} (library), {@link
 * dev.upshift.spark.UpshiftSparkApp} (application). Only Spark's Java API is used.
 */
package dev.upshift.spark;
