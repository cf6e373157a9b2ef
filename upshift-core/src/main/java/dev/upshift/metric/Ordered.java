package dev.upshift.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** {@link RowSinks#ordered}: each batch's rows kept in a list, replayed to a consumer in order. */
final class Ordered implements RowSinks<Ordered.Batch> {
  private final Predicate<CustomerPeriod> filter;
  private final Consumer<CustomerPeriod> consumer;

  Ordered(Predicate<CustomerPeriod> filter, Consumer<CustomerPeriod> consumer) {
    this.filter = filter;
    this.consumer = consumer;
  }

  final class Batch implements RowSink {
    private final List<CustomerPeriod> rows = new ArrayList<>();

    @Override
    public void accept(CustomerPeriod row) {
      if (filter.test(row)) {
        rows.add(row);
      }
    }
  }

  @Override
  public Batch open() {
    return new Batch();
  }

  @Override
  public void close(Batch batch) {
    batch.rows.forEach(consumer);
  }
}
