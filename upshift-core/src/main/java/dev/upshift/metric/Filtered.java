package dev.upshift.metric;

import java.util.function.Predicate;

/** {@link RowSinks#filtered}: the wrapped sinks, passed only the rows that pass a filter. */
final class Filtered<S extends RowSink> implements RowSinks<Filtered.Sink<S>> {
  private final RowSinks<S> sinks;
  private final Predicate<CustomerPeriod> filter;

  private Filtered(RowSinks<S> sinks, Predicate<CustomerPeriod> filter) {
    this.sinks = sinks;
    this.filter = filter;
  }

  static <S extends RowSink> Filtered<S> of(RowSinks<S> sinks, Predicate<CustomerPeriod> filter) {
    return new Filtered<>(sinks, filter);
  }

  record Sink<S extends RowSink>(S inner, Predicate<CustomerPeriod> filter) implements RowSink {
    @Override
    public void accept(CustomerPeriod row) {
      if (filter.test(row)) {
        inner.accept(row);
      }
    }

    @Override
    public boolean wants(int periodIndex, boolean inLedger) {
      return inner.wants(periodIndex, inLedger);
    }

    @Override
    public void finish() {
      inner.finish();
    }
  }

  @Override
  public Sink<S> open() {
    return new Sink<>(sinks.open(), filter);
  }

  @Override
  public void close(Sink<S> sink) {
    sinks.close(sink.inner());
  }
}
