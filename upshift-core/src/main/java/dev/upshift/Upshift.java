package dev.upshift;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Analyzer;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.explain.Explainer;
import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.MetricEngine;
import dev.upshift.metric.MetricTotals;
import dev.upshift.metric.ReportPlan;
import dev.upshift.metric.UpsellRule;
import dev.upshift.report.Report;
import dev.upshift.report.ReportBuilder;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.Dimension;
import dev.upshift.segment.Dimensions;
import dev.upshift.state.TierLadder;
import dev.upshift.time.Calendar;
import dev.upshift.time.Period;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
    return report(dataset, options, null);
  }

  /**
   * Computes the report, also passing each ledger row (§7.3) to {@code ledger}: one per customer
   * and reported period with ARR at either end, in customer order.
   *
   * @param ledger the ledger sink, or {@code null}
   * @throws IllegalArgumentException on an unusable option, e.g. an unknown dimension
   * @throws ArithmeticException when a total overflows
   */
  public static Report report(Dataset dataset, ReportOptions options, Consumer<CustomerPeriod> ledger) {
    return report(dataset, options, ledger, done -> { });
  }

  /**
   * As {@link #report(Dataset, ReportOptions, Consumer)}, telling {@code progress} how many
   * customers were computed, batch by batch (from several threads; the total is the number of
   * distinct customers, {@code dataset.table().customerCount()}).
   */
  public static Report report(Dataset dataset, ReportOptions options,
      Consumer<CustomerPeriod> ledger, LongConsumer progress) {
    Setup setup = Setup.of(dataset, options);
    MetricTotals totals = setup.engine.compute(dataset, ledger, progress);
    return new ReportBuilder(setup.plan, options, dataset.targets(), setup.by)
        .build(totals, dataset.summary(), dataset.currency());
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
   *     initiative's segment
   */
  public static Report analyze(Dataset dataset, ReportOptions options, AnalysisOptions analysis,
      Consumer<CustomerPeriod> ledger) {
    ReportPlan plan = Setup.plan(dataset, options);
    Analyzer analyzer = Analyzer.of(dataset, options,
        analysis == null ? AnalysisOptions.defaults() : analysis, plan.calendar(),
        plan.reportedPeriods());
    ReportOptions extended = analyzer.extendedOptions();
    Setup setup = Setup.of(dataset, extended);
    int forecastIndex = analyzer.forecastPeriodIndex();
    MetricTotals totals = setup.engine.compute(dataset, row -> {
      analyzer.accept(row);
      if (ledger != null && row.periodIndex() < forecastIndex) {
        ledger.accept(row);
      }
    });
    // The plan of the requested range reads only its own periods from the extended totals.
    Report withExtras = new ReportBuilder(plan, options, dataset.targets(), setup.by)
        .build(totals, dataset.summary(), dataset.currency());
    return analyzer.finish(withExtras);
  }

  /** The reported periods the options resolve to for this dataset (defaults applied). */
  public static List<Period> periods(Dataset dataset, ReportOptions options) {
    return Setup.plan(dataset, options).reportedPeriods();
  }

  /**
   * One customer's movements period by period, with the phases that caused them.
   *
   * @throws IllegalArgumentException when the customer has no phases
   */
  public static CustomerExplanation explain(Dataset dataset, ReportOptions options, String customerId) {
    requireNonNull(customerId, "customerId is null");
    PhaseTable table = dataset.table();
    int customer = table.indexOfCustomer(customerId);
    List<Phase> phases = new ArrayList<>();
    if (customer >= 0) {
      PhaseTable.Grouping groups = table.byCustomer();
      for (int i = groups.offsets()[customer]; i < groups.offsets()[customer + 1]; i++) {
        phases.add(table.phase(groups.rows()[i]));
      }
    }
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("customer '" + customerId + "' has no subscription phases");
    }
    Setup setup = Setup.of(dataset, options);
    return Explainer.explain(setup.engine, setup.plan, customerId, phases);
  }

  /** The parts every computation needs, resolved from the options once. */
  private record Setup(ReportPlan plan, MetricEngine engine, List<Dimension> by) {
    static Setup of(Dataset dataset, ReportOptions options) {
      ReportPlan plan = plan(dataset, options);
      TierLadder ladder = TierLadder.of(dataset.plans(), dataset.table());
      UpsellRule rule = new UpsellRule(options.upsellDefinition(), options.minExpansionArr(),
          options.minTenureMonths(), options.excludeTopTier(), ladder);
      List<Dimension> by = options.by().stream().map(name -> dimension(name, dataset, options))
          .toList();
      Dimension where = options.where() == null ? null
          : dimension(options.where().dimension(), dataset, options);
      MetricEngine engine = new MetricEngine(plan, options.book(), ladder, rule,
          options.rateCounting(), by, where, options.where() == null ? null : options.where().value());
      return new Setup(plan, engine, by);
    }

    static ReportPlan plan(Dataset dataset, ReportOptions options) {
      YearMonth from = options.from();
      YearMonth to = options.to();
      if (from == null || to == null) {
        PhaseTable table = dataset.table();
        if (table.size() == 0) {
          throw new IllegalArgumentException(
              "there are no subscription phases to take the report range from; give --from and --to");
        }
        int earliest = Integer.MAX_VALUE;
        int latest = Integer.MIN_VALUE;
        for (int r = 0; r < table.size(); r++) {
          int start = table.startOf(r);
          int end = table.endOf(r);
          earliest = Math.min(earliest, start);
          latest = Math.max(latest, end != PhaseTable.NONE && end > start ? end : start);
        }
        from = from != null ? from : YearMonth.from(LocalDate.ofEpochDay(earliest));
        to = to != null ? to : YearMonth.from(LocalDate.ofEpochDay(latest));
        if (to.isBefore(from)) {
          throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
      }
      return ReportPlan.of(Calendar.of(options.grain(), options.fiscalYearStart()), from, to);
    }

    static Dimension dimension(String name, Dataset dataset, ReportOptions options) {
      return Dimensions.resolve(name, options.tenureEdges(), options.initialArrEdges(),
          dataset.health(), dataset.customers());
    }
  }
}
