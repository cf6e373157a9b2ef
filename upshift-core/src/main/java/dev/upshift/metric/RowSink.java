package dev.upshift.metric;

/**
 * Receives the rows of one batch of customers: every {@link CustomerPeriod} a customer adds to the
 * totals (its ledger rows, and rows that only carry trailing, quarter-to-date or twelve-month
 * figures), customer by customer in id order, each customer's periods in order, the period before
 * the first reported one (index 0) included. Used by one thread at a time.
 */
public interface RowSink {
  void accept(CustomerPeriod row);

  /**
   * Called once after the batch's last row, on the thread that filled the sink, before the sink is
   * closed: the place for work that should run on every core (formatting, encoding).
   */
  default void finish() { }
}
