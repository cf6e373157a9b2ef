package dev.upshift.metric;

/** {@link RowSinks#both}: one batch sink of each, fed the same rows and closed together. */
final class Both<A extends RowSink, B extends RowSink> implements RowSinks<Both.Pair<A, B>> {
  private final RowSinks<A> first;
  private final RowSinks<B> second;

  private Both(RowSinks<A> first, RowSinks<B> second) {
    this.first = first;
    this.second = second;
  }

  static <A extends RowSink, B extends RowSink> Both<A, B> of(RowSinks<A> a, RowSinks<B> b) {
    return new Both<>(a, b);
  }

  record Pair<A extends RowSink, B extends RowSink>(A a, B b) implements RowSink {
    @Override
    public void accept(CustomerPeriod row) {
      a.accept(row);
      b.accept(row);
    }

    @Override
    public boolean wants(int periodIndex, boolean inLedger) {
      return a.wants(periodIndex, inLedger) || b.wants(periodIndex, inLedger);
    }

    @Override
    public void finish() {
      a.finish();
      b.finish();
    }
  }

  @Override
  public Pair<A, B> open() {
    return new Pair<>(first.open(), second.open());
  }

  @Override
  public void close(Pair<A, B> sink) {
    first.close(sink.a());
    second.close(sink.b());
  }
}
