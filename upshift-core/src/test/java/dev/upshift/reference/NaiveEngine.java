package dev.upshift.reference;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.metric.RateCounting;
import dev.upshift.metric.UpsellMember;
import dev.upshift.money.Micros;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.time.Calendar;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A deliberately naive, obviously-correct reference implementation of the metrics of SPEC §2–§5,
 * §6.1 and §10, used by differential tests against the production engine. Written from SPEC only.
 *
 * <p>Nothing here is clever: a customer's state on a day is found by scanning all its phases
 * ({@link NaiveBook}); money is {@link BigDecimal}; every period (and every month inside it, every
 * trailing month, every earlier period needed for growth) is recomputed from scratch from two
 * snapshots. The only concession to speed is memoising {@code state(c, d)} and movements, which are
 * pure functions of their arguments.
 *
 * <h2>Decisions where SPEC is ambiguous</h2>
 *
 * <ol>
 *   <li><b>Undefined values</b> ({@code null} in JSON): the key is present in the period map with a
 *       {@code null} value. Rates/ratios/growth are exact quotients at 20 decimal places
 *       (half-even); money is unrounded at scale 6.
 *   <li><b>Line resolution includes non-billable phases.</b> A trial/suspended/read-only/zero-price
 *       phase is still a phase of its line: it ends an open-ended predecessor, and in the
 *       contracted book it can be the line's latest phase (the line then contributes nothing).
 *       Only billable phases contribute ARR, seats, tiers and plans.
 *   <li><b>Contracted book, literally.</b> For each line, the events signed on or before {@code d}
 *       are every phase start (signed {@code signed_date}) and every explicit ending (signed
 *       {@code cancel_signed_date}); the event with the latest effective date wins, whether that
 *       date is before or after {@code d} (ties: latest signed, then larger {@link Phase#line()}).
 *       An ending is dropped as a "boundary" when any other phase of the line starts on that day,
 *       whether or not that phase is signed yet (a structural reading). Consequently a gap between
 *       an explicit end and a later phase signed before it is invisible in the contracted book.
 *   <li><b>First active date</b> is the earliest day the customer is active in the chosen book
 *       (contracted states in the contracted book), found by checking every day on which a state
 *       can change.
 *   <li><b>Tier inference</b>: the plan "changed" when {@code plan_p} at d0 and d1 differ by
 *       null-safe equality (no plan → a plan is a change; no plan at both is not).
 *       {@code inferredTierDirections} counts, over the customers the report covers (after
 *       {@code --where}), (customer, product, reported period) cases with a tier unknown, the plan
 *       changed and {@code rest ≠ 0}, from each reported period's own snapshots only (the monthly
 *       measurements of {@code any} counting, QTD and T3/T12 do not add to it).
 *   <li><b>Ramp label</b>: phases are compared by identity (the same input row); lines of p are those
 *       with a billable phase of p at d0 or d1, looked at per product.
 *   <li><b>Qualifying ARR</b> is the sum of the distinct components selected by the definition's
 *       members (tier → upsell; seats → addOnSeats; add_on → addOnSeats + addOnPrice; cross_sell →
 *       crossSell), whether or not each member's own condition is met (those components are never
 *       negative). A customer is upsold when at least one member's condition holds AND the
 *       threshold (inclusive) is met: with {@code seats} alone the threshold compares expansion
 *       seats ({@code U1 − U0} of an Upsell User), while {@code upsoldArr} still sums addOnSeats.
 *   <li><b>{@code any} counting over quarters/years</b>: eligibility once at the period's d0; each
 *       calendar month is measured on its own snapshots and must meet a member and the threshold
 *       on its own; {@code upsoldArr} sums the qualifying months. A month in which the customer is
 *       REACTIVATED never qualifies (it has no expansion components), but a later month of the
 *       same period in which it is RETAINED and expands does qualify.
 *   <li><b>QTD</b>: a customer is in {@code qtdUpsold} when it is upsold in some month of the fiscal
 *       quarter so far in which it is also eligible (eligibility month by month). QTD fields are
 *       {@code null} for quarter/year grain.
 *   <li><b>{@code avgUpsoldArr}</b> = upsoldArr / upsold, {@code null} when no one is upsold. Ratios
 *       are {@code null} when their denominator is 0.
 *   <li><b>{@code nrr12m}/{@code grr12m}</b>: base day = last day of the calendar month 12 months
 *       before d1's month; base customers are those active then (and in the segment of the
 *       reported period); {@code null} when their base ARR is 0.
 *   <li><b>Segments</b> (team decisions applied): every customer has a value in every period, taken
 *       at P.start from S0 when active at d0, else at d1 from S1. {@code tenure} is {@code Unknown}
 *       when the customer is never active or not yet active on that day; {@code initial_arr} and
 *       {@code cohort} are {@code Unknown} for a never-active customer. Built-in dimension names
 *       ({@code tenure, initial_arr, health, plan, cohort}) win over customers.csv columns of the
 *       same name. With a single initial-ARR edge e the buckets are {@code <e} and {@code >=e}.
 *       T3/T12, QTD and nrr12m count a customer in its segment (and {@code --where}) for the
 *       reported period; growth compares with the previous period of the same segment value, that
 *       period using its own assignment. A value appears when any of its figures (including growth,
 *       T3/T12, QTD) is non-null and non-zero in some reported period; candidates are the values
 *       assigned in reported periods and in the periods before them.
 *   <li><b>Top tier</b> from data uses the explicit tiers of the dataset's line phases (the
 *       {@link Dataset} no longer holds overage/one-time rows).
 *   <li><b>Default range</b>: from = month of the earliest {@code start_date}, to = month of the
 *       latest {@code start_date} or {@code end_date}, over every line phase (billable or not) and
 *       in either book; an empty dataset with no explicit range gives an empty report.
 *   <li><b>Ledger</b> rows are produced for the main report only (after {@code --where}).
 *   <li><b>Onboarding window</b> ({@code --rate-window onboarding:N}): f is the first active date
 *       in the book, e = f + N days (so a change effective on day f + N is inside the window, one
 *       on f + N + 1 is not). The customer is eligible in the one reported period with {@code
 *       P.start ≤ e ≤ P.end}, in that period's segment (and {@code --where}), unless {@code
 *       excludeTopTier} and every product held at f is at its top tier; tenure is not looked at.
 *       Upsold when the movement from {@code state(f)} to {@code state(e)}, classified like any
 *       other, qualifies; {@code upsoldArr} is its qualifying ARR. QTD figures are {@code null}. A
 *       customer eligible in a period with no ARR at either end still gets a ledger row, with no
 *       status.
 * </ol>
 */
