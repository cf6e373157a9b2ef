package dev.upshift;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.FxRates;
import dev.upshift.input.HealthScores;
import dev.upshift.input.PlanCatalog;
import dev.upshift.input.Target;
import dev.upshift.metric.MetricEngine;
import dev.upshift.metric.ReportPlan;
import dev.upshift.metric.UpsellRule;
import dev.upshift.report.ReportBuilder;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.Dimension;
import dev.upshift.segment.Dimensions;
import dev.upshift.state.TierLadder;
import dev.upshift.time.Calendar;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The facts every customer's computation needs from the whole dataset, and the options that
 * shape a report: the tier ladder and top tiers (plans.csv and the highest tier seen on any row),
 * the resolved range and calendar, the segment attributes and health scores, the targets, the
 * reporting currency and its FX rates. Built once from a dataset; then any customer, or any part
 * of the customers (a Spark partition, one customer the service re-reads), is computed against it
 * with {@link #engine()} and gets exactly the numbers it gets within the whole dataset.
 *
 * <p>Immutable and serialisable: what travels is the facts and the options; the engine, the
 * calendar and the dimensions are rebuilt from them on arrival. A change of a global fact (a new
 * top tier, a new customer attribute, the range) means a new context.
 */
public final class ReportContext implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ReportOptions options;
  private final YearMonth from;
  private final YearMonth to;
  private final TierLadder ladder;
  private final CustomerAttributes customers;
  private final HealthScores health;
  private final List<Target> targets;
  private final String currency;
  private final FxRates fx;
  /** The data's first and last days (see {@link dev.upshift.report.Coverage}), {@code null} when none. */
  private final LocalDate dataFirstDay;
  private final LocalDate dataLastDay;

  private final transient ReportPlan plan;
  private final transient List<Dimension> by;
  private final transient MetricEngine engine;

  private ReportContext(ReportOptions options, YearMonth from, YearMonth to, TierLadder ladder,
      CustomerAttributes customers, HealthScores health, List<Target> targets, String currency,
      FxRates fx, LocalDate dataFirstDay, LocalDate dataLastDay) {
    this.dataFirstDay = dataFirstDay;
    this.dataLastDay = dataLastDay;
    this.options = requireNonNull(options, "options is null");
    this.from = requireNonNull(from, "from is null");
    this.to = requireNonNull(to, "to is null");
    this.ladder = requireNonNull(ladder, "ladder is null");
    this.customers = requireNonNull(customers, "customers is null");
    this.health = requireNonNull(health, "health is null");
    this.targets = List.copyOf(targets);
    this.currency = requireNonNull(currency, "currency is null");
    this.fx = requireNonNull(fx, "fx is null");
    this.plan = ReportPlan.of(Calendar.of(options.grain(), options.fiscalYearStart()), from, to,
        options.openingBalance());
    this.by = options.by().stream().map(this::dimension).toList();
    Dimension where = options.where() == null ? null : dimension(options.where().dimension());
    UpsellRule rule = new UpsellRule(options.upsellDefinition(), options.minExpansionArr(),
        options.minTenureMonths(), options.excludeTopTier(), options.rateWindow());
    this.engine = new MetricEngine(plan, options.book(), ladder, rule, options.rateCounting(), by,
        where, options.where() == null ? null : options.where().value(), health);
  }

  /**
   * The context of a report on {@code dataset}.
   *
   * @throws IllegalArgumentException on an unusable option: an unknown dimension, a range that
   *     cannot be taken from an empty dataset, {@code --to} before {@code --from}
   */
  public static ReportContext of(Dataset dataset, ReportOptions options) {
    return of(dataset, options, FxRates.none(dataset.currency()));
  }

  /** As {@link #of(Dataset, ReportOptions)}, with the FX rates the dataset's prices were read at. */
  public static ReportContext of(Dataset dataset, ReportOptions options, FxRates fx) {
    requireNonNull(dataset, "dataset is null");
    return of(DataFacts.of(dataset.table(), dataset.plans()), options, dataset.plans(),
        dataset.customers(), dataset.health(), dataset.targets(), dataset.currency(), fx);
  }

  /**
   * The context of a report on phases that are not in one place (a Spark job's partitions): the
   * facts gathered from every part and merged, with the small files read once.
   *
   * @param facts the merged {@link DataFacts} of every phase of the dataset
   * @throws IllegalArgumentException on an unusable option, as {@link #of(Dataset, ReportOptions)}
   */
  public static ReportContext of(DataFacts facts, ReportOptions options, PlanCatalog plans,
      CustomerAttributes customers, HealthScores health, List<Target> targets, String currency,
      FxRates fx) {
    requireNonNull(facts, "facts is null");
    requireNonNull(options, "options is null");
    YearMonth[] range = range(facts, options);
    // Whole months (see Coverage): from the first day of the earliest start's month to the last
    // day of the month of the latest start or end, the months the default range reports.
    LocalDate first = facts.isEmpty() ? null
        : LocalDate.ofEpochDay(facts.earliestDay().getAsInt()).withDayOfMonth(1);
    LocalDate last = facts.isEmpty() ? null
        : YearMonth.from(LocalDate.ofEpochDay(facts.latestDay().getAsInt())).atEndOfMonth();
    if (options.openingBalance() != null) {
      // §2.4: the team says its data starts there; the book on that day is its opening balance.
      first = options.openingBalance().atDay(1);
    }
    return new ReportContext(options, range[0], range[1], TierLadder.of(plans, facts.seenTops()),
        customers, health, targets, currency, fx, first, last);
  }

  /** Rebuilds the transient parts after deserialisation. */
  private Object readResolve() {
    return new ReportContext(options, from, to, ladder, customers, health, targets, currency, fx,
        dataFirstDay, dataLastDay);
  }

  /** {@code --from} and {@code --to}, defaulting to the months of the data's first and last days. */
  private static YearMonth[] range(DataFacts facts, ReportOptions options) {
    // §2.4: the report starts where the opening balance puts the data's start.
    YearMonth from = options.from() != null ? options.from() : options.openingBalance();
    YearMonth to = options.to();
    if (from == null || to == null) {
      if (facts.isEmpty()) {
        throw new IllegalArgumentException(
            "there are no subscription phases to take the report range from; give --from and --to");
      }
      from = from != null ? from
          : YearMonth.from(LocalDate.ofEpochDay(facts.earliestDay().getAsInt()));
      to = to != null ? to : YearMonth.from(LocalDate.ofEpochDay(facts.latestDay().getAsInt()));
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    return new YearMonth[] {from, to};
  }

  private Dimension dimension(String name) {
    return Dimensions.resolve(name, options.tenureEdges(), options.initialArrEdges(), customers);
  }

  /** The options as given (range not filled in). */
  public ReportOptions options() {
    return options;
  }

  /** The periods to compute, from the resolved range. */
  public ReportPlan plan() {
    return plan;
  }

  /** The engine that computes customers against these facts. */
  public MetricEngine engine() {
    return engine;
  }

  /** The {@code --by} dimensions. */
  public List<Dimension> by() {
    return by;
  }

  public TierLadder ladder() {
    return ladder;
  }

  public CustomerAttributes customers() {
    return customers;
  }

  public HealthScores health() {
    return health;
  }

  public List<Target> targets() {
    return targets;
  }

  /** The reporting currency. */
  public String currency() {
    return currency;
  }

  /** The rates at which other currencies' prices were converted into the reporting currency. */
  public FxRates fx() {
    return fx;
  }

  /**
   * The data's first day: the first day of the month of the earliest {@code start_date}, or of the
   * opening balance month (§2.4); {@code null} without data.
   */
  public LocalDate dataFirstDay() {
    return dataFirstDay;
  }

  /**
   * The data's last day: the last day of the month of the latest {@code start_date} or {@code
   * end_date}; {@code null} without data.
   */
  public LocalDate dataLastDay() {
    return dataLastDay;
  }

  /** The report builder for these options, periods and targets. */
  ReportBuilder reportBuilder() {
    return new ReportBuilder(plan, options, targets, by, dataFirstDay, dataLastDay);
  }
}
