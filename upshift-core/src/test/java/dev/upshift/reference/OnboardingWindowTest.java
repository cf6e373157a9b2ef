package dev.upshift.reference;

import static dev.upshift.reference.SpecCases.PLATFORM;
import static dev.upshift.reference.SpecCases.assertValue;
import static dev.upshift.reference.SpecCases.ledger;
import static dev.upshift.reference.SpecCases.monthly;
import static dev.upshift.reference.SpecCases.report;
import static dev.upshift.reference.SpecCases.reportWithPlans;
import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.explain.WindowExplanation;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.Target;
import dev.upshift.metric.RateWindow;
import dev.upshift.metric.UpsellMember;
import dev.upshift.movement.Component;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.testing.PhaseBuilder;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Upsell Rate over each customer's first N days (§5.5 window, {@code --rate-window
 * onboarding:N}), hand-computed. Every report runs both engines ({@link EngineAgreement}).
 *
 * <p>Most customers land on 2026-01-10 (f); with N = 90 their window ends on e = 2026-04-10
 * (21 days to January 31, 28 in February, 31 in March, 10 in April), so they count in April.
 */
class OnboardingWindowTest {
  private static final RateWindow NINETY_DAYS = RateWindow.onboarding(90);

  /** The period's eligible and upsold customers and their upsold ARR. */
  private static void assertRate(NaiveReport report, String period, int eligible, int upsold,
      String upsoldArr) {
    assertValue(report, period, "upsellRate.eligible", Integer.toString(eligible));
    assertValue(report, period, "upsellRate.upsold", Integer.toString(upsold));
    assertValue(report, period, "upsellRate.upsoldArr", upsoldArr);
  }

  private static ReportOptions.Builder window(String from, String to) {
    return monthly(from, to).rateWindow(NINETY_DAYS);
  }

  /** 10 seats for 10,000 from 2026-01-10, then 15 seats for 15,000 from {@code expansion}. */
  private static PhaseBuilder[] addsFiveSeatsOn(String customer, String expansion) {
    return new PhaseBuilder[] {
        phase(customer).seats(10).arr(10_000).from("2026-01-10").until(expansion),
        phase(customer).seats(15).arr(15_000).from(expansion)};
  }

  private static PhaseBuilder[] concat(PhaseBuilder[]... parts) {
    return java.util.Arrays.stream(parts).flatMap(java.util.Arrays::stream)
        .toArray(PhaseBuilder[]::new);
  }

  /** Day N − 1, day N and day N + 1 after f: 2026-04-09, 2026-04-10, 2026-04-11. */
  private static final PhaseBuilder[] AROUND_DAY_N = concat(
      addsFiveSeatsOn("A", "2026-04-09"),
      addsFiveSeatsOn("B", "2026-04-10"),
      addsFiveSeatsOn("C", "2026-04-11"));

  @Test
  void anExpansionOnDayNCountsAndOneOnDayNPlusOneDoesNot() {
    NaiveReport report = report(window("2026-01", "2026-04"), AROUND_DAY_N);

    // All three windows end on 2026-04-10: April counts them, no other month does.
    for (String month : List.of("2026-01", "2026-02", "2026-03")) {
      assertValue(report, month, "upsellRate.eligible", "0");
    }
    assertRate(report, "2026-04", 3, 2, "10000");
    assertValue(report, "2026-04", "upsellRate.rate", "66.66666666666666666667");
    assertValue(report, "2026-04", "upsellRate.avgUpsoldArr", "5000");
    assertThat(ledger(report, "2026-04", "A").upsold()).isTrue();
    assertThat(ledger(report, "2026-04", "B").upsold()).isTrue();
    NaiveReport.LedgerRow c = ledger(report, "2026-04", "C");
    assertThat(c.eligible()).isTrue();
    assertThat(c.upsold()).isFalse();
    // The bridge is untouched by the window: C's seats are April's add-on seats all the same.
    assertValue(report, "2026-04", "arr.addOnSeats", "15000");
    assertValue(report, "2026-04", "upsellUsers", "3");
  }

  @Test
  void quarterToDateFiguresAreNull() {
    NaiveReport report = report(window("2026-04", "2026-04"), AROUND_DAY_N);

    assertThat(report.value("2026-04", "upsellRate.qtdEligible")).isNull();
    assertThat(report.value("2026-04", "upsellRate.qtdUpsold")).isNull();
    assertThat(report.value("2026-04", "upsellRate.qtdRate")).isNull();
  }