public final class NaiveEngine {
  static final BigDecimal ZERO_MONEY = BigDecimal.ZERO.setScale(Micros.SCALE);
  private static final int QUOTIENT_SCALE = 20;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final Set<String> BUILT_IN_DIMENSIONS =
      Set.of("tenure", "initial_arr", "health", "plan", "cohort");
  private static final String UNKNOWN = "Unknown";

  private final Dataset dataset;
  private final ReportOptions options;
  private final NaiveBook book;
  private final Calendar calendar;
  private final Calendar months;
  private final List<String> customers;
  private final Map<String, Map<LocalDate, NaiveState>> stateCache = new HashMap<>();
  private final Map<String, Map<List<LocalDate>, NaiveMovement>> movementCache = new HashMap<>();
  private final Map<String, Optional<LocalDate>> firstActiveCache = new HashMap<>();

  /** A scope decides whether a customer counts when its segment is taken for a period. */
  @FunctionalInterface
  private interface Scope {
    boolean includes(String customerId, Period period);
  }

  private NaiveEngine(Dataset dataset, ReportOptions options) {
    this.dataset = requireNonNull(dataset, "dataset is null");
    this.options = requireNonNull(options, "options is null");
    this.book = new NaiveBook(options.book(), dataset.phases());
    this.calendar = Calendar.of(options.grain(), options.fiscalYearStart());
    this.months = calendar.withGrain(Grain.MONTH);
    this.customers = book.customers();
  }

  /**
   * Computes the report for a dataset and options.
   *
   * @throws IllegalArgumentException for an unknown {@code --by} or {@code --where} dimension
   */
  public static NaiveReport compute(Dataset dataset, ReportOptions options) {
    return new NaiveEngine(dataset, options).run();
  }

  // ---------------------------------------------------------------------------------------------
  // Report

  private NaiveReport run() {
    for (String dimension : options.by()) {
      requireKnownDimension(dimension);
    }
    if (options.where() != null) {
      requireKnownDimension(options.where().dimension());
    }
    List<Period> periods = reportedPeriods();
    Scope whereScope = this::inWhere;

    Map<String, SortedMap<String, BigDecimal>> figures = new LinkedHashMap<>();
    long inferred = 0;
    List<NaiveReport.LedgerRow> ledger = new ArrayList<>();
    for (Period period : periods) {
      figures.put(period.label(), figures(period, whereScope));
      for (String customer : customers) {
        if (!inWhere(customer, period)) {
          continue;
        }
        NaiveMovement movement = movement(customer, period);
        inferred += movement.inferredTierDirections();
        if (movement.status() != null || rateEligible(customer, period)) {
          ledger.add(ledgerRow(period, movement));
        }
      }
    }

    SortedMap<String, SortedMap<String, Map<String, SortedMap<String, BigDecimal>>>> segments =
        new TreeMap<>();
    for (String dimension : options.by()) {
      TreeSet<String> candidates = new TreeSet<>();
      for (Period period : periods) {
        for (String customer : customers) {
          candidates.add(segmentValue(dimension, customer, period));
          candidates.add(segmentValue(dimension, customer, calendar.previous(period)));
        }
      }
      SortedMap<String, Map<String, SortedMap<String, BigDecimal>>> byValue = new TreeMap<>();
      for (String value : candidates) {
        Scope scope = (c, p) -> inWhere(c, p) && segmentValue(dimension, c, p).equals(value);
        Map<String, SortedMap<String, BigDecimal>> byPeriod = new LinkedHashMap<>();
        boolean anyNonZero = false;
        for (Period period : periods) {
          SortedMap<String, BigDecimal> valueFigures = figures(period, scope);
          byPeriod.put(period.label(), valueFigures);
          anyNonZero |= valueFigures.values().stream()
              .anyMatch(v -> v != null && v.signum() != 0);
        }
        if (anyNonZero) {
          byValue.put(value, byPeriod);
        }
      }
      segments.put(dimension, byValue);
    }
    return new NaiveReport(figures, segments, inferred, ledger);
  }

