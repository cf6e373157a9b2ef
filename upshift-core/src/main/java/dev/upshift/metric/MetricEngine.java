package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.HealthScores;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
import dev.upshift.segment.Dimension;
import dev.upshift.state.Book;
import dev.upshift.state.TierLadder;
import dev.upshift.time.Calendar;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * The one engine: computes each customer's contribution to every period and segment cell with the
 * {@link CustomerKernel}, for the report, the ledger, the analysis and explanations alike, and sums
 * contributions into {@link MetricTotals}. Customers are independent, so the totals of a table are
 * computed in parallel batches and merged, and the totals of any split of the customers into tables
 * merge into the totals of all of them, provided every part is computed by an engine built from the
 * same global facts (the dataset-wide tier ladder, range and segment attributes).
 *
 * <p>Immutable and thread-safe.
 */
public final class MetricEngine {
  /** Customers evaluated per task; sinks are opened and closed batch by batch, in customer order. */
  private static final int BATCH = 4096;

  private final ReportPlan plan;
  private final Book book;
  private final TierLadder ladder;
  private final UpsellRule rule;
  private final RateCounting counting;
  private final List<Dimension> dimensions;
  private final List<String> dimensionNames;
  private final Dimension whereDimension;
  private final String whereValue;
  private final PeriodIndexes[] periods;
  private final HealthScores health;

  /** Snapshot indexes of one computed period, resolved once. */
  record PeriodIndexes(Period period, int open, int close, int quarterStart,
      int twelveMonthsAgo) {}

  /**
   * @param ladder tiers and top tiers of the whole dataset
   * @param dimensions the {@code --by} dimensions, cut separately
   * @param whereDimension the {@code --where} dimension, or {@code null}
   * @param whereValue the {@code --where} value, or {@code null}
   * @param health the customers' health scores, read by the {@code health} dimension
   */
  public MetricEngine(ReportPlan plan, Book book, TierLadder ladder, UpsellRule rule,
      RateCounting counting, List<Dimension> dimensions, Dimension whereDimension,
      String whereValue, HealthScores health) {
    this.plan = requireNonNull(plan, "plan is null");
    this.book = requireNonNull(book, "book is null");
    this.ladder = requireNonNull(ladder, "ladder is null");
    this.rule = requireNonNull(rule, "rule is null");
    this.counting = requireNonNull(counting, "counting is null");
    this.dimensions = List.copyOf(dimensions);
    this.dimensionNames = this.dimensions.stream().map(Dimension::name).toList();
    this.whereDimension = whereDimension;
    this.whereValue = whereValue;
    this.periods = periodIndexes(plan);
    this.health = requireNonNull(health, "health is null");
  }

  private static PeriodIndexes[] periodIndexes(ReportPlan plan) {
    Calendar calendar = plan.calendar();
    List<Period> computed = plan.computedPeriods();
    PeriodIndexes[] result = new PeriodIndexes[computed.size()];
    for (int i = 0; i < result.length; i++) {
      Period p = computed.get(i);
      int quarterStart = calendar.grain() == Grain.MONTH
          ? plan.indexOf(calendar.quarterOf(p.firstMonth()).firstMonth())
          : -1;
      result[i] = new PeriodIndexes(p, plan.indexOf(p.firstMonth().minusMonths(1)),
          plan.indexOf(p.lastMonth()), quarterStart, plan.indexOf(p.lastMonth().minusMonths(12)));
    }
    return result;
  }

  /** The empty totals of this engine's report: the identity of {@link MetricTotals#plus}. */
  public MetricTotals empty() {
    return new MetricTotals(periods.length, dimensionNames);
  }

  /** The totals of every customer of {@code table}. */
  public MetricTotals compute(PhaseTable table) {
    return compute(table, null, done -> { });
  }