  @Test
  void aCustomerThatChurnsInsideItsWindowIsEligibleAndNotUpsold() {
    NaiveReport report = report(window("2026-01", "2026-04"),
        phase("D").seats(10).arr(10_000).from("2026-01-10").until("2026-02-15"));

    assertValue(report, "2026-02", "arr.churn", "-10000");
    assertValue(report, "2026-02", "upsellRate.eligible", "0");
    assertRate(report, "2026-04", 1, 0, "0");
    assertValue(report, "2026-04", "upsellRate.rate", "0");
    assertValue(report, "2026-04", "logos.starting", "0");
    // Counted eligible in April with no ARR at either end: a ledger row with an empty status.
    NaiveReport.LedgerRow d = ledger(report, "2026-04", "D");
    assertThat(d.status()).isNull();
    assertThat(d.arrStart()).isEqualByComparingTo("0");
    assertThat(d.arrEnd()).isEqualByComparingTo("0");
    assertThat(d.eligible()).isTrue();
    assertThat(d.upsold()).isFalse();
  }

  @Test
  void aCustomerBackOnAHigherTierByTheWindowsEndIsMeasuredNet() {
    // Churned on 2026-02-01, back on 2026-03-01 at Premium: Standard 10,000 at f, Premium 15,000
    // at e. The window is measured net (§5.5), so this is an upsell of 5,000.
    NaiveReport report = reportWithPlans(window("2026-02", "2026-04"),
        phase("E").product("platform").plan("Standard").arr(10_000).from("2026-01-10")
            .until("2026-02-01"),
        phase("E").product("platform").plan("Premium").arr(15_000).from("2026-03-01"));

    assertValue(report, "2026-03", "arr.reactivation", "15000");
    assertValue(report, "2026-04", "upsellRate.upsold", "1");
    assertValue(report, "2026-04", "upsellRate.upsoldArr", "5000");
  }

  @Test
  void aWindowCrossingAQuarterCountsInTheQuarterOfItsEnd() {
    // f = 2026-02-15; e = 2026-05-16 (13 days to February 28, 31 in March, 30 in April, 16 in May).
    // The seats are added on 2026-03-20, in Q1.
    PhaseBuilder[] rows = {
        phase("Q").seats(10).arr(10_000).from("2026-02-15").until("2026-03-20"),
        phase("Q").seats(12).arr(12_000).from("2026-03-20")};

    NaiveReport quarters = report(ReportOptions.builder().grain(Grain.QUARTER)
        .from(YearMonth.parse("2026-01")).to(YearMonth.parse("2026-06")).rateWindow(NINETY_DAYS),
        rows);
    NaiveReport months = report(window("2026-03", "2026-06"), rows);

    // Q1's bridge sees a new logo of 12,000; only the window sees the two seats as an expansion.
    assertValue(quarters, "2026-Q1", "arr.newLogo", "12000");
    assertValue(quarters, "2026-Q1", "upsellRate.eligible", "0");
    assertRate(quarters, "2026-Q2", 1, 1, "2000");
    assertValue(quarters, "2026-Q2", "arr.addOnSeats", "0");
    assertValue(months, "2026-04", "upsellRate.eligible", "0");
    assertRate(months, "2026-05", 1, 1, "2000");
    assertValue(months, "2026-06", "upsellRate.eligible", "0");
  }

  @Test
  void inTheContractedBookTheWindowStartsOnTheSigningDay() {
    // Signed 2026-01-05 to start 2026-02-01; 20 seats signed 2026-03-20, effective 2026-05-10.
    PhaseBuilder[] rows = {
        phase("F").seats(10).arr(10_000).from("2026-02-01").signed("2026-01-05"),
        phase("F").seats(20).arr(20_000).from("2026-05-10").signed("2026-03-20")};

    // Contracted: f = 2026-01-05, e = 2026-04-05, when the 20 seats are already signed.
    NaiveReport contracted = report(window("2026-01", "2026-05").book(Book.CONTRACTED), rows);
    // Live: f = 2026-02-01, e = 2026-05-02, before the 20 seats take effect.
    NaiveReport live = report(window("2026-01", "2026-05"), rows);

    assertValue(contracted, "2026-01", "arr.newLogo", "10000");
    assertRate(contracted, "2026-04", 1, 1, "10000");
    assertValue(contracted, "2026-05", "upsellRate.eligible", "0");
    assertValue(live, "2026-04", "upsellRate.eligible", "0");
    assertRate(live, "2026-05", 1, 0, "0");
  }