  /** §10 default range, widened to whole periods by the calendar. */
  private List<Period> reportedPeriods() {
    YearMonth from = options.from();
    YearMonth to = options.to();
    if (from == null || to == null) {
      List<Phase> phases = dataset.phases();
      if (phases.isEmpty()) {
        return List.of();
      }
      YearMonth earliest = null;
      YearMonth latest = null;
      for (Phase phase : phases) {
        YearMonth start = YearMonth.from(phase.start());
        earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
        latest = latest == null || start.isAfter(latest) ? start : latest;
        if (phase.end() != null) {
          YearMonth end = YearMonth.from(phase.end());
          latest = end.isAfter(latest) ? end : latest;
        }
      }
      from = from != null ? from : options.openingBalance() != null ? options.openingBalance()
          : earliest;
      to = to != null ? to : latest;
    }
    return calendar.periods(from, to);
  }

  private boolean inWhere(String customer, Period period) {
    SegmentFilter where = options.where();
    return where == null || segmentValue(where.dimension(), customer, period).equals(where.value());
  }

  // ---------------------------------------------------------------------------------------------
  // Figures of one period (§5) over the customers in scope

  private SortedMap<String, BigDecimal> figures(Period period, Scope scope) {
    SortedMap<String, BigDecimal> f = new TreeMap<>();
    List<String> in = customers.stream().filter(c -> scope.includes(c, period)).toList();

    // §5.1 ARR bridge, §5.2 logos, §5.3 seats, §5.4 upsell users
    BigDecimal starting = ZERO_MONEY;
    BigDecimal ending = ZERO_MONEY;
    Map<String, BigDecimal> components = new LinkedHashMap<>();
    NaiveReport.ARR_COMPONENTS.forEach(name -> components.put(name, ZERO_MONEY));
    Map<String, Long> customersWith = new LinkedHashMap<>();
    NaiveReport.CUSTOMER_COMPONENTS.forEach(name -> customersWith.put(name, 0L));
    long logosStarting = 0;
    long logosNew = 0;
    long logosReactivated = 0;
    long logosChurned = 0;
    long logosEnding = 0;
    long seatsStarting = 0;
    long seatsNew = 0;
    long seatsExpansion = 0;
    long seatsChurned = 0;
    long seatsDowngraded = 0;
    long seatsEnding = 0;
    long upsellUsers = 0;
    for (String customer : in) {
      NaiveMovement m = movement(customer, period);
      starting = starting.add(m.a0());
      ending = ending.add(m.a1());
      for (String name : NaiveReport.ARR_COMPONENTS) {
        components.put(name, components.get(name).add(m.component(name)));
      }
      for (String name : NaiveReport.CUSTOMER_COMPONENTS) {
        if (m.component(name).signum() != 0) {
          customersWith.put(name, customersWith.get(name) + 1);
        }
      }
      logosStarting += m.a0().signum() > 0 ? 1 : 0;
      logosEnding += m.a1().signum() > 0 ? 1 : 0;
      logosNew += "NEW".equals(m.status()) ? 1 : 0;
      logosReactivated += "REACTIVATED".equals(m.status()) ? 1 : 0;
      logosChurned -= "CHURNED".equals(m.status()) ? 1 : 0;
      seatsStarting += m.u0();
      seatsEnding += m.u1();
      seatsNew += m.newSeats();
      seatsExpansion += m.expansionSeats();
      seatsChurned += m.churnedSeats();
      seatsDowngraded += m.downgradedSeats();
      upsellUsers += m.upsellUser() ? 1 : 0;
    }
    BigDecimal expansion = components.get("upsell").add(components.get("addOnSeats"))
        .add(components.get("addOnPrice")).add(components.get("crossSell"));
    BigDecimal contraction = components.get("downsell").add(components.get("reductionSeats"))
        .add(components.get("reductionPrice")).add(components.get("productChurn"));
    BigDecimal netNew = components.get("newLogo").add(components.get("reactivation"))
        .add(expansion).add(contraction).add(components.get("churn"));
    check(starting.add(netNew).compareTo(ending) == 0, "ARR bridge does not close", period);
    check(logosStarting + logosNew + logosReactivated + logosChurned == logosEnding,
        "logo bridge does not close", period);
    check(seatsStarting + seatsNew + seatsExpansion + seatsChurned + seatsDowngraded == seatsEnding,
        "seat waterfall does not close", period);

    f.put("arr.starting", starting);
    components.forEach((name, value) -> f.put("arr." + name, value));
    f.put("arr.expansion", expansion);
    f.put("arr.contraction", contraction);
    f.put("arr.netNew", netNew);
    f.put("arr.ending", ending);
    f.put("logos.starting", count(logosStarting));
    f.put("logos.new", count(logosNew));
    f.put("logos.reactivated", count(logosReactivated));
    f.put("logos.churned", count(logosChurned));
    f.put("logos.ending", count(logosEnding));
    customersWith.forEach((name, n) -> f.put("customers." + name, count(n)));
    f.put("seats.starting", count(seatsStarting));
    f.put("seats.new", count(seatsNew));
    f.put("seats.expansion", count(seatsExpansion));
    f.put("seats.churned", count(seatsChurned));
    f.put("seats.downgraded", count(seatsDowngraded));
    f.put("seats.ending", count(seatsEnding));
    f.put("upsellUsers", count(upsellUsers));
    f.put("upsellUsersT3", count(trailingUpsellUsers(period, in, 3)));
    f.put("upsellUsersT12", count(trailingUpsellUsers(period, in, 12)));

    // §5.5 Upsell Rate
    long eligible = 0;
    long upsold = 0;
    BigDecimal upsoldArr = ZERO_MONEY;
    for (String customer : in) {
      if (!rateEligible(customer, period)) {
        continue;
      }
      eligible++;
      BigDecimal qualifying = rateUpsoldArr(customer, period);
      if (qualifying != null) {
        upsold++;
        upsoldArr = upsoldArr.add(qualifying);
      }
    }
    f.put("upsellRate.eligible", count(eligible));
    f.put("upsellRate.upsold", count(upsold));
    f.put("upsellRate.rate", ratio(count(upsold), count(eligible), HUNDRED));
    f.put("upsellRate.upsoldArr", upsoldArr);
    f.put("upsellRate.avgUpsoldArr", ratio(upsoldArr, count(upsold), BigDecimal.ONE));
    if (options.grain() == Grain.MONTH && options.rateWindow() == null) {
      Period quarter = calendar.quarterOf(period.firstMonth());
      long qtdEligible = 0;
      long qtdUpsold = 0;
      for (String customer : in) {
        boolean everEligible = false;
        boolean everUpsold = false;
        for (YearMonth month = quarter.firstMonth(); !month.isAfter(period.lastMonth());
            month = month.plusMonths(1)) {
          Period monthPeriod = months.periodOf(month);
          if (eligible(customer, monthPeriod)) {
            everEligible = true;
            if (qualifies(movement(customer, monthPeriod))) {
              everUpsold = true;
            }
          }
        }
        qtdEligible += everEligible ? 1 : 0;
        qtdUpsold += everUpsold ? 1 : 0;
      }
      f.put("upsellRate.qtdEligible", count(qtdEligible));
      f.put("upsellRate.qtdUpsold", count(qtdUpsold));
      f.put("upsellRate.qtdRate", ratio(count(qtdUpsold), count(qtdEligible), HUNDRED));
    } else {
      f.put("upsellRate.qtdEligible", null);
      f.put("upsellRate.qtdUpsold", null);
      f.put("upsellRate.qtdRate", null);
    }

    // §5.7 retention
    BigDecimal base = ZERO_MONEY;
    BigDecimal net = ZERO_MONEY;
    BigDecimal gross = ZERO_MONEY;
    for (String customer : in) {
      NaiveMovement m = movement(customer, period);
      if (m.a0().signum() > 0) {
        base = base.add(m.a0());
        net = net.add(m.a1());
        gross = gross.add(m.a1().min(m.a0()));
      }
    }
    f.put("retention.nrr", ratio(net, base, HUNDRED));
    f.put("retention.grr", ratio(gross, base, HUNDRED));
    LocalDate baseDay = YearMonth.from(period.closingDay()).minusMonths(12).atEndOfMonth();
    BigDecimal base12 = ZERO_MONEY;
    BigDecimal net12 = ZERO_MONEY;
    BigDecimal gross12 = ZERO_MONEY;
    for (String customer : in) {
      BigDecimal then = snapshot(customer, baseDay).arr();
      if (then.signum() > 0) {
        BigDecimal now = snapshot(customer, period.closingDay()).arr();
        base12 = base12.add(then);
        net12 = net12.add(now);
        gross12 = gross12.add(now.min(then));
      }
    }
    f.put("retention.nrr12m", ratio(net12, base12, HUNDRED));
    f.put("retention.grr12m", ratio(gross12, base12, HUNDRED));

    // ratios
    f.put("ratios.seatsPerLogo", ratio(count(seatsEnding), count(logosEnding), BigDecimal.ONE));
    f.put("ratios.arpa", ratio(ending, count(logosEnding), BigDecimal.ONE));
    f.put("ratios.arpu", ratio(ending, count(seatsEnding), BigDecimal.ONE));
    f.put("ratios.upsellUsersShareOfLogos",
        ratio(count(upsellUsers), count(logosStarting), HUNDRED));
    f.put("ratios.upsellUsersPer1000Seats",
        ratio(count(upsellUsers), count(seatsStarting), THOUSAND));

    // growth vs the previous period of the same grain, in its own segment assignment
    Basics now = basics(period, scope);
    Basics before = basics(calendar.previous(period), scope);
    f.put("growth.endingArr", growth(now.endingArr(), before.endingArr()));
    f.put("growth.endingSeats", growth(count(now.endingSeats()), count(before.endingSeats())));
    f.put("growth.upsellUsers", growth(count(now.upsellUsers()), count(before.upsellUsers())));
    f.put("growth.upsellArr", growth(now.upsellArr(), before.upsellArr()));

    check(f.keySet().equals(NaiveReport.KEYS), "keys differ from NaiveReport.KEYS", period);
    return f;
  }

