package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
import dev.upshift.segment.Dimension;
import dev.upshift.state.Book;
import dev.upshift.state.CustomerTimeline;
import dev.upshift.state.TierLadder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

/**
 * Computes the totals of a report from a dataset: customers are independent, so they are
 * evaluated in parallel and their totals merged. Thread-safe.
 */
public final class MetricEngine {
  /** Customers evaluated per task; ledger rows are emitted batch by batch, in customer order. */
  private static final int BATCH = 4096;

  private final ReportPlan plan;
  private final Book book;
  private final TierLadder ladder;
  private final CustomerEvaluator evaluator;
  private final UpsellRule rule;
  private final RateCounting counting;
  private final List<Dimension> dimensions;
  private final Dimension whereDimension;
  private final String whereValue;

  /**
   * @param dimensions the {@code --by} dimensions, cut separately
   * @param whereDimension the {@code --where} dimension, or {@code null}
   * @param whereValue the {@code --where} value, or {@code null}
   */
  public MetricEngine(ReportPlan plan, Book book, TierLadder ladder, UpsellRule rule,
      RateCounting counting, List<Dimension> dimensions, Dimension whereDimension,
      String whereValue) {
    this.plan = requireNonNull(plan, "plan is null");
    this.book = requireNonNull(book, "book is null");
    this.ladder = requireNonNull(ladder, "ladder is null");
    this.evaluator = new CustomerEvaluator(plan, rule, counting);
    this.rule = rule;
    this.counting = requireNonNull(counting, "counting is null");
    this.dimensions = List.copyOf(dimensions);
    this.whereDimension = whereDimension;
    this.whereValue = whereValue;
  }

  /**
   * Computes the totals.
   *
   * @param ledger receives every row of a reported period with a status, customer by customer in
   *     id order; {@code null} for none
   */
  public MetricTotals compute(Dataset dataset, Consumer<CustomerPeriod> ledger) {
    return compute(dataset, ledger, done -> { });
  }

  /**
   * Computes the totals, telling {@code progress} how many customers were done after each batch
   * (from several threads).
   *
   * <p>Without a ledger the {@link CustomerKernel} computes them straight from the dataset's {@link
   * PhaseTable}, in parallel batches of customers. A ledger needs each customer's rows as objects,
   * so it takes the object path ({@link CustomerEvaluator}), which computes the same numbers.
   */
  public MetricTotals compute(Dataset dataset, Consumer<CustomerPeriod> ledger,
      LongConsumer progress) {
    if (ledger == null) {
      return computeColumnar(dataset.table(), progress);
    }
    List<List<Phase>> customers = groupByCustomer(dataset.phases());
    MetricTotals totals = emptyTotals();
    for (int b = 0; b * BATCH < customers.size(); b++) {
      int batch = b;
      List<CustomerEvaluator.Evaluation> evaluated = IntStream
          .range(batch * BATCH, Math.min(customers.size(), (batch + 1) * BATCH)).parallel()
          .mapToObj(i -> evaluate(customers.get(i))).toList();
      for (CustomerEvaluator.Evaluation evaluation : evaluated) {
        accumulate(totals, evaluation, ledger);
      }
      progress.accept(evaluated.size());
    }
    return totals;
  }

  private MetricTotals computeColumnar(PhaseTable table, LongConsumer progress) {
    PhaseTable.Grouping groups = table.byCustomer();
    int[] rowTiers = ladder.tiersOf(table);
    int[] productTop = new int[table.productCount()];
    for (int p = 0; p < productTop.length; p++) {
      productTop[p] = ladder.topTierOf(table.productName(p));
    }
    int[] lineRank = ranks(table.lineCount(), table::lineId);
    int[] productRank = ranks(table.productCount(), table::productName);
    CustomerEvaluator.PeriodIndexes[] periods = evaluator.periods();
    int customers = table.customerCount();
    String[][] staticValues = dimensions.stream().map(d -> staticValuesOf(d, table))
        .toArray(String[][]::new);
    String[] staticWhereValues = whereDimension == null ? null
        : staticValuesOf(whereDimension, table);
    return IntStream.range(0, (customers + BATCH - 1) / BATCH).parallel()
        .mapToObj(b -> {
          CustomerKernel kernel = new CustomerKernel(table, rowTiers, productTop, lineRank,
              productRank, book, plan, rule, counting, dimensions, staticValues, whereDimension,
              staticWhereValues, whereValue, periods);
          MetricTotals totals = emptyTotals();
          int end = Math.min(customers, (b + 1) * BATCH);
          for (int c = b * BATCH; c < end; c++) {
            kernel.evaluate(c, groups.rows(), groups.offsets()[c], groups.offsets()[c + 1], totals);
          }
          kernel.finish(totals);
          progress.accept(end - b * BATCH);
          return totals;
        })
        .reduce(MetricTotals::merge).orElseGet(this::emptyTotals);
  }

