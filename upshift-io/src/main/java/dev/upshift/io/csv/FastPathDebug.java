package dev.upshift.io.csv;

import java.util.Locale;

/**
 * What the fast paths (subscriptions and customers CSV, Parquet) print with {@code
 * -Dupshift.debug=true}: why a file was declined and how long the steps took. Silent otherwise.
 */
public final class FastPathDebug {
  private FastPathDebug() {}

  /** Prints {@code upshift: } and the formatted message on stderr when debugging is on. */
  public static void log(String format, Object... args) {
    if (Boolean.getBoolean("upshift.debug")) {
      System.err.println("upshift: " + String.format(Locale.ROOT, format, args));
    }
  }
}