  private record Basics(BigDecimal endingArr, long endingSeats, long upsellUsers,
      BigDecimal upsellArr) {}

  private Basics basics(Period period, Scope scope) {
    BigDecimal endingArr = ZERO_MONEY;
    long endingSeats = 0;
    long upsellUsers = 0;
    BigDecimal upsellArr = ZERO_MONEY;
    for (String customer : customers) {
      if (!scope.includes(customer, period)) {
        continue;
      }
      NaiveMovement m = movement(customer, period);
      endingArr = endingArr.add(m.a1());
      endingSeats += m.u1();
      upsellUsers += m.upsellUser() ? 1 : 0;
      upsellArr = upsellArr.add(m.component("upsell"));
    }
    return new Basics(endingArr, endingSeats, upsellUsers, upsellArr);
  }

  /** §5.4: distinct customers that were Upsell Users in one of the trailing calendar months. */
  private long trailingUpsellUsers(Period period, List<String> in, int monthCount) {
    Set<String> distinct = new LinkedHashSet<>();
    for (int back = 0; back < monthCount; back++) {
      Period month = months.periodOf(period.lastMonth().minusMonths(back));
      for (String customer : in) {
        if (movement(customer, month).upsellUser()) {
          distinct.add(customer);
        }
      }
    }
    return distinct.size();
  }