  /**
   * The totals of every customer of {@code table}, computed in parallel batches.
   *
   * @param sinks receives every row of every customer (see {@link RowSinks}), or {@code null}
   * @param progress told how many customers each finished batch held (from several threads)
   */
  public MetricTotals compute(PhaseTable table, RowSinks<?> sinks, LongConsumer progress) {
    requireNonNull(table, "table is null");
    requireNonNull(progress, "progress is null");
    TableFacts facts = facts(table);
    PhaseTable.Grouping groups = table.byCustomer();
    int batches = (table.customerCount() + BATCH - 1) / BATCH;
    if (sinks == null) {
      return IntStream.range(0, batches).parallel()
          .mapToObj(b -> batch(facts, groups, b, null, null, progress))
          .reduce(MetricTotals::merge).orElseGet(this::empty);
    }
    return computeInWaves(facts, groups, batches, idOrder(table), sinks, progress);
  }

  /**
   * Customer indexes in customer-id order, so that rows reach sinks (a ledger) in the same order
   * whatever the order of the input; {@code null} when the table's order already is that order
   * (sorted input, the usual case, needs no sort).
   */
  private static int[] idOrder(PhaseTable table) {
    int n = table.customerCount();
    boolean sorted = true;
    for (int c = 1; c < n && sorted; c++) {
      sorted = table.customerId(c - 1).compareTo(table.customerId(c)) < 0;
    }
    if (sorted) {
      return null;
    }
    return IntStream.range(0, n).boxed().parallel()
        .sorted((a, b) -> table.customerId(a).compareTo(table.customerId(b)))
        .mapToInt(Integer::intValue).toArray();
  }

  /**
   * With sinks, batches run a wave at a time, several per core, and the wave's sinks are closed in
   * order before the next starts: rows reach their receiver in customer order, while only a few
   * batches' rows wait in memory (a ledger's formatted text, say) instead of all of them.
   */
  private <S extends RowSink> MetricTotals computeInWaves(TableFacts facts,
      PhaseTable.Grouping groups, int batches, int[] order, RowSinks<S> sinks,
      LongConsumer progress) {
    // Eight batches per thread: the barrier at each wave's end idles the threads that finish
    // first, and a ledger's formatted batches in flight stay at a few hundred megabytes.
    int wave = 8 * (ForkJoinPool.getCommonPoolParallelism() + 1);
    MetricTotals total = empty();
    for (int first = 0; first < batches; first += wave) {
      record Done<S>(MetricTotals totals, S sink) {}
      List<Done<S>> done = IntStream.range(first, Math.min(batches, first + wave)).parallel()
          .mapToObj(b -> {
            S sink = sinks.open();
            return new Done<>(batch(facts, groups, b, order, sink, progress), sink);
          })
          .toList();
      for (Done<S> d : done) {
        total.merge(d.totals());
        sinks.close(d.sink());
      }
    }
    return total;
  }

  /**
   * Batch {@code b}: the customers at positions {@code b·BATCH..} of {@code order}, or of the
   * table when {@code order} is {@code null}.
   */
  private MetricTotals batch(TableFacts facts, PhaseTable.Grouping groups, int b, int[] order,
      RowSink sink, LongConsumer progress) {
    CustomerKernel kernel = kernel(facts);
    MetricTotals totals = empty();
    int end = Math.min(facts.table().customerCount(), (b + 1) * BATCH);
    int[] offsets = groups.offsets();
    for (int k = b * BATCH; k < end; k++) {
      int c = order == null ? k : order[k];
      kernel.evaluate(c, groups.rows(), offsets[c], offsets[c + 1], totals, sink);
    }
    kernel.finish(totals);
    if (sink != null) {
      sink.finish();
    }
    progress.accept(end - b * BATCH);
    return totals;
  }

  /**
   * One customer's contribution to every period and segment cell: the totals of that customer
   * alone, so that {@code total.minus(contribution(old)).plus(contribution(new))} updates a total
   * after the customer's phases change. Empty totals when the table has no such customer.
   */
  public MetricTotals contribution(PhaseTable table, String customerId) {
    MetricTotals totals = empty();
    int customer = table.indexOfCustomer(customerId);
    if (customer < 0) {
      return totals;
    }
    PhaseTable.Grouping groups = table.byCustomer();
    CustomerKernel kernel = kernel(facts(table));
    kernel.evaluate(customer, groups.rows(), groups.offsets()[customer],
        groups.offsets()[customer + 1], totals, null);
    kernel.finish(totals);
    return totals;
  }

