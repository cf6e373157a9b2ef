package dev.upshift.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' Spark: one local session for the whole test run ({@code local[2]}, the driver on the
 * loopback address, no UI, few shuffle partitions so that small datasets still spread over
 * several), started on first use and stopped when the JVM exits.
 */
final class LocalSpark {
  private static SparkSession session;

  private LocalSpark() {}

  static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .appName("upshift-tests")
          .master("local[2]")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