  // ---------------------------------------------------------------------------------------------
  // Upsell Rate pieces (§5.5)

  /** Eligible for the rate of {@code period}: over the period, or over the onboarding window. */
  private boolean rateEligible(String customer, Period period) {
    return options.rateWindow() == null ? eligible(customer, period)
        : windowEligible(customer, period);
  }

  /** The qualifying ARR of an eligible customer when upsold, else {@code null}. */
  private BigDecimal rateUpsoldArr(String customer, Period period) {
    return options.rateWindow() == null ? upsoldArr(customer, period) : windowUpsoldArr(customer);
  }

  /** Eligible for {@code period}: active at d0, tenure at P.start, top-tier exclusion at d0. */
  private boolean eligible(String customer, Period period) {
    NaiveState s0 = snapshot(customer, period.openingDay());
    if (!s0.active()) {
      return false;
    }
    LocalDate first = firstActiveDate(customer).orElseThrow();
    if (tenureMonths(first, period.start()) < options.minTenureMonths()) {
      return false;
    }
    return !(options.excludeTopTier() && allAtTopTier(s0));
  }

  /**
   * Every product held in {@code state} is at its product's top tier (an unknown tier never is).
   * A state holding nothing is never at the top: it happens only at a window's start read from an
   * opening balance (§2.4) the customer was not active on, and such a customer keeps its window.
   */
  private boolean allAtTopTier(NaiveState state) {
    boolean allAtTop = !state.products().isEmpty();
    for (NaiveState.ProductState product : state.products().values()) {
      OptionalInt top = topTier(product.product());
      boolean atTop = product.tier() != null && top.isPresent() && product.tier() >= top.getAsInt();
      allAtTop &= atTop;
    }
    return allAtTop;
  }

  /** The last day of the customer's onboarding window, e = f + N, or empty when never active. */
  private Optional<LocalDate> windowEnd(String customer) {
    return firstActiveDate(customer).map(f -> f.plusDays(options.rateWindow().days()));
  }

  /**
   * §5.5 window: eligible in the period that contains e, unless {@code excludeTopTier} and every
   * product held at f is at its top tier at f. Minimum tenure plays no part.
   */
  private boolean windowEligible(String customer, Period period) {
    Optional<LocalDate> end = windowEnd(customer);
    if (end.isEmpty() || end.get().isBefore(period.start()) || end.get().isAfter(period.end())) {
      return false;
    }
    NaiveState atStart = snapshot(customer, firstActiveDate(customer).orElseThrow());
    return !(options.excludeTopTier() && allAtTopTier(atStart));
  }

  /** The movement from f to e, measured net: its qualifying ARR when it qualifies, else null. */
  private BigDecimal windowUpsoldArr(String customer) {
    NaiveMovement m = movement(customer, firstActiveDate(customer).orElseThrow(),
        windowEnd(customer).orElseThrow());
    return qualifies(m) ? qualifyingArr(m) : null;
  }

  /**
   * The qualifying ARR of an eligible customer in {@code period} when it is upsold, else
   * {@code null}: under {@code net} (or monthly grain) the period as a whole; under {@code any} the
   * sum over the months that qualify on their own.
   */
  private BigDecimal upsoldArr(String customer, Period period) {
    if (options.rateCounting() == RateCounting.NET || period.months() == 1) {
      NaiveMovement m = movement(customer, period);
      return qualifies(m) ? qualifyingArr(m) : null;
    }
    BigDecimal total = null;
    for (YearMonth month = period.firstMonth(); !month.isAfter(period.lastMonth());
        month = month.plusMonths(1)) {
      NaiveMovement m = movement(customer, months.periodOf(month));
      if (qualifies(m)) {
        total = (total == null ? ZERO_MONEY : total).add(qualifyingArr(m));
      }
    }
    return total;
  }

  /** At least one member's condition holds and the (inclusive) threshold is met. */
  private boolean qualifies(NaiveMovement m) {
    Set<UpsellMember> definition = options.upsellDefinition();
    boolean member = false;
    if (definition.contains(UpsellMember.TIER) && m.component("upsell").signum() > 0) {
      member = true;
    }
    if (definition.contains(UpsellMember.SEATS) && m.upsellUser()) {
      member = true;
    }
    if (definition.contains(UpsellMember.ADD_ON)
        && m.component("addOnSeats").add(m.component("addOnPrice")).signum() > 0) {
      member = true;
    }
    if (definition.contains(UpsellMember.CROSS_SELL) && m.component("crossSell").signum() > 0) {
      member = true;
    }
    if (!member) {
      return false;
    }
    BigDecimal measured = options.seatsOnlyDefinition()
        ? BigDecimal.valueOf(m.expansionSeats())
        : qualifyingArr(m);
    return measured.compareTo(options.minExpansionArr()) >= 0;
  }

