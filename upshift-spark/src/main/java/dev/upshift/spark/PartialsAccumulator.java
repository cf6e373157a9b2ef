package dev.upshift.spark;

import org.apache.spark.util.AccumulatorV2;

/**
 * Collects the partitions' {@link Partials} while a write (the ledger) runs, where a task's result
 * cannot carry them. Spark applies a result task's update once, however often the task ran, so the
 * sum is exact.
 */
final class PartialsAccumulator extends AccumulatorV2<Partials, Partials> {
  private static final long serialVersionUID = 1L;

  private Partials sum;

  @Override
  public boolean isZero() {
    return sum == null;
  }

  @Override
  public AccumulatorV2<Partials, Partials> copy() {
    PartialsAccumulator copy = new PartialsAccumulator();
    copy.sum = sum;
    return copy;
  }

  @Override
  public void reset() {
    sum = null;
  }

  @Override
  public void add(Partials partials) {
    sum = sum == null ? partials : sum.plus(partials);
  }

  @Override
  public void merge(AccumulatorV2<Partials, Partials> other) {
    Partials theirs = other.value();
    if (theirs != null) {
      add(theirs);
    }
  }

  @Override
  public Partials value() {
    return sum;
  }
}