  @Test
  void excludeTopTierLooksAtTheFirstActiveDateAndMinimumTenureDoesNotApply() {
    NaiveReport report = reportWithPlans(window("2026-04", "2026-04").excludeTopTier(true)
            .minTenureMonths(6),
        // G lands at the top tier: no upgrade path, not eligible, whatever seats it adds.
        phase("G").product("platform").plan("Enterprise").seats(10).arr(10_000)
            .from("2026-01-10").until("2026-02-10"),
        phase("G").product("platform").plan("Enterprise").seats(15).arr(15_000).from("2026-02-10"),
        // I lands at Standard and reaches the top in February: eligible (at f it had a path, even
        // though it is at the top at April's opening) and upsold, three months old.
        phase("I").product("platform").plan("Standard").arr(10_000).from("2026-01-10")
            .until("2026-02-10"),
        phase("I").product("platform").plan("Enterprise").arr(20_000).from("2026-02-10"),
        // An unknown tier is never at the top.
        phase("U").product("platform").plan("Custom").arr(5_000).from("2026-01-10"));

    assertRate(report, "2026-04", 2, 1, "10000");
    assertThat(report.ledger()).filteredOn(row -> row.customerId().equals("G"))
        .allSatisfy(row -> assertThat(row.eligible()).isFalse());
  }

  /** K adds 5 seats for 5,000; L adds 4 seats and a little price, 4,999.99 in all. */
  private static final PhaseBuilder[] THRESHOLD_ROWS = {
      phase("K").plan("Team").seats(10).arr(10_000).from("2026-01-10").until("2026-02-10"),
      phase("K").plan("Team").seats(15).arr(15_000).from("2026-02-10"),
      phase("L").plan("Team").seats(10).arr(10_000).from("2026-01-10").until("2026-02-10"),
      phase("L").plan("Team").seats(14).arr("14999.99").from("2026-02-10")};

  @Test
  void theThresholdIsInclusiveAndCountsTheWindowsQualifyingArr() {
    NaiveReport report = report(window("2026-04", "2026-04")
        .minExpansionArr(BigDecimal.valueOf(5_000)), THRESHOLD_ROWS);

    assertRate(report, "2026-04", 2, 1, "5000");
    assertThat(ledger(report, "2026-04", "L").upsold()).isFalse();
  }

  @Test
  void theUpsellDefinitionAppliesToTheWindowsMovement() {
    NaiveReport tierOnly = report(window("2026-04", "2026-04")
        .upsellDefinition(Set.of(UpsellMember.TIER)), THRESHOLD_ROWS);
    NaiveReport fiveSeats = report(window("2026-04", "2026-04")
        .upsellDefinition(Set.of(UpsellMember.SEATS)).minExpansionArr(BigDecimal.valueOf(5)),
        THRESHOLD_ROWS);

    assertRate(tierOnly, "2026-04", 2, 0, "0");
    // Seats alone: the threshold is in seats; K's +5 qualifies with its add-on seats ARR.
    assertValue(fiveSeats, "2026-04", "upsellRate.upsold", "1");
    assertValue(fiveSeats, "2026-04", "upsellRate.upsoldArr", "5000");
  }

  private static Dataset channels(PhaseBuilder... rows) {
    return Dataset.builder().addAll(phases(rows)).plans(PLATFORM)
        .customers(CustomerAttributes.of(List.of("channel"), Map.of(
            "N1", Map.of("channel", "sales"), "N2", Map.of("channel", "self_serve"),
            "D", Map.of("channel", "sales"))))
        .build();
  }

  private static final PhaseBuilder[] SEGMENT_ROWS = {
      // N1 upgrades in February; N2 stays; D churns inside its window.
      phase("N1").product("platform").plan("Standard").arr(10_000).from("2026-01-10")
          .until("2026-02-10"),
      phase("N1").product("platform").plan("Premium").arr(15_000).from("2026-02-10"),
      phase("N2").product("platform").plan("Standard").arr(10_000).from("2026-01-10"),
      phase("D").product("platform").plan("Standard").arr(10_000).from("2026-01-10")
          .until("2026-02-15")};

  @Test
  void aSegmentFilterKeepsTheCustomersOfItsSegmentInThePeriodOfTheWindowsEnd() {
    NaiveReport report = EngineAgreement.computeBoth(channels(SEGMENT_ROWS),
        window("2026-04", "2026-04").where(new SegmentFilter("channel", "sales")).build());

    assertRate(report, "2026-04", 2, 1, "5000");
  }