  /**
   * Σ of the distinct components brought by the definition's members whose own condition holds
   * (§10): with {@code tier,seats}, an upgrade while total seats fall brings its upsell alone.
   */
  private BigDecimal qualifyingArr(NaiveMovement m) {
    Set<String> selected = new TreeSet<>();
    Set<UpsellMember> definition = options.upsellDefinition();
    if (definition.contains(UpsellMember.TIER) && m.component("upsell").signum() > 0) {
      selected.add("upsell");
    }
    if (definition.contains(UpsellMember.SEATS) && m.upsellUser()) {
      selected.add("addOnSeats");
    }
    if (definition.contains(UpsellMember.ADD_ON)
        && m.component("addOnSeats").add(m.component("addOnPrice")).signum() > 0) {
      selected.add("addOnSeats");
      selected.add("addOnPrice");
    }
    if (definition.contains(UpsellMember.CROSS_SELL) && m.component("crossSell").signum() > 0) {
      selected.add("crossSell");
    }
    BigDecimal total = ZERO_MONEY;
    for (String name : selected) {
      BigDecimal value = m.component(name);
      if (value.signum() > 0) {
        total = total.add(value);
      }
    }
    return total;
  }

  // ---------------------------------------------------------------------------------------------
  // Movements (§4)

  private NaiveMovement movement(String customer, Period period) {
    return movement(customer, period.openingDay(), period.closingDay());
  }

  private NaiveMovement movement(String customer, LocalDate d0, LocalDate d1) {
    Map<List<LocalDate>, NaiveMovement> cache =
        movementCache.computeIfAbsent(customer, c -> new HashMap<>());
    List<LocalDate> key = List.of(d0, d1);
    NaiveMovement cached = cache.get(key);
    if (cached == null) {
      cached = classify(customer, snapshot(customer, d0), snapshot(customer, d1));
      cache.put(key, cached);
    }
    return cached;
  }

  private NaiveMovement classify(String customer, NaiveState s0, NaiveState s1) {
    BigDecimal a0 = s0.arr();
    BigDecimal a1 = s1.arr();
    SortedMap<String, BigDecimal> c = new TreeMap<>();
    NaiveReport.ARR_COMPONENTS.forEach(name -> c.put(name, ZERO_MONEY));
    int inferred = 0;
    String status;
    if (a0.signum() == 0 && a1.signum() == 0) {
      status = null;
    } else if (a0.signum() == 0) {
      Optional<LocalDate> first = firstActiveDate(customer);
      boolean activeBefore = first.isPresent() && !first.get().isAfter(s0.day());
      status = activeBefore ? "REACTIVATED" : "NEW";
      c.put(activeBefore ? "reactivation" : "newLogo", a1);
    } else if (a1.signum() == 0) {
      status = "CHURNED";
      c.put("churn", a0.negate());
    } else {
      status = "RETAINED";
      TreeSet<String> products = new TreeSet<>(s0.products().keySet());
      products.addAll(s1.products().keySet());
      for (String product : products) {
        NaiveState.ProductState p0 = s0.products().get(product);
        NaiveState.ProductState p1 = s1.products().get(product);
        if (p0 == null) {
          add(c, "crossSell", p1.arr());
          continue;
        }
        if (p1 == null) {
          add(c, "productChurn", p0.arr().negate());
          continue;
        }
        BigDecimal delta = p1.arr().subtract(p0.arr());
        BigDecimal seatEffect = ZERO_MONEY;
        if (p0.seats() > 0) {
          seatEffect = BigDecimal.valueOf(p1.seats() - p0.seats()).multiply(p0.arr())
              .divide(BigDecimal.valueOf(p0.seats()), Micros.SCALE, RoundingMode.HALF_EVEN);
        }
        BigDecimal rest = delta.subtract(seatEffect);
        // §4.2: a rest under one cent beside a seat change is the unit price's rounding residue
        // and joins the seat effect, unless the sum would point the other way.
        BigDecimal joined = seatEffect.add(rest);
        if (seatEffect.signum() != 0 && rest.signum() != 0
            && rest.abs().compareTo(new BigDecimal("0.01")) < 0
            && joined.signum() != -seatEffect.signum()) {
          seatEffect = joined;
          rest = ZERO_MONEY;
        }
        if (seatEffect.signum() > 0) {
          add(c, "addOnSeats", seatEffect);
        } else if (seatEffect.signum() < 0) {
          add(c, "reductionSeats", seatEffect);
        }
        int direction;
        if (p0.tier() != null && p1.tier() != null) {
          direction = Integer.signum(p1.tier() - p0.tier());
        } else if (!Objects.equals(p0.plan(), p1.plan())) {
          direction = rest.signum();
          if (rest.signum() != 0) {
            inferred++;
          }
        } else {
          direction = 0;
        }
        if (rest.signum() > 0) {
          if (direction > 0) {
            add(c, "upsell", rest);
            if (isRamp(p0, p1)) {
              add(c, "upsellRamp", rest);
            }
          } else {
            add(c, "addOnPrice", rest); // dir < 0 or dir = 0
          }
        } else if (rest.signum() < 0) {
          add(c, direction < 0 ? "downsell" : "reductionPrice", rest);
        }
      }
    }
    BigDecimal sum = ZERO_MONEY;
    for (String name : NaiveReport.ARR_COMPONENTS) {
      if (!name.equals("upsellRamp")) {
        sum = sum.add(c.get(name));
      }
    }
    if (sum.compareTo(a1.subtract(a0)) != 0) {
      throw new IllegalStateException("components of " + customer + " sum to " + sum + ", not "
          + a1.subtract(a0));
    }
    return new NaiveMovement(customer, status, a0, a1, s0.seats(), s1.seats(), c, inferred);
  }

