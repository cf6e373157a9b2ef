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
   * Whether the sink needs the row of this period, by what the engine knows before it makes the
   * row: a ledger needs only reported periods with ARR at either end, and skipping the others
   * saves making tens of millions of rows at a million customers. Rows it needs are still all
   * passed to {@link #accept}; rows it does not need may be passed too.
   *
   * @param periodIndex the computed period ({@code 0} is the one before the first reported)
   * @param inLedger whether the customer has ARR at either end of the period
   */
  default boolean wants(int periodIndex, boolean inLedger) {
    return true;
  }

  /**
   * Called once after the batch's last row, on the thread that filled the sink, before the sink is
   * closed: the place for work that should run on every core (formatting, encoding).
   */
  default void finish() { }
}
