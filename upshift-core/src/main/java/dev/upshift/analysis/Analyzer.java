package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Dataset;
import dev.upshift.input.HealthScores;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.RowSink;
import dev.upshift.metric.RowSinks;
import dev.upshift.movement.Component;
import dev.upshift.movement.Movement;
import dev.upshift.report.InputInfo;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.Dimensions;
import dev.upshift.segment.SegmentFacts;
import dev.upshift.time.Calendar;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@link Analysis} of a report from its rows in the same pass that computes the
 * report (driven by {@link dev.upshift.Upshift#analyze}); each analysis documents its formulas on
 * its result type. As the engine's {@link RowSinks}, it accumulates one {@link AnalysisTotals} per
 * batch of customers on the batch's thread, each customer's rows consecutively, and merges them as
 * the batches close: partial results combine the same way on threads, on Spark executors and in
 * the service.
 *
 * <p>The pass it is fed runs over {@link #extendedOptions()}: the requested periods plus the one
 * after them (index {@link #forecastPeriodIndex()}), whose eligible customers the forecast needs,
 * and the requested {@code by} dimensions plus those of the initiatives' segments. {@link
 * #finish(Report)} removes both again.
 */
public final class Analyzer implements RowSinks<Analyzer.Partial> {
  private final ReportOptions options;
  private final AnalysisOptions settings;
  private final List<Period> reported;
  private final int n;
  private final List<String> extraDimensions;

  private final int signalWindowFirst;
  private final int annualFirst; // -1 when the report is shorter than a year
  private final int pooledFirst; // the first month the monthly benchmark pools
  private final Grain grain;
  /** The sums of every batch closed so far. */
  private final AnalysisTotals totals;

  private Analyzer(Dataset dataset, ReportOptions options, AnalysisOptions settings,
      Calendar calendar, List<Period> reported) {
    this.options = options;
    this.settings = settings;
    this.reported = List.copyOf(reported);
    this.n = reported.size();
    this.grain = calendar.grain();
    List<String> extra = new ArrayList<>();
    for (Initiative initiative : settings.initiatives()) {
      if (initiative.segment() == null) {
        continue;
      }
      String dimension = initiative.segment().dimension();
      try {
        Dimensions.resolve(dimension, options.tenureEdges(), options.initialArrEdges(),
            dataset.customers());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "initiative '" + initiative.name() + "': " + e.getMessage(), e);
      }
      if (!options.by().contains(dimension) && !extra.contains(dimension)) {
        extra.add(dimension);
      }
    }
    this.extraDimensions = List.copyOf(extra);
    Grain cohortGrain = settings.cohortGrain() != null ? settings.cohortGrain() : Grain.QUARTER;
    List<Period> withNext = new ArrayList<>(reported);
    withNext.add(calendar.next(reported.get(n - 1)));
    this.totals = new AnalysisTotals(new CohortTriangle(calendar, cohortGrain, this.reported),
        new ForecastModel(new TenureBuckets(options.tenureEdges()), withNext,
            settings.forecastWindow()),
        new HealthCorrelation(dataset.health(), this.reported));
    this.signalWindowFirst = Math.max(1, n - SignalRules.WINDOW + 1);
    int perYear = BenchmarkRules.periodsPerYear(grain);
    this.annualFirst = n >= perYear ? n - perYear + 1 : -1;
    this.pooledFirst = Math.max(1, n - BenchmarkRules.MONTHLY_WINDOW + 1);
  }

  /**
   * An analyzer for the reported periods of {@code options}.
   *
   * @param calendar the report's calendar
   * @param reported the reported periods ({@link dev.upshift.Upshift#periods}), at least one
   * @throws IllegalArgumentException when an initiative names an unknown dimension, or the
   *     options measure the rate over a window ({@link ReportOptions#WINDOW_WITH_ANALYSIS})
   */
  public static Analyzer of(Dataset dataset, ReportOptions options, AnalysisOptions settings,
      Calendar calendar, List<Period> reported) {
    requireNonNull(dataset, "dataset is null");
    requireNonNull(options, "options is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(calendar, "calendar is null");
    if (reported.isEmpty()) {
      throw new IllegalArgumentException("no reported periods");
    }
    if (options.rateWindow() != null) {
      throw new IllegalArgumentException(ReportOptions.WINDOW_WITH_ANALYSIS);
    }
    return new Analyzer(dataset, options, settings, calendar, reported);
  }

  /** The options of the pass that feeds this analyzer (see the class comment). */
  public ReportOptions extendedOptions() {
    List<String> by = new ArrayList<>(options.by());
    by.addAll(extraDimensions);
    Period next = forecastPeriod();
    return options.toBuilder().from(reported.get(0).firstMonth()).to(next.lastMonth()).by(by)
        .build();
  }

  /** The period index (in the extended pass) of the period after the last reported one. */
  public int forecastPeriodIndex() {
    return n + 1;
  }

  private Period forecastPeriod() {
    return totals.forecast.forecastPeriod();
  }

  @Override
  public Partial open() {
    return new Partial(totals.emptyCopy());
  }

  @Override
  public void close(Partial partial) {
    partial.flushCustomer();
    totals.combine(partial.totals, 1);
  }

  /** The sums of every batch closed so far (a copy). */
  public AnalysisTotals totals() {
    return totals.emptyCopy().combine(totals, 1);
  }

  /**
   * One batch's accumulation: rows of the extended pass, each customer's consecutively. Used by
   * one thread.
   */
  public final class Partial implements RowSink {
    private final AnalysisTotals totals;
    private String customer;
    // Looked up once per customer, not once per row.
    private int customerFirstActiveDay;
    private CohortTriangle.Cohort customerCohort; // resolved on first use: a cohort appears only then
    private LocalDate customerFirstActive;
    private HealthScores.Series customerScores;
    private boolean customerReported;
    private boolean customerUpsoldInWindow;
    private long customerWindowArr;
    private boolean customerAnnualEligible;
    private boolean customerAnnualUpsold;
    private boolean customerAnnualComparable;

    private Partial(AnalysisTotals totals) {
      this.totals = totals;
    }

    @Override
    public boolean wants(int periodIndex, boolean inLedger) {
      return periodIndex >= 1 && periodIndex <= n + 1;
    }

    @Override
    public void accept(CustomerPeriod row) {
      if (!row.customerId().equals(customer)) {
        flushCustomer();
        customer = row.customerId();
        customerFirstActiveDay = row.firstActiveDay();
        customerCohort = null;
        customerFirstActive = SegmentFacts.firstActiveDate(row.firstActiveDay());
        customerScores = totals.correlation.seriesOf(customer);
      }
      int index = row.periodIndex();
      if (index < 1 || index > n + 1) {
        return;
      }
      totals.forecast.add(row, customerFirstActive);
      if (index == n + 1) {
        totals.forecastPeriodInferred += row.movement().inferredDirections();
        return;
      }
      customerReported = true;
      if (row.movement().arr0() > 0) {
        totals.cohorts.add(cohort(), row);
      }
      totals.correlation.add(row, customerScores);
      if (row.upsold() && index >= signalWindowFirst) {
        customerUpsoldInWindow = true;
        customerWindowArr = Math.addExact(customerWindowArr, row.upsoldArr());
      }
      boolean comparable = row.eligible() && comparablyUpsold(row.movement());
      if (annualFirst > 0 && index >= annualFirst) {
        if (index == annualFirst && row.eligible()) {
          customerAnnualEligible = true;
        }
        if (row.upsold()) {
          customerAnnualUpsold = true;
        }
        customerAnnualComparable |= comparable;
      }
      if (comparable && index >= pooledFirst) {
        totals.pooledComparableUpsold++;
      }
    }

    private CohortTriangle.Cohort cohort() {
      if (customerCohort == null) {
        customerCohort = totals.cohorts.cohortFor(customerFirstActiveDay);
      }
      return customerCohort;
    }

    private void flushCustomer() {
      if (customer == null) {
        return;
      }
      if (customerReported) {
        totals.cohorts.addCustomer(cohort());
      }
      if (customerUpsoldInWindow) {
        totals.addWindowArr(customerWindowArr);
      }
      if (customerAnnualEligible) {
        totals.annualEligible++;
        if (customerAnnualUpsold) {
          totals.annualUpsold++;
        }
        if (customerAnnualComparable) {
          totals.annualComparableUpsold++;
        }
      }
      customer = null;
      customerReported = false;
      customerUpsoldInWindow = false;
      customerWindowArr = 0;
      customerAnnualEligible = false;
      customerAnnualUpsold = false;
      customerAnnualComparable = false;
    }
  }

  /**
   * Upsold under the definition the published references use (§6.6, {@link
   * Benchmarks#COMPARABLE_DEFINITION}): a tier upgrade, more seats (an Upsell User) or a new
   * product; a price-only uplift does not count, and there is no threshold.
   */
  static boolean comparablyUpsold(Movement m) {
    return m.component(Component.UPSELL) > 0 || m.upsellUser()
        || m.component(Component.CROSS_SELL) > 0;
  }

  /**
   * Completes the analysis.
   *
   * @param extended the report built for the requested periods from the totals of the extended
   *     pass; its segments include the initiatives' dimensions
   * @return the report as {@link dev.upshift.Upshift#report} would return it, with the analysis
   */
  public Report finish(Report extended) {
    return finish(extended, totals);
  }

  /**
   * Completes the analysis from totals summed elsewhere (on Spark executors, or kept current by
   * the service) over the same extended pass.
   */
  public Report finish(Report extended, AnalysisTotals totals) {
    List<InitiativeImpact> impacts = settings.initiatives().stream()
        .map(initiative -> InitiativeMeasure.measure(initiative, extended)).toList();
    Report report = trim(extended, totals.forecastPeriodInferred);
    Analysis analysis = new Analysis(totals.cohorts.result(), totals.forecast.result(),
        totals.correlation.result(), impacts,
        BenchmarkRules.benchmarks(grain, report.periods(), report.config().upsellDefinition(),
            new BenchmarkRules.Counts(annualFirst > 0 ? totals.annualEligible : -1,
                totals.annualComparableUpsold, totals.annualUpsold,
                totals.pooledComparableUpsold)),
        SignalRules.signals(report.periods(), totals.windowArrByCustomer()));
    return report.withAnalysis(analysis);
  }

  /**
   * Removes what the extended pass added: segments of dimensions not requested, segment values
   * that have figures only in the forecast period (a value appears when any reported figure is
   * non-zero, §10), and the forecast period's inferred tier directions.
   */
  private Report trim(Report extended, long forecastPeriodInferred) {
    Map<String, Map<String, List<PeriodReport>>> segments = new LinkedHashMap<>();
    for (String dimension : options.by()) {
      Map<String, List<PeriodReport>> values = new LinkedHashMap<>();
      extended.segments().getOrDefault(dimension, Map.of()).forEach((value, periods) -> {
        if (periods.stream().anyMatch(Analyzer::hasFigures)) {
          values.put(value, periods);
        }
      });
      segments.put(dimension, values);
    }
    InputInfo in = extended.input();
    InputInfo input = new InputInfo(in.rows(), in.billableRows(), in.ignoredRows(),
        in.rejectedRows(), in.inferredTierDirections() - forecastPeriodInferred);
    return new Report(extended.schema(), extended.currency(), extended.grain(), extended.book(),
        extended.config(), input, extended.periods(), segments, null);
  }

  /** The figures whose being non-zero makes a segment value appear (§10). */
  private static boolean hasFigures(PeriodReport p) {
    return p.logos().starting() != 0 || p.logos().ending() != 0 || p.upsellUsersT3() != 0
        || p.upsellUsersT12() != 0
        || (p.upsellRate().qtdEligible() != null && p.upsellRate().qtdEligible() != 0)
        || p.retention().nrr12m() != null || p.seats().starting() != 0 || p.seats().ending() != 0;
  }
}
