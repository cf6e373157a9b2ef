package dev.upshift.segment;

import java.util.Comparator;

/**
 * A way to cut customers into segments (§6.1). Each customer falls in exactly one value per
 * period, so segment sums equal the total. Implementations are immutable and thread-safe.
 */
public interface Dimension {
  /** The value used for missing data. */
  String UNKNOWN = "Unknown";

  /** The dimension's name as used on the command line and in the report. */
  String name();

  /** The customer's value in one period. Never {@code null}: missing data is {@link #UNKNOWN}. */
  String valueOf(String customerId, SegmentFacts facts);

  /**
   * The order in which a report lists this dimension's values: bucket order for bucketed
   * dimensions, else alphabetical; {@link #UNKNOWN} always last.
   */
  default Comparator<String> valueOrder() {
    return Dimensions.unknownLast(Comparator.naturalOrder());
  }

  /**
   * Whether a customer's value can differ from period to period. A static dimension (a column
   * of customers.csv) places a customer by its id alone: its {@link #valueOf} ignores the facts,
   * which may then be {@code null}, and engines look it up once per customer instead of once per
   * customer and period.
   */
  default boolean varies() {
    return true;
  }
}