  /**
   * §4.2/§10 ramp label: every line of the product (billable phase of it at d0 or d1) either keeps
   * the same phase, or has its d1 phase signed on or before the start of its d0 phase; a line new
   * or ended at d1 blocks the label.
   */
  private static boolean isRamp(NaiveState.ProductState p0, NaiveState.ProductState p1) {
    Set<String> lines = new TreeSet<>(p0.lines().keySet());
    lines.addAll(p1.lines().keySet());
    for (String line : lines) {
      Phase before = p0.lines().get(line);
      Phase after = p1.lines().get(line);
      if (before == null || after == null) {
        return false;
      }
      if (before != after && after.signed().isAfter(before.start())) {
        return false;
      }
    }
    return true;
  }

  private static void add(Map<String, BigDecimal> components, String name, BigDecimal amount) {
    components.put(name, components.get(name).add(amount));
  }

  // ---------------------------------------------------------------------------------------------
  // State (§3)

  /**
   * The state a snapshot of {@code day} reads: with an opening balance month M (§2.4), a day
   * before M's first day reads M's first day; customer facts (§3.2) read {@link #state} instead.
   */
  NaiveState snapshot(String customer, LocalDate day) {
    YearMonth opening = options.openingBalance();
    LocalDate read = opening != null && day.isBefore(opening.atDay(1)) ? opening.atDay(1) : day;
    return state(customer, read);
  }

  NaiveState state(String customer, LocalDate day) {
    Map<LocalDate, NaiveState> cache = stateCache.computeIfAbsent(customer, c -> new HashMap<>());
    NaiveState cached = cache.get(day);
    if (cached == null) {
      cached = computeState(customer, day);
      cache.put(day, cached);
    }
    return cached;
  }

  private NaiveState computeState(String customer, LocalDate day) {
    Map<String, List<Phase>> byProduct = new TreeMap<>();
    for (Phase phase : book.inForce(customer, day)) {
      if (phase.billable()) {
        byProduct.computeIfAbsent(phase.product(), p -> new ArrayList<>()).add(phase);
      }
    }
    SortedMap<String, NaiveState.ProductState> products = new TreeMap<>();
    byProduct.forEach((product, phases) -> {
      BigDecimal arr = ZERO_MONEY;
      long seats = 0;
      Integer tier = null;
      Phase planPhase = null;
      Map<String, Phase> lines = new TreeMap<>();
      for (Phase phase : phases) {
        arr = arr.add(Micros.toDecimal(phase.arrMicros()));
        seats += phase.seats();
        Integer phaseTier = tierOf(phase);
        if (phaseTier != null && (tier == null || phaseTier > tier)) {
          tier = phaseTier;
        }
        if (planPhase == null || ranksAbove(phase, planPhase)) {
          planPhase = phase;
        }
        if (lines.put(phase.lineId(), phase) != null) {
          throw new IllegalStateException("two phases in force on line " + phase.lineId());
        }
      }
      products.put(product, new NaiveState.ProductState(product, arr, seats, tier,
          planPhase.plan(), lines));
    });
    return new NaiveState(day, products);
  }

  /** §10 plan_p ranking: higher known tier (unknown lowest), then higher ARR, then smaller line id. */
  private boolean ranksAbove(Phase a, Phase b) {
    Integer ta = tierOf(a);
    Integer tb = tierOf(b);
    if (!Objects.equals(ta, tb)) {
      if (ta == null) {
        return false;
      }
      if (tb == null) {
        return true;
      }
      return ta > tb;
    }
    if (a.arrMicros() != b.arrMicros()) {
      return a.arrMicros() > b.arrMicros();
    }
    return a.lineId().compareTo(b.lineId()) < 0;
  }

  /** The row's tier, else the plans.csv tier of (product, plan), else {@code null}. */
  private Integer tierOf(Phase phase) {
    if (phase.tier() != null) {
      return phase.tier();
    }
    OptionalInt listed = dataset.plans().tier(phase.product(), phase.plan());
    return listed.isPresent() ? listed.getAsInt() : null;
  }

  /** Top tier: highest rank in plans.csv, else the highest tier on any row of the product. */
  private OptionalInt topTier(String product) {
    OptionalInt listed = dataset.plans().topTier(product);
    if (listed.isPresent()) {
      return listed;
    }
    Integer max = null;
    for (Phase phase : dataset.phases()) {
      if (phase.product().equals(product) && phase.tier() != null
          && (max == null || phase.tier() > max)) {
        max = phase.tier();
      }
    }
    return max == null ? OptionalInt.empty() : OptionalInt.of(max);
  }

  /** §3.2: the earliest day the customer is active, checked on every day its state can change. */
  Optional<LocalDate> firstActiveDate(String customer) {
    return firstActiveCache.computeIfAbsent(customer, c -> {
      for (LocalDate day : book.changeDays(c)) {
        if (state(c, day).active()) {
          return Optional.of(day);
        }
      }
      return Optional.empty();
    });
  }

