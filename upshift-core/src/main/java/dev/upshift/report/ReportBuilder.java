package dev.upshift.report;

import static dev.upshift.money.Micros.toDecimal;

import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputSummary;
import dev.upshift.input.Target;
import dev.upshift.metric.MetricTotals;
import dev.upshift.metric.PeriodTotals;
import dev.upshift.metric.Rates;
import dev.upshift.metric.ReportPlan;
import dev.upshift.metric.UpsellMember;
import dev.upshift.movement.Component;
import dev.upshift.segment.Dimension;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the additive totals of a report into its figures (§5): rates, ratios, growth, status. */
public final class ReportBuilder {
  private final ReportPlan plan;
  private final ReportOptions options;
  private final TargetBook targets;
  private final LocalDate dataFirstDay;
  private final LocalDate dataLastDay;

  private final Map<String, Comparator<String>> valueOrders = new HashMap<>();

  /**
   * @param dimensions the {@code --by} dimensions, whose value order the segments follow
   */
  public ReportBuilder(ReportPlan plan, ReportOptions options, List<Target> targets,
      List<Dimension> dimensions) {
    this(plan, options, targets, dimensions, null, null);
  }

  /**
   * @param dimensions the {@code --by} dimensions, whose value order the segments follow
   * @param dataFirstDay the data's first day ({@link Coverage}), {@code null} when unknown: every
   *     period is then taken as whole
   * @param dataLastDay the data's last day, {@code null} when unknown
   */
  public ReportBuilder(ReportPlan plan, ReportOptions options, List<Target> targets,
      List<Dimension> dimensions, LocalDate dataFirstDay, LocalDate dataLastDay) {
    this.dataFirstDay = dataFirstDay;
    this.dataLastDay = dataLastDay;
    this.plan = plan;
    this.options = options;
    this.targets = new TargetBook(targets, plan.calendar());
    dimensions.forEach(d -> valueOrders.put(d.name(), d.valueOrder()));
  }

  /** Builds the report from totals over all customers. */
  public Report build(MetricTotals totals, InputSummary summary, String currency) {
    List<PeriodReport> periods = periods(totals.overall(), options.where());
    Map<String, Map<String, List<PeriodReport>>> segments = new LinkedHashMap<>();
    totals.segments().forEach((dimension, values) -> {
      Map<String, List<PeriodReport>> byValue = new TreeMap<>(
          valueOrders.getOrDefault(dimension, Comparator.naturalOrder()));
      values.forEach((value, list) -> {
        List<PeriodReport> reported = periods(list, new SegmentFilter(dimension, value));
        boolean appears = false;
        for (int i = 0; i < reported.size(); i++) {
          appears |= !list.get(i + 1).isEmpty() || hasNonZeroDerivedFigure(reported.get(i));
        }
        if (appears) {
          byValue.put(value, reported);
        }
      });
      segments.put(dimension, byValue);
    });
    long inferred = totals.overall().subList(1, totals.overall().size()).stream()
        .mapToLong(PeriodTotals::inferredDirections).sum();
    return new Report(Report.SCHEMA, currency, options.grain(), options.book(), config(),
        input(summary, inferred), periods, segments);
  }

  private ReportConfig config() {
    List<String> members = Arrays.stream(UpsellMember.values())
        .filter(options.upsellDefinition()::contains).map(UpsellMember::code).toList();
    return new ReportConfig(members, options.rateCounting().code(), options.minTenureMonths(),
        options.excludeTopTier(), options.minExpansionArr(),
        options.where() == null ? null : options.where().toString(), options.fiscalYearStart(),
        options.by(), options.tenureEdges(), options.initialArrEdges(),
        options.rateWindow(), options.openingBalance());
  }

  private static InputInfo input(InputSummary summary, long inferred) {
    Map<String, Long> ignored = new LinkedHashMap<>();
    for (IgnoredReason reason : IgnoredReason.values()) {
      ignored.put(reason.code(), summary.ignored(reason));
    }
    return new InputInfo(summary.rows(), summary.billableRows(), ignored, summary.rejectedRows(),
        inferred);
  }

  /** Reported periods from totals indexed like the computed periods (index 0 only for growth). */
  private List<PeriodReport> periods(List<PeriodTotals> totals, SegmentFilter segment) {
    List<Period> computed = plan.computedPeriods();
    List<PeriodReport> reports = new ArrayList<>(computed.size() - 1);
    for (int i = 1; i < computed.size(); i++) {
      reports.add(period(computed.get(i), totals.get(i), totals.get(i - 1), segment));
    }
    return reports;
  }

