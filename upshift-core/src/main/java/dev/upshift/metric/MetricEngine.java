package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.segment.Dimension;
import dev.upshift.state.Book;
import dev.upshift.state.CustomerTimeline;
import dev.upshift.state.TierLadder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
    List<List<Phase>> customers = groupByCustomer(dataset.phases());
    if (ledger == null) {
      return IntStream.range(0, (customers.size() + BATCH - 1) / BATCH).parallel()
          .mapToObj(b -> totalsOf(customers, b, null))
          .reduce(MetricTotals::merge).orElseGet(this::emptyTotals);
    }
    MetricTotals totals = emptyTotals();
    for (int b = 0; b * BATCH < customers.size(); b++) {
      int batch = b;
      List<CustomerEvaluator.Evaluation> evaluated = IntStream
          .range(batch * BATCH, Math.min(customers.size(), (batch + 1) * BATCH)).parallel()
          .mapToObj(i -> evaluate(customers.get(i))).toList();
      for (CustomerEvaluator.Evaluation evaluation : evaluated) {
        accumulate(totals, evaluation, ledger);
      }
    }
    return totals;
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

  private MetricTotals totalsOf(List<List<Phase>> customers, int batch, Consumer<CustomerPeriod> ledger) {
    MetricTotals totals = emptyTotals();
    int end = Math.min(customers.size(), (batch + 1) * BATCH);
    for (int i = batch * BATCH; i < end; i++) {
      accumulate(totals, evaluate(customers.get(i)), ledger);
    }
    return totals;
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