  /** §3.2 tenure in whole months from {@code first} to {@code day}. */
  static int tenureMonths(LocalDate first, LocalDate day) {
    return 12 * (day.getYear() - first.getYear()) + (day.getMonthValue() - first.getMonthValue())
        - (day.getDayOfMonth() < first.getDayOfMonth() ? 1 : 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Segments (§6.1)

  private void requireKnownDimension(String dimension) {
    if (!BUILT_IN_DIMENSIONS.contains(dimension) && !dataset.customers().hasAttribute(dimension)) {
      throw new IllegalArgumentException("unknown segment dimension: " + dimension);
    }
  }

  /**
   * The customer's value of a dimension for a period: at P.start (from S0) when active at d0, else
   * at d1 (from S1).
   */
  String segmentValue(String dimension, String customer, Period period) {
    NaiveState s0 = snapshot(customer, period.openingDay());
    boolean atStart = s0.active();
    LocalDate day = atStart ? period.start() : period.closingDay();
    NaiveState snapshot = atStart ? s0 : snapshot(customer, period.closingDay());
    Optional<LocalDate> first = firstActiveDate(customer);
    switch (dimension) {
      case "tenure":
        if (first.isEmpty() || first.get().isAfter(day)) {
          return UNKNOWN;
        }
        return tenureBucket(tenureMonths(first.get(), day));
      case "initial_arr":
        return first.isEmpty() ? UNKNOWN : initialArrBucket(state(customer, first.get()).arr());
      case "health": {
        OptionalDouble score = dataset.health().scoreAt(customer, day);
        if (score.isEmpty()) {
          return UNKNOWN;
        }
        return score.getAsDouble() >= 80 ? "High" : score.getAsDouble() >= 60 ? "Medium" : "Low";
      }
      case "plan": {
        NaiveState.ProductState best = null;
        for (NaiveState.ProductState product : snapshot.products().values()) { // by product name
          if (best == null || product.arr().compareTo(best.arr()) > 0) {
            best = product;
          }
        }
        return best == null || best.plan() == null ? UNKNOWN : best.plan();
      }
      case "cohort":
        return first.isEmpty() ? UNKNOWN : YearMonth.from(first.get()).toString();
      default:
        return dataset.customers().value(customer, dimension).orElse(UNKNOWN);
    }
  }

  /** Edges [6, 12, 24] → {@code 0-6}, {@code 7-12}, {@code 13-24}, {@code 25+}. */
  private String tenureBucket(int tenure) {
    List<Integer> edges = options.tenureEdges();
    int lower = 0;
    for (int edge : edges) {
      if (tenure <= edge) {
        return lower + "-" + edge;
      }
      lower = edge + 1;
    }
    return lower + "+";
  }

  /**
   * Edges [e1, …, ek] → {@code <e1}, {@code e1-e2} = [e1, e2], {@code e2-e3} = (e2, e3], …,
   * {@code >ek}; with a single edge {@code <e1} and {@code >=e1}.
   */
  private String initialArrBucket(BigDecimal initial) {
    List<BigDecimal> edges = options.initialArrEdges();
    if (initial.compareTo(edges.get(0)) < 0) {
      return "<" + edgeLabel(edges.get(0));
    }
    if (edges.size() == 1) {
      return ">=" + edgeLabel(edges.get(0));
    }
    for (int i = 1; i < edges.size(); i++) {
      if (initial.compareTo(edges.get(i)) <= 0) {
        return edgeLabel(edges.get(i - 1)) + "-" + edgeLabel(edges.get(i));
      }
    }
    return ">" + edgeLabel(edges.get(edges.size() - 1));
  }

  /** 10000 → {@code 10K}, 1500000 → {@code 1.5M}; K/M only for whole amounts of at least 1,000. */
  static String edgeLabel(BigDecimal edge) {
    BigDecimal plain = edge.stripTrailingZeros();
    boolean whole = plain.scale() <= 0;
    if (whole && plain.compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
      return plain.movePointLeft(6).stripTrailingZeros().toPlainString() + "M";
    }
    if (whole && plain.compareTo(BigDecimal.valueOf(1_000)) >= 0) {
      return plain.movePointLeft(3).stripTrailingZeros().toPlainString() + "K";
    }
    return plain.toPlainString();
  }

  // ---------------------------------------------------------------------------------------------
  // Ledger and small helpers

  private NaiveReport.LedgerRow ledgerRow(Period period, NaiveMovement m) {
    boolean eligible = rateEligible(m.customerId(), period);
    BigDecimal upsoldArr = eligible ? rateUpsoldArr(m.customerId(), period) : null;
    return new NaiveReport.LedgerRow(period.label(), m.customerId(), m.status(), m.a0(), m.a1(),
        m.components(), m.u0(), m.u1(), m.upsellUser(), eligible, upsoldArr != null,
        upsoldArr == null ? ZERO_MONEY : upsoldArr);
  }

  private static BigDecimal count(long n) {
    return BigDecimal.valueOf(n);
  }

  /** {@code numerator · factor / denominator}, or {@code null} when the denominator is 0. */
  private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator, BigDecimal factor) {
    if (denominator.signum() == 0) {
      return null;
    }
    return numerator.multiply(factor).divide(denominator, QUOTIENT_SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code (now − before) / before · 100}, or {@code null} when {@code before} is 0. */
  private static BigDecimal growth(BigDecimal now, BigDecimal before) {
    return ratio(now.subtract(before), before, HUNDRED);
  }

  private static void check(boolean condition, String what, Period period) {
    if (!condition) {
      throw new IllegalStateException(what + " in " + period.label());
    }
  }
}