  /**
   * One customer's rows for every computed period (whatever its segment, figures or not) and the
   * billable phases in force on each of its lines at each period's snapshots: what an explanation
   * needs.
   *
   * @throws IllegalArgumentException when the table has no such customer
   */
  public Trace trace(PhaseTable table, String customerId) {
    int customer = table.indexOfCustomer(customerId);
    if (customer < 0) {
      throw new IllegalArgumentException("customer '" + customerId + "' has no subscription phases");
    }
    PhaseTable.Grouping groups = table.byCustomer();
    CustomerKernel kernel = kernel(facts(table));
    List<CustomerPeriod> rows = new ArrayList<>(periods.length);
    kernel.explain(customer, groups.rows(), groups.offsets()[customer],
        groups.offsets()[customer + 1], rows::add);
    List<List<Phase>> opening = new ArrayList<>(periods.length);
    List<List<Phase>> closing = new ArrayList<>(periods.length);
    for (PeriodIndexes p : periods) {
      opening.add(phases(table, kernel.billableRowsAt(p.open())));
      closing.add(phases(table, kernel.billableRowsAt(p.close())));
    }
    CustomerPeriod windowRow = kernel.windowRow(customerId);
    WindowTrace window = null;
    if (windowRow != null) {
      int[][] ends = kernel.windowBillableRows();
      window = new WindowTrace(windowRow, kernel.firstActiveDay(),
          (long) kernel.firstActiveDay() + rule.windowDays(), phases(table, ends[0]),
          phases(table, ends[1]));
    }
    return new Trace(rows, kernel.firstActiveDay(), kernel.initialArr(), opening, closing, window);
  }

  /** Per line (in line-id order), the phase of a row, or {@code null} where there is none. */
  private static List<Phase> phases(PhaseTable table, int[] rows) {
    List<Phase> phases = new ArrayList<>(rows.length);
    for (int r : rows) {
      phases.add(r < 0 ? null : table.phase(r));
    }
    return java.util.Collections.unmodifiableList(phases);
  }

  /**
   * One customer as the engine sees it, for explanations.
   *
   * @param rows one per computed period ({@link ReportPlan#computedPeriods()})
   * @param firstActiveDay {@code first_active_date} as an epoch day, {@link Integer#MAX_VALUE}
   *     when never active
   * @param initialArrMicros {@code initial_arr}
   * @param opening per computed period, the billable phase on each line at {@code d0} (line-id
   *     order, {@code null} where none)
   * @param closing the same at {@code d1}
   * @param window the customer's onboarding window when the rate is measured over one (§5.5), or
   *     {@code null}: without a window, or for a customer never active
   */
  public record Trace(List<CustomerPeriod> rows, int firstActiveDay, long initialArrMicros,
      List<List<Phase>> opening, List<List<Phase>> closing, WindowTrace window) {
    public Trace {
      rows = List.copyOf(rows);
      opening = List.copyOf(opening);
      closing = List.copyOf(closing);
    }
  }

  /**
   * One customer's onboarding window as the engine measured it (§5.5 window), for explanations.
   *
   * @param row the movement from the snapshot at f to the one at e, with the window's {@code
   *     eligible} (the top-tier rule; whatever the segment), {@code upsold} and {@code upsoldArr};
   *     its {@code periodIndex} is the computed period holding e, or -1 when none does
   * @param startDay f, the first active date, as an epoch day
   * @param endDay e = f + N, as an epoch day
   * @param opening the billable phase on each line at f (line-id order, {@code null} where none)
   * @param closing the same at e
   */
  public record WindowTrace(CustomerPeriod row, int startDay, long endDay, List<Phase> opening,
      List<Phase> closing) {
    public WindowTrace {
      requireNonNull(row, "row is null");
      requireNonNull(opening, "opening is null"); // unmodifiable, with nulls: not copied
      requireNonNull(closing, "closing is null");
    }
  }

  private TableFacts facts(PhaseTable table) {
    return TableFacts.of(table, ladder, dimensions, whereDimension, health);
  }

  private CustomerKernel kernel(TableFacts facts) {
    return new CustomerKernel(facts, book, plan, rule, counting, dimensions, whereDimension,
        whereValue, periods);
  }
}
