package dev.upshift.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.metric.RateCounting;
import dev.upshift.metric.RateWindow;
import dev.upshift.metric.UpsellMember;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What to compute: range, grain, book, segments and the Upsell Rate configuration (§5.5, §7.1).
 * Immutable; build with {@link #builder()}, whose defaults are those of SPEC.
 *
 * @param from first month reported, or {@code null} for the month of the earliest start date
 * @param to last month reported, or {@code null} for the month of the latest start or end date
 * @param grain period length
 * @param fiscalYearStart month (1–12) in which quarters and years start
 * @param book live or contracted
 * @param by dimensions to cut the report by (each separately), lower-cased
 * @param where the one segment the whole report is filtered to, or {@code null}
 * @param upsellDefinition what counts as upsold
 * @param rateCounting how multi-month periods decide upsold
 * @param minTenureMonths eligibility: whole months since first active, at the period start
 * @param excludeTopTier eligibility: drop customers with no upgrade path
 * @param minExpansionArr qualifying ARR threshold (seats when the definition is {@code seats} alone)
 * @param tenureEdges upper bounds (inclusive, in months) of the tenure buckets but the last
 * @param initialArrEdges bounds of the initial-ARR buckets, ascending (see {@code Dimension})
 * @param analysis whether to add the analysis sections of §6.2–§6.6
 * @param rateWindow the window the Upsell Rate is measured over instead of each period ({@code
 *     --rate-window onboarding:N}), or {@code null}; not with {@code analysis}, whose cohorts,
 *     forecast and initiatives pool the per-period rate
 * @param openingBalance the month the data starts with an opening balance (§2.4, {@code
 *     --opening-balance}): every snapshot of a day before its first day is the snapshot of that
 *     day; {@code null} when the data's first period shows the existing book as it arrives
 */
public record ReportOptions(
    YearMonth from,
    YearMonth to,
    Grain grain,
    int fiscalYearStart,
    Book book,
    List<String> by,
    SegmentFilter where,
    Set<UpsellMember> upsellDefinition,
    RateCounting rateCounting,
    int minTenureMonths,
    boolean excludeTopTier,
    BigDecimal minExpansionArr,
    List<Integer> tenureEdges,
    List<BigDecimal> initialArrEdges,
    boolean analysis,
    RateWindow rateWindow,
    YearMonth openingBalance) implements java.io.Serializable {

  public ReportOptions {
    requireNonNull(grain, "grain is null");
    requireNonNull(book, "book is null");
    by = List.copyOf(requireNonNull(by, "by is null")).stream()
        .map(d -> d.trim().toLowerCase(java.util.Locale.ROOT)).toList();
    requireNonNull(upsellDefinition, "upsellDefinition is null");
    if (upsellDefinition.isEmpty()) {
      throw new IllegalArgumentException("the upsell definition needs at least one member");
    }
    upsellDefinition = Set.copyOf(EnumSet.copyOf(upsellDefinition));
    requireNonNull(rateCounting, "rateCounting is null");
    requireNonNull(minExpansionArr, "minExpansionArr is null");
    requireNonNull(tenureEdges, "tenureEdges is null");
    requireNonNull(initialArrEdges, "initialArrEdges is null");
    if (fiscalYearStart < 1 || fiscalYearStart > 12) {
      throw new IllegalArgumentException("fiscal year start must be 1-12: " + fiscalYearStart);
    }
    if (minTenureMonths < 0) {
      throw new IllegalArgumentException("min tenure months < 0: " + minTenureMonths);
    }
    if (minExpansionArr.signum() < 0) {
      throw new IllegalArgumentException("min expansion ARR < 0: " + minExpansionArr);
    }
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("--to " + to + " is before --from " + from);
    }
    tenureEdges = List.copyOf(tenureEdges);
    initialArrEdges = List.copyOf(initialArrEdges);
    requireAscending(tenureEdges, "tenure bucket edges");
    requireAscending(initialArrEdges, "initial ARR bucket edges");
    if (analysis && rateWindow != null) {
      throw new IllegalArgumentException(WINDOW_WITH_ANALYSIS);
    }
    if (openingBalance != null) {
      requireOpeningBalance(openingBalance, from, grain, fiscalYearStart);
    }
  }

  /**
   * §2.4: {@code --from} may not be earlier than the opening balance month, and with quarter or
   * year grain that month must start a period (else the period holding it would mix months with
   * and without movements).
   */
  private static void requireOpeningBalance(YearMonth opening, YearMonth from, Grain grain,
      int fiscalYearStart) {
    if (from != null && from.isBefore(opening)) {
      throw new IllegalArgumentException("--from " + from + " is before --opening-balance "
          + opening + ": there are no movements before the opening balance");
    }
    int offset = Math.floorMod(opening.getMonthValue() - fiscalYearStart, 12);
    boolean starts = switch (grain) {
      case MONTH -> true;
      case QUARTER -> offset % 3 == 0;
      case YEAR -> offset == 0;
    };
    if (!starts) {
      throw new IllegalArgumentException("--opening-balance " + opening + " is not the first month"
          + " of a " + grain.name().toLowerCase(java.util.Locale.ROOT) + " (fiscal year start "
          + fiscalYearStart + ")");
    }
  }

  /** The first day of the opening balance month as an epoch day, or MIN_VALUE without one. */
  public int openingDay() {
    return openingBalance == null ? Integer.MIN_VALUE
        : Math.toIntExact(openingBalance.atDay(1).toEpochDay());
  }

  /** Why a rate window and the analysis do not go together. */
  public static final String WINDOW_WITH_ANALYSIS = "--rate-window cannot be combined with "
      + "--analysis: cohorts, forecast, health correlation and initiatives pool the Upsell Rate "
      + "of each period, not of each customer's onboarding window";

  private static <T extends Comparable<T>> void requireAscending(List<T> edges, String what) {
    if (edges.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    for (int i = 1; i < edges.size(); i++) {
      if (edges.get(i).compareTo(edges.get(i - 1)) <= 0) {
        throw new IllegalArgumentException(what + " must be strictly ascending: " + edges);
      }
    }
  }

  /** Whether the upsell definition is {@code seats} alone, making the threshold a seat count. */
  public boolean seatsOnlyDefinition() {
    return upsellDefinition.equals(Set.of(UpsellMember.SEATS));
  }

  /** The SPEC defaults. */
  public static ReportOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().from(from).to(to).grain(grain).fiscalYearStart(fiscalYearStart).book(book)
        .by(by).where(where).upsellDefinition(upsellDefinition).rateCounting(rateCounting)
        .minTenureMonths(minTenureMonths).excludeTopTier(excludeTopTier)
        .minExpansionArr(minExpansionArr).tenureEdges(tenureEdges).initialArrEdges(initialArrEdges)
        .analysis(analysis).rateWindow(rateWindow).openingBalance(openingBalance);
  }

  /** Builder with SPEC defaults. */
  public static final class Builder {
    private YearMonth from;
    private YearMonth to;
    private Grain grain = Grain.MONTH;
    private int fiscalYearStart = 1;
    private Book book = Book.LIVE;
    private List<String> by = List.of();
    private SegmentFilter where;
    private Set<UpsellMember> upsellDefinition = EnumSet.allOf(UpsellMember.class);
    private RateCounting rateCounting = RateCounting.ANY;
    private int minTenureMonths;
    private boolean excludeTopTier;
    private BigDecimal minExpansionArr = BigDecimal.ZERO;
    private List<Integer> tenureEdges = List.of(6, 12, 24);
    private List<BigDecimal> initialArrEdges = List.of(BigDecimal.valueOf(10_000), BigDecimal.valueOf(50_000));
    private boolean analysis;
    private RateWindow rateWindow;
    private YearMonth openingBalance;

    private Builder() {}

    public Builder from(YearMonth value) { from = value; return this; }
    public Builder to(YearMonth value) { to = value; return this; }
    public Builder grain(Grain value) { grain = value; return this; }
    public Builder fiscalYearStart(int value) { fiscalYearStart = value; return this; }
    public Builder book(Book value) { book = value; return this; }
    public Builder by(List<String> value) { by = value; return this; }
    public Builder where(SegmentFilter value) { where = value; return this; }
    public Builder upsellDefinition(Set<UpsellMember> value) { upsellDefinition = value; return this; }
    public Builder rateCounting(RateCounting value) { rateCounting = value; return this; }
    public Builder minTenureMonths(int value) { minTenureMonths = value; return this; }
    public Builder excludeTopTier(boolean value) { excludeTopTier = value; return this; }
    public Builder minExpansionArr(BigDecimal value) { minExpansionArr = value; return this; }
    public Builder tenureEdges(List<Integer> value) { tenureEdges = value; return this; }
    public Builder initialArrEdges(List<BigDecimal> value) { initialArrEdges = value; return this; }
    public Builder analysis(boolean value) { analysis = value; return this; }
    public Builder rateWindow(RateWindow value) { rateWindow = value; return this; }
    public Builder openingBalance(YearMonth value) { openingBalance = value; return this; }

    public ReportOptions build() {
      return new ReportOptions(from, to, grain, fiscalYearStart, book, by, where, upsellDefinition,
          rateCounting, minTenureMonths, excludeTopTier, minExpansionArr, tenureEdges,
          initialArrEdges, analysis, rateWindow, openingBalance);
    }
  }
}