  private PeriodReport period(Period period, PeriodTotals t, PeriodTotals previous,
      SegmentFilter segment) {
    ArrBridge arr = new ArrBridge(toDecimal(t.arrStarting()), money(t, Component.NEW_LOGO),
        money(t, Component.REACTIVATION), money(t, Component.UPSELL), toDecimal(t.upsellRamp()),
        money(t, Component.ADD_ON_SEATS), money(t, Component.ADD_ON_PRICE),
        money(t, Component.CROSS_SELL), money(t, Component.DOWNSELL),
        money(t, Component.REDUCTION_SEATS), money(t, Component.REDUCTION_PRICE),
        money(t, Component.PRODUCT_CHURN), money(t, Component.CHURN), toDecimal(t.expansion()),
        toDecimal(t.contraction()), toDecimal(t.netNew()), toDecimal(t.arrEnding()));
    Logos logos = new Logos(t.logosStarting(), t.logosNew(), t.logosReactivated(),
        t.logosChurned(), t.logosEnding());
    CustomerCounts customers = new CustomerCounts(t.customersWith(Component.UPSELL),
        t.customersWith(Component.ADD_ON_SEATS), t.customersWith(Component.ADD_ON_PRICE),
        t.customersWith(Component.CROSS_SELL), t.customersWith(Component.DOWNSELL),
        t.customersWith(Component.REDUCTION_SEATS), t.customersWith(Component.REDUCTION_PRICE),
        t.customersWith(Component.PRODUCT_CHURN));
    SeatWaterfall seats = new SeatWaterfall(t.seatsStarting(), t.seatsNew(), t.seatsExpansion(),
        t.seatsChurned(), t.seatsDowngraded(), t.seatsEnding());
    Retention retention = new Retention(
        Rates.percent(t.retainedArrEnding(), t.arrStarting()),
        Rates.percent(t.grossRetainedArr(), t.arrStarting()),
        Rates.percent(t.retainedArrEnding12m(), t.arr12MonthsAgo()),
        Rates.percent(t.grossRetainedArr12m(), t.arr12MonthsAgo()));
    Ratios ratios = new Ratios(
        Rates.scaled(t.seatsEnding(), t.logosEnding(), 1),
        Rates.moneyPer(t.arrEnding(), t.logosEnding()),
        Rates.moneyPer(t.arrEnding(), t.seatsEnding()),
        Rates.percent(t.upsellUsers(), t.logosStarting()),
        Rates.scaled(t.upsellUsers(), t.seatsStarting(), 1000));
    Growth growth = new Growth(
        Rates.growth(t.arrEnding(), previous.arrEnding()),
        Rates.growth(t.seatsEnding(), previous.seatsEnding()),
        Rates.growth(t.upsellUsers(), previous.upsellUsers()),
        Rates.growth(t.component(Component.UPSELL), previous.component(Component.UPSELL)));
    Coverage coverage = dataFirstDay == null ? Coverage.whole(period.start(), period.end())
        : Coverage.of(period.start(), period.end(), dataFirstDay, dataLastDay,
            options.openingBalance() != null);
    return new PeriodReport(period.label(), period.start(), period.end(), arr, logos, customers,
        seats, t.upsellUsers(), t.upsellUsersT3(), t.upsellUsersT12(),
        upsellRate(period, t, segment, coverage), retention, ratios, growth, coverage);
  }

  /**
   * The Upsell Rate figures and status (§5.5, §5.6). Monthly rows compare the quarter to date with
   * the target, except over an onboarding window, which has no quarter to date: every row then
   * compares its own rate and is {@code Below} or {@code Achieved}. A period the data does not cover
   * whole ({@link Coverage#judged()}) keeps its target and has no status: a partial quarter measured
   * against a quarter's target would read as a miss (or a win) that nobody made.
   */
  private UpsellRateFigures upsellRate(Period period, PeriodTotals t, SegmentFilter segment,
      Coverage coverage) {
    boolean quarterToDate = plan.calendar().grain() == Grain.MONTH && options.rateWindow() == null;
    BigDecimal target = targets.targetOf(period, segment);
    if (target == null && segment != null && segment.equals(options.where())) {
      target = targets.targetOf(period, null);
    }
    long actualUpsold = quarterToDate ? t.qtdUpsold() : t.upsold();
    long actualEligible = quarterToDate ? t.qtdEligible() : t.eligible();
    String status = null;
    if (target != null && actualEligible > 0 && coverage.judged()) {
      if (Rates.percentBelow(actualUpsold, actualEligible, target)) {
        status = "Below";
      } else if (quarterToDate && !isLastMonthOfQuarter(period)) {
        status = "On Track";
      } else {
        status = "Achieved";
      }
    }
    return new UpsellRateFigures(t.eligible(), t.upsold(), Rates.percent(t.upsold(), t.eligible()),
        toDecimal(t.upsoldArr()), Rates.moneyPer(t.upsoldArr(), t.upsold()),
        quarterToDate ? t.qtdEligible() : null, quarterToDate ? t.qtdUpsold() : null,
        quarterToDate ? Rates.percent(t.qtdUpsold(), t.qtdEligible()) : null, target, status);
  }

  /**
   * A segment value appears when any of its numbers is non-zero (§10). Beyond the additive totals,
   * a value can have non-zero numbers only through figures that compare with other customers'
   * past: growth over the previous period and 12-month retention.
   */
  private static boolean hasNonZeroDerivedFigure(PeriodReport period) {
    Growth g = period.growth();
    Retention r = period.retention();
    return nonZero(g.endingArr()) || nonZero(g.endingSeats()) || nonZero(g.upsellUsers())
        || nonZero(g.upsellArr()) || nonZero(r.nrr12m()) || nonZero(r.grr12m());
  }

  private static boolean nonZero(BigDecimal value) {
    return value != null && value.signum() != 0;
  }

  private boolean isLastMonthOfQuarter(Period month) {
    return plan.calendar().quarterOf(month.firstMonth()).lastMonth().equals(month.lastMonth());
  }

  private static BigDecimal money(PeriodTotals t, Component component) {
    return toDecimal(t.component(component));
  }
}