  /**
   * A static dimension's value of every customer of the table, by customer index; {@code null}
   * for a dimension that varies by period. Looked up here in one tight loop, in table order, a
   * million lookups cost a fraction of what they cost one by one between the kernel's
   * per-customer work, which pushed the attributes out of the cache each time. Equal values share
   * one string (a dimension has few values; the lookups make a string each).
   */
  private static String[] staticValuesOf(Dimension dimension, PhaseTable table) {
    if (dimension.varies()) {
      return null;
    }
    String[] values = new String[table.customerCount()];
    Map<String, String> shared = new ConcurrentHashMap<>();
    IntStream.range(0, values.length).parallel().forEach(c -> {
      String value = dimension.valueOf(table.customerId(c), null);
      String known = shared.putIfAbsent(value, value);
      values[c] = known == null ? value : known;
    });
    return values;
  }

  /** The rank of each dictionary string in natural order: ties of ids are broken by it. */
  private static int[] ranks(int count, java.util.function.IntFunction<String> value) {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> value.apply(a).compareTo(value.apply(b)));
    int[] rank = new int[count];
    for (int i = 0; i < count; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  /** One customer's timeline in this engine's book. */
  public CustomerTimeline timelineOf(String customerId, List<Phase> phases) {
    return CustomerTimeline.of(customerId, phases, book, ladder);
  }

  /** One customer's rows for the reported periods (for explanations), whatever its segment. */
  public List<CustomerPeriod> reportedRowsOf(CustomerTimeline timeline) {
    CustomerPeriod[] rows = evaluator.evaluate(timeline).rows();
    return List.of(rows).subList(1, rows.length);
  }

  private MetricTotals emptyTotals() {
    return new MetricTotals(plan.computedPeriods().size(),
        dimensions.stream().map(Dimension::name).toList());
  }

  private CustomerEvaluator.Evaluation evaluate(List<Phase> phases) {
    return evaluator.evaluate(
        CustomerTimeline.of(phases.get(0).customerId(), phases, book, ladder));
  }

  private void accumulate(MetricTotals totals, CustomerEvaluator.Evaluation evaluation,
      Consumer<CustomerPeriod> ledger) {
    CustomerPeriod[] rows = evaluation.rows();
    for (int i = 0; i < rows.length; i++) {
      CustomerPeriod row = rows[i];
      if (!row.contributes()) {
        continue;
      }
      String id = row.customerId();
      if (whereDimension != null
          && !whereDimension.valueOf(id, evaluation.facts()[i]).equals(whereValue)) {
        continue;
      }
      totals.addOverall(row);
      for (Dimension dimension : dimensions) {
        totals.addSegment(dimension.name(), dimension.valueOf(id, evaluation.facts()[i]), row);
      }
      if (ledger != null && i > 0 && row.inLedger()) {
        ledger.accept(row);
      }
    }
  }

  /** Phases grouped by customer, customers in id order (so ledgers and ties are deterministic). */
  static List<List<Phase>> groupByCustomer(List<Phase> phases) {
    Map<String, List<Phase>> byCustomer = new HashMap<>();
    for (Phase phase : phases) {
      byCustomer.computeIfAbsent(phase.customerId(), c -> new ArrayList<>(8)).add(phase);
    }
    List<String> ids = new ArrayList<>(byCustomer.keySet());
    ids.sort(null);
    List<List<Phase>> grouped = new ArrayList<>(ids.size());
    ids.forEach(id -> grouped.add(byCustomer.get(id)));
    return grouped;
  }
}
