package dev.upshift;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Analyzer;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.explain.Explainer;
import dev.upshift.input.Dataset;
import dev.upshift.input.InputSummary;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.MetricTotals;
import dev.upshift.metric.RowSinks;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.time.Period;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The library's entry point: a validated {@link Dataset} and {@link ReportOptions} in, a
 * {@link Report} out. Stateless and thread-safe.
 *
 * <pre>{@code
 * Report report = Upshift.report(dataset, ReportOptions.builder().grain(Grain.QUARTER).build());
 * report.periods().forEach(p -> System.out.println(p.period() + " " + p.arr().upsell()));
 * }</pre>
 */
public final class Upshift {
  private Upshift() {}

  /** Computes the report of §5 and §6.1. */
  public static Report report(Dataset dataset, ReportOptions options) {
    return report(dataset, options, (RowSinks<?>) null, done -> { });
  }

  /**
   * Computes the report, also passing each ledger row (§7.3) to {@code ledger}: one per customer
   * and reported period with ARR at either end, in customer order, from the calling thread. (A
   * ledger that formats rows on every core is a {@link RowSinks}: see {@link #report(Dataset,
   * ReportOptions, RowSinks, LongConsumer)}.)
   *
   * @param ledger the ledger sink, or {@code null}
   * @throws IllegalArgumentException on an unusable option, e.g. an unknown dimension
   * @throws ArithmeticException when a total overflows
   */
  public static Report report(Dataset dataset, ReportOptions options, Consumer<CustomerPeriod> ledger) {
    return report(dataset, options, ledger == null ? null : ledgerRows(ledger), done -> { });
  }

  /**
   * Computes the report, passing every row the engine computes to {@code rows} (see {@link
   * RowSinks}; {@link CustomerPeriod#inLedger()} rows of periods 1.. are the ledger) and telling
   * {@code progress} how many customers were computed, batch by batch (from several threads; the
   * total is {@code dataset.table().customerCount()}).
   *
   * @param rows the rows' receiver, or {@code null}
   */
  public static Report report(Dataset dataset, ReportOptions options, RowSinks<?> rows,
      LongConsumer progress) {
    ReportContext context = ReportContext.of(dataset, options);
    MetricTotals totals = context.engine().compute(dataset.table(), rows, progress);
    return report(context, totals, dataset.summary());
  }

  /** The context of a report on {@code dataset}: see {@link ReportContext}. */
  public static ReportContext context(Dataset dataset, ReportOptions options) {
    return ReportContext.of(dataset, options);
  }

  /**
   * The report of totals computed against {@code context}: merged from parts, or kept current by
   * taking changed customers' contributions out and in ({@link MetricTotals}).
   */
  public static Report report(ReportContext context, MetricTotals totals, InputSummary summary) {
    return context.reportBuilder().build(totals, summary, context.currency());
  }

  /**
   * Computes the report together with its analysis sections (§6.2–§6.6) in one pass over the
   * customers: {@code report(dataset, options, ledger).withAnalysis(analysis)}.
   *
   * <p>The pass also evaluates the period after the last reported one, whose eligible customers
   * the forecast needs (eligibility depends only on the state at the period's opening snapshot,
   * which is the last reported closing snapshot). That period is never reported and never passed to
   * {@code ledger}; dimensions named by initiatives are computed and dropped unless {@code
   * options.by()} asks for them. The report returned equals {@link #report(Dataset, ReportOptions,
   * Consumer)}'s.
   *
   * @param analysis initiatives and analysis settings, or {@code null} for {@link
   *     AnalysisOptions#defaults()}
   * @param ledger the ledger sink (§7.3), or {@code null}
   * @return the report, with {@link Report#analysis()} set
   * @throws IllegalArgumentException on an unusable option, e.g. an unknown dimension in an
   *     initiative's segment, or a rate window ({@link ReportOptions#WINDOW_WITH_ANALYSIS})
   */
  public static Report analyze(Dataset dataset, ReportOptions options, AnalysisOptions analysis,
      Consumer<CustomerPeriod> ledger) {
    return analyze(dataset, options, analysis, ledger == null ? null : ledgerRows(ledger),
        done -> { });
  }

  /**
   * As {@link #analyze(Dataset, ReportOptions, AnalysisOptions, Consumer)}, with the rows of the
   * reported periods passed to {@code rows} as {@link #report(Dataset, ReportOptions, RowSinks,
   * LongConsumer)} passes them.
   */
  public static Report analyze(Dataset dataset, ReportOptions options, AnalysisOptions analysis,
      RowSinks<?> rows, LongConsumer progress) {
    ReportContext context = ReportContext.of(dataset, options);
    Analyzer analyzer = Analyzer.of(dataset, options,
        analysis == null ? AnalysisOptions.defaults() : analysis, context.plan().calendar(),
        context.plan().reportedPeriods());
    ReportContext extended = ReportContext.of(dataset, analyzer.extendedOptions());
    RowSinks<?> sinks = rows == null ? analyzer
        : RowSinks.both(analyzer, reportedOnly(rows, analyzer.forecastPeriodIndex()));
    MetricTotals totals = extended.engine().compute(dataset.table(), sinks, progress);
    // The requested context reads only its own periods from the extended totals.
    return analyzer.finish(report(context, totals, dataset.summary()));
  }

  /** The reported periods the options resolve to for this dataset (defaults applied). */
  public static List<Period> periods(Dataset dataset, ReportOptions options) {
    return ReportContext.of(dataset, options).plan().reportedPeriods();
  }

  /**
   * One customer's movements period by period, with the phases that caused them.
   *
   * @throws IllegalArgumentException when the customer has no phases
   */
  public static CustomerExplanation explain(Dataset dataset, ReportOptions options, String customerId) {
    requireNonNull(customerId, "customerId is null");
    ReportContext context = ReportContext.of(dataset, options);
    return Explainer.explain(context.engine(), context.plan(), options.rateWindow(),
        dataset.table(), customerId);
  }

  /** Rows of the ledger (§7.3), in customer order, to a consumer on the calling thread. */
  private static RowSinks<?> ledgerRows(Consumer<CustomerPeriod> ledger) {
    return RowSinks.ordered(row -> row.periodIndex() > 0 && row.inLedger(), ledger);
  }

  /** {@code rows} without the rows of the extended pass's forecast period. */
  private static RowSinks<?> reportedOnly(RowSinks<?> rows, int forecastIndex) {
    return RowSinks.filtered(rows, row -> row.periodIndex() < forecastIndex);
  }
}