  @Test
  void segmentValuesAreThoseOfThePeriod() {
    NaiveReport report = EngineAgreement.computeBoth(channels(SEGMENT_ROWS),
        window("2026-04", "2026-04").by(List.of("plan")).build());

    // N1 is cut by its plan at April's opening (Premium), not at f (Standard); D, not active in
    // April, by its plan at April's end: none, Unknown, a value that only its eligibility shows.
    assertThat(report.segmentValues("plan")).containsExactly("Premium", "Standard", "Unknown");
    assertThat(report.segmentValue("plan", "Premium", "2026-04", "upsellRate.upsold"))
        .isEqualByComparingTo("1");
    assertThat(report.segmentValue("plan", "Standard", "2026-04", "upsellRate.eligible"))
        .isEqualByComparingTo("1");
    assertThat(report.segmentValue("plan", "Standard", "2026-04", "upsellRate.upsold"))
        .isEqualByComparingTo("0");
    assertThat(report.segmentValue("plan", "Unknown", "2026-04", "upsellRate.eligible"))
        .isEqualByComparingTo("1");
    assertThat(report.segmentValue("plan", "Unknown", "2026-04", "arr.ending"))
        .isEqualByComparingTo("0");
  }

  @Test
  void statusComparesTheRateOnEveryRowAndIsBelowOrAchieved() {
    Dataset dataset = Dataset.builder().addAll(phases(AROUND_DAY_N))
        .targets(List.of(new Target("upsellRate", "2026-04", new BigDecimal("60"), null),
            new Target("upsellRate", "2026-05", new BigDecimal("70"), null),
            new Target("upsellRate", "2026-06", new BigDecimal("10"), null)))
        .build();
    Report report = Upshift.report(dataset, window("2026-04", "2026-06").build());

    // April opens its quarter: measured per period it could only be "On Track"; its rate of
    // 66.67% meets 60%. May and June count no one: no rate, no status.
    assertThat(report.periods()).extracting(p -> p.upsellRate().status())
        .containsExactly("Achieved", null, null);
    Report missed = Upshift.report(dataset.toBuilder()
        .targets(List.of(new Target("upsellRate", "2026-04", new BigDecimal("70"), null)))
        .build(), window("2026-04", "2026-04").build());
    assertThat(missed.periods().get(0).upsellRate().status()).isEqualTo("Below");
    assertThat(missed.periods().get(0).upsellRate().qtdRate()).isNull();
    assertThat(missed.config().rateWindow()).isEqualTo(NINETY_DAYS);
    assertThat(missed.config().upsellRateTitle()).isEqualTo("Upsell Rate, first 90 days");
  }

  @Test
  void explainShowsTheWindowItsMovementAndWhetherItQualified() {
    Dataset dataset = Dataset.of(phases(AROUND_DAY_N));

    CustomerExplanation b = Upshift.explain(dataset, window("2026-01", "2026-06").build(), "B");
    CustomerExplanation c = Upshift.explain(dataset, window("2026-01", "2026-03").build(), "C");

    WindowExplanation w = b.window();
    assertThat(w.window()).isEqualTo(NINETY_DAYS);
    assertThat(w.start()).isEqualTo(LocalDate.parse("2026-01-10"));
    assertThat(w.end()).isEqualTo(LocalDate.parse("2026-04-10"));
    assertThat(w.countedIn().label()).isEqualTo("2026-04");
    assertThat(w.movement().component(Component.ADD_ON_SEATS)).isEqualTo(5_000_000_000L);
    assertThat(w.eligible()).isTrue();
    assertThat(w.upsold()).isTrue();
    assertThat(w.upsoldArrMicros()).isEqualTo(5_000_000_000L);
    assertThat(w.changes()).hasSize(1);
    assertThat(b.periods()).filteredOn(p -> p.row().eligible())
        .extracting(p -> p.period().label()).containsExactly("2026-04");
    // C's seats came a day late; its window ends after a report that stops in March.
    assertThat(c.window().upsold()).isFalse();
    assertThat(c.window().movement().arr1()).isEqualTo(c.window().movement().arr0());
    assertThat(c.window().countedIn()).isNull();
    assertThat(Upshift.explain(dataset, monthly("2026-01", "2026-06").build(), "B").window())
        .isNull();
  }

  @Test
  void theWindowCannotBeCombinedWithTheAnalysis() {
    Dataset dataset = Dataset.of(phases(AROUND_DAY_N));

    assertThatThrownBy(() -> Upshift.analyze(dataset, window("2026-01", "2026-04").build(),
        AnalysisOptions.defaults(), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rate-window cannot be combined with --analysis");
    assertThatThrownBy(() -> window("2026-01", "2026-04").analysis(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rate-window");
  }
}
