package dev.upshift.metric;

import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Where the engine sends rows while it computes in parallel: it {@linkplain #open() opens} one
 * {@link RowSink} per batch of customers on the thread that computes the batch, and hands the
 * filled sinks back to {@link #close} one at a time, in batch order, so that a ledger can format
 * rows on every core and still write them in customer order, and an analysis can accumulate
 * per-batch partial results and merge them.
 *
 * @param <S> the kind of sink
 */
public interface RowSinks<S extends RowSink> {
  /** A new, empty sink for one batch; called from worker threads. */
  S open();

  /** Takes a filled sink back; called once per sink, in batch order, never concurrently. */
  void close(S sink);

  /** Sinks that send every row to each of {@code a} and {@code b}. */
  static RowSinks<?> both(RowSinks<?> a, RowSinks<?> b) {
    return Both.of(a, b);
  }

  /** {@code sinks}, passed only the rows that pass {@code filter}. */
  static RowSinks<?> filtered(RowSinks<?> sinks, Predicate<CustomerPeriod> filter) {
    return Filtered.of(sinks, filter);
  }

  /**
   * Sinks that hand the rows passing {@code filter} to {@code consumer} on the thread that closes
   * the batches, in customer order: for a receiver that is not thread-safe.
   */
  static RowSinks<?> ordered(Predicate<CustomerPeriod> filter, Consumer<CustomerPeriod> consumer) {
    return new Ordered(filter, consumer);
  }
}
