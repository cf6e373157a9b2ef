package dev.upshift.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.Upshift;
import dev.upshift.input.Dataset;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The analyses on a dataset small enough to compute by hand. Monthly report 2025-01 to 2025-06:
 *
 * <pre>
 * A  from 2024-11-01 10 seats 12,000; 2025-02-15 12 seats 14,400 (add-on seats, Upsell User);
 *    2025-05-10 Pro (tier 2) 20,000 (upsell). Health 85 (High), channel sales.
 * B  from 2024-12-01 5 seats 6,000; ends 2025-04-01 (churn in April). Health 50 (Low), self.
 * C  from 2025-01-10 20 seats 30,000; 2025-03-01 25 seats 37,500 (add-on seats). Health 70 from
 *    2025-01-15 (Medium), sales.
 * D  from 2025-02-01 3 seats 3,600. No health score, self.
 *
 * eligible / upsold by month: Jan 2/0, Feb 3/1 (A), Mar 4/1 (C), Apr 4/0, May 3/1 (A), Jun 3/0
 * </pre>
 */
class AnalyzerTest {
  static final ReportOptions SIX_MONTHS = Fixtures.SIX_MONTHS;

  static TestData smallCompany() {
    return Fixtures.smallCompany();
  }

  static Analysis analysisOf(Dataset dataset, ReportOptions options, AnalysisOptions settings) {
    return Upshift.analyze(dataset, options, settings, null).analysis();
  }

  static BigDecimal d(String value) {
    return new BigDecimal(value);
  }

  @Test
  void cohorts_areByFirstActiveMonthAndAgeInMonths() {
    Cohorts cohorts = analysisOf(smallCompany().dataset(), SIX_MONTHS,
        AnalysisOptions.defaults().withCohortGrain(Grain.MONTH)).cohorts();

    assertThat(cohorts.cohortGrain()).isEqualTo(Grain.MONTH);
    assertThat(cohorts.cohorts()).extracting(Cohorts.Cohort::label)
        .containsExactly("2024-11", "2024-12", "2025-01", "2025-02");
    assertThat(cohorts.cohorts()).extracting(Cohorts.Cohort::customers).containsOnly(1L);

    Cohorts.Cohort a = cohorts.cohorts().get(0);
    assertThat(a.cells()).extracting(Cohorts.Cell::age).containsExactly(2, 3, 4, 5, 6, 7);
    Cohorts.Cell february = a.cells().get(1);
    assertThat(february.period()).isEqualTo("2025-02");
    assertThat(february.eligible()).isEqualTo(1);
    assertThat(february.upsold()).isEqualTo(1);
    assertThat(february.rate()).isEqualByComparingTo("100");
    assertThat(february.arrStarting()).isEqualByComparingTo("12000");
    assertThat(february.arrEnding()).isEqualByComparingTo("14400");
    assertThat(february.nrr()).isEqualByComparingTo("120.00");
    assertThat(a.cells().get(4).nrr()).isEqualByComparingTo("138.89"); // May: 20,000 / 14,400

    Cohorts.Cohort b = cohorts.cohorts().get(1);
    Cohorts.Cell churned = b.cells().get(b.cells().size() - 1);
    assertThat(churned.period()).isEqualTo("2025-04");
    assertThat(churned.age()).isEqualTo(4);
    assertThat(churned.nrr()).isEqualByComparingTo("0.00");
    assertThat(churned.rate()).isEqualByComparingTo("0.00");

    // C starts in January: no member is active at the start of its own month, so no age-0 cell.
    Cohorts.Cohort c = cohorts.cohorts().get(2);
    assertThat(c.cells()).extracting(Cohorts.Cell::age).containsExactly(1, 2, 3, 4, 5);
    assertThat(c.cells().get(1).nrr()).isEqualByComparingTo("125.00");
    assertThat(cohorts.maxAge()).isEqualTo(7);
  }

  @Test
  void cohorts_byQuarter_groupMonthsOfOneQuarter_andAreTheDefault() {
    Cohorts cohorts = analysisOf(smallCompany().dataset(), SIX_MONTHS, null).cohorts();

    assertThat(cohorts.cohortGrain()).isEqualTo(Grain.QUARTER);
    assertThat(cohorts.cohorts()).extracting(Cohorts.Cohort::label)
        .containsExactly("2024-Q4", "2025-Q1");
    Cohorts.Cohort q1 = cohorts.cohorts().get(1); // C (January) and D (February)
    assertThat(q1.customers()).isEqualTo(2);
    // Ages are in report periods (months) from the cohort's first month, January.
    assertThat(q1.cells()).extracting(Cohorts.Cell::age).containsExactly(1, 2, 3, 4, 5);
    assertThat(q1.cells().get(1).customers()).isEqualTo(2); // March: C and D
  }

  @Test
  void forecast_appliesTenureBucketRatesToNextPeriodsEligible() {
    Forecast forecast = analysisOf(smallCompany().dataset(), SIX_MONTHS, null).forecast();

    assertThat(forecast.period()).isEqualTo("2025-07");
    assertThat(forecast.windowPeriods()).containsExactly(
        "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06");
    // 0-6: 18 eligible customer-months, 3 upsold; 7-12: A in June, not upsold.
    Forecast.Bucket young = forecast.buckets().get(0);
    assertThat(young.tenure()).isEqualTo("0-6");
    assertThat(young.windowEligible()).isEqualTo(18);
    assertThat(young.windowUpsold()).isEqualTo(3);
    assertThat(young.rate()).isEqualByComparingTo("16.67");
    assertThat(young.eligible()).isEqualTo(2); // C and D in July
    assertThat(young.expectedUpsold()).isEqualByComparingTo("0.33");
    Forecast.Bucket older = forecast.buckets().get(1);
    assertThat(older.rate()).isEqualByComparingTo("0.00");
    assertThat(older.eligible()).isEqualTo(1); // A, 8 months old in July
    assertThat(older.pooledFromAll()).isFalse();
    // No history: the overall window rate 3/19.
    Forecast.Bucket unseen = forecast.buckets().get(2);
    assertThat(unseen.pooledFromAll()).isTrue();
    assertThat(unseen.rate()).isEqualByComparingTo("15.79");

    assertThat(forecast.eligible()).isEqualTo(3);
    assertThat(forecast.expectedUpsold()).isEqualByComparingTo("0.33");
    // V = 2·p·q + 2²·p·q/18 with p = 1/6; 0.3333 ± 1.2816·√V, clipped at 0.
    assertThat(forecast.upsoldLow()).isEqualByComparingTo("0.00");
    assertThat(forecast.upsoldHigh()).isEqualByComparingTo("1.05");
    assertThat(forecast.expectedRate()).isEqualByComparingTo("11.11");
    // (2,400 + 7,500 + 5,600) / 3
    assertThat(forecast.avgUpsoldArr()).isEqualByComparingTo("5166.67");
    assertThat(forecast.expectedUpsoldArr()).isEqualByComparingTo("1722.22");
    assertThat(forecast.upsoldArrLow()).isEqualByComparingTo("0.00");
    assertThat(forecast.upsoldArrHigh()).isEqualByComparingTo("5400.75");
  }

  @Test
  void forecast_backtest_forecastsEachOfTheLastKPeriodsFromThoseBefore() {
    Forecast.Backtest backtest =
        analysisOf(smallCompany().dataset(), SIX_MONTHS, null).forecast().backtest();

    assertThat(backtest.points()).extracting(Forecast.BacktestPoint::period)
        .containsExactly("2025-02", "2025-03", "2025-04", "2025-05", "2025-06");
    Forecast.BacktestPoint february = backtest.points().get(0); // from January: rate 0
    assertThat(february.windowPeriods()).isEqualTo(1);
    assertThat(february.expectedUpsold()).isEqualByComparingTo("0.00");
    assertThat(february.actualUpsold()).isEqualTo(1);
    assertThat(february.absolutePercentageError()).isEqualByComparingTo("100.00");
    Forecast.BacktestPoint march = backtest.points().get(1); // 4 eligible at 1/5
    assertThat(march.expectedUpsold()).isEqualByComparingTo("0.80");
    assertThat(march.upsoldHigh()).isEqualByComparingTo("2.18");
    assertThat(march.absolutePercentageError()).isEqualByComparingTo("20.00");
    assertThat(backtest.points().get(2).absolutePercentageError()).isNull(); // April: actual 0
    assertThat(backtest.points().get(3).expectedUpsold()).isEqualByComparingTo("0.46"); // 3 · 2/13
    assertThat(backtest.points().get(3).absolutePercentageError()).isEqualByComparingTo("53.85");
    assertThat(backtest.points().get(4).expectedUpsold()).isEqualByComparingTo("0.56"); // 3 · 3/16
    assertThat(backtest.mape()).isEqualByComparingTo("57.95"); // (100 + 20 + 53.85) / 3
    assertThat(backtest.intervalCoverage()).isEqualByComparingTo("80.00"); // February missed
  }

  @Test
  void correlation_ratesLiftAndPointBiserialOverScoredCustomerPeriods() {
    Correlation correlation = analysisOf(smallCompany().dataset(), SIX_MONTHS, null).correlation();

    // A: 6 eligible months at 85, 2 upsold; B: 4 at 50; C: 5 at 70, 1 upsold; D has no score.
    assertThat(correlation.observations()).isEqualTo(15);
    assertThat(correlation.withoutScore()).isEqualTo(4);
    assertThat(correlation.upsold()).isEqualTo(3);
    assertThat(correlation.rate()).isEqualByComparingTo("20.00");
    assertThat(correlation.buckets()).extracting(Correlation.Bucket::bucket)
        .containsExactly("High", "Medium", "Low");
    Correlation.Bucket high = correlation.buckets().get(0);
    assertThat(high.eligible()).isEqualTo(6);
    assertThat(high.rate()).isEqualByComparingTo("33.33");
    assertThat(high.lift()).isEqualByComparingTo("1.67");
    assertThat(correlation.buckets().get(1).lift()).isEqualByComparingTo("1.00");
    assertThat(correlation.buckets().get(2).lift()).isEqualByComparingTo("0.00");
    // M1 = 80, M0 = 820/12, s = √(77850/15 − (1060/15)²), r = (M1 − M0)/s · √(0.2·0.8)
    assertThat(correlation.meanScoreUpsold()).isEqualByComparingTo("80.00");
    assertThat(correlation.meanScoreNotUpsold()).isEqualByComparingTo("68.33");
    assertThat(correlation.pointBiserial()).isEqualByComparingTo("0.33");
  }

  @Test
  void correlation_isNullWithoutHealthScores() {
    TestData data = new TestData();
    data.customer("A").from("2024-01-01").seats(1).arr(100);
    Correlation correlation = analysisOf(data.dataset(), SIX_MONTHS, null).correlation();

    assertThat(correlation.observations()).isZero();
    assertThat(correlation.withoutScore()).isEqualTo(6);
    assertThat(correlation.rate()).isNull();
    assertThat(correlation.pointBiserial()).isNull();
    assertThat(correlation.buckets()).allSatisfy(b -> assertThat(b.rate()).isNull());
  }

  @Test
  void initiatives_compareThreePeriodsBeforeLaunchWithThePeriodsSince() {
    AnalysisOptions settings = AnalysisOptions.defaults().withInitiatives(List.of(
        new Initiative("CSM outreach", LocalDate.parse("2025-04-01"),
            SegmentFilter.parse("channel=sales")),
        Initiative.forAll("Upgrade prompts", LocalDate.parse("2025-03-15")),
        Initiative.forAll("Old programme", LocalDate.parse("2024-06-01")),
        new Initiative("Partners", LocalDate.parse("2025-04-01"),
            SegmentFilter.parse("channel=partner"))));
    List<InitiativeImpact> impacts =
        analysisOf(smallCompany().dataset(), SIX_MONTHS, settings).initiatives();

    // Sales (A, C): Jan 1/0, Feb 2/1, Mar 2/1 | Apr 2/0, May 2/1, Jun 2/0.
    InitiativeImpact csm = impacts.get(0);
    assertThat(csm.segment()).isEqualTo("channel=sales");
    assertThat(csm.baselinePeriods()).containsExactly("2025-01", "2025-02", "2025-03");
    assertThat(csm.baselineRate()).isEqualByComparingTo("40.00");
    assertThat(csm.currentPeriods()).containsExactly("2025-04", "2025-05", "2025-06");
    assertThat(csm.currentRate()).isEqualByComparingTo("16.67");
    assertThat(csm.improvement()).isEqualByComparingTo("-23.33");
    assertThat(csm.avgUpsoldArr()).isEqualByComparingTo("5600.00");
    assertThat(csm.arrImpact()).isEqualByComparingTo("-7840.00"); // (1/6 − 2/5) · 6 · 5,600

    // Launch mid-March: March counts as current; baseline is January and February only.
    InitiativeImpact prompts = impacts.get(1);
    assertThat(prompts.segment()).isNull();
    assertThat(prompts.baselinePeriods()).containsExactly("2025-01", "2025-02");
    assertThat(prompts.baselineRate()).isEqualByComparingTo("20.00");
    assertThat(prompts.currentEligible()).isEqualTo(14);
    assertThat(prompts.currentRate()).isEqualByComparingTo("14.29");
    assertThat(prompts.improvement()).isEqualByComparingTo("-5.71");
    assertThat(prompts.avgUpsoldArr()).isEqualByComparingTo("6550.00");
    assertThat(prompts.arrImpact()).isEqualByComparingTo("-5240.00");

    InitiativeImpact old = impacts.get(2);
    assertThat(old.baselinePeriods()).isEmpty();
    assertThat(old.baselineRate()).isNull();
    assertThat(old.improvement()).isNull();
    assertThat(old.arrImpact()).isNull();

    InitiativeImpact nobody = impacts.get(3);
    assertThat(nobody.baselineEligible()).isZero();
    assertThat(nobody.currentRate()).isNull();
  }

  @Test
  void initiatives_withUnknownDimension_areAUsageError() {
    AnalysisOptions settings = AnalysisOptions.defaults().withInitiatives(List.of(
        new Initiative("X", LocalDate.parse("2025-04-01"), SegmentFilter.parse("colour=red"))));
    assertThatThrownBy(() -> analysisOf(smallCompany().dataset(), SIX_MONTHS, settings))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initiative 'X'").hasMessageContaining("colour");
  }

  @Test
  void benchmarks_placeMonthlyRateAndNeedAYearForAnnualFigures() {
    // E, new on June 30, makes the data reach the end of June: no June figure moves but new logos.
    TestData data = smallCompany();
    data.customer("E").from("2025-06-30").seats(1).arr(1_200);
    Benchmarks benchmarks = analysisOf(data.dataset(), SIX_MONTHS, null).benchmarks();

    assertThat(benchmarks.items()).extracting(Benchmarks.Benchmark::metric)
        .containsExactly("annualUpsellRate", "monthlyUpsellRate", "nrr12m");
    Benchmarks.Benchmark annual = benchmarks.item("annualUpsellRate");
    assertThat(annual.value()).isNull();
    assertThat(annual.assessment()).isEqualTo("Not enough history");
    Benchmarks.Benchmark monthly = benchmarks.item("monthlyUpsellRate");
    assertThat(monthly.value()).isEqualByComparingTo("15.79"); // 3 / 19
    assertThat(monthly.assessment()).isEqualTo("Above typical range");
    assertThat(benchmarks.item("nrr12m").value()).isNull();
  }

  @Test
  void benchmarks_annualRate_countsCustomersEligibleAtTheStartUpsoldInAnyMonth() {
    // Twelve months of 2025: A upsold twice, C once, B never; D arrives mid-year (not eligible at
    // the start of the year).
    TestData data = new TestData();
    data.customer("A").from("2024-06-01").seats(10).arr(10_000)
        .change("2025-03-01").seats(11).arr(11_000).change("2025-09-01").seats(12).arr(12_000);
    data.customer("B").from("2024-06-01").seats(10).arr(10_000);
    data.customer("C").from("2024-06-01").seats(10).arr(10_000)
        .change("2025-05-01").seats(20).arr(20_000);
    data.customer("D").from("2025-06-01").seats(10).arr(10_000)
        .change("2025-08-01").seats(15).arr(15_000);
    data.customer("E").from("2025-12-01").seats(1).arr(1_000); // the data reaches December
    ReportOptions year = ReportOptions.builder()
        .from(YearMonth.of(2025, 1)).to(YearMonth.of(2025, 12)).build();
    Benchmarks benchmarks = analysisOf(data.dataset(), year, null).benchmarks();

    Benchmarks.Benchmark annual = benchmarks.item("annualUpsellRate");
    assertThat(annual.value()).isEqualByComparingTo("66.67"); // A and C of A, B, C
    assertThat(annual.assessment()).isEqualTo("Top quartile");
    assertThat(annual.basis()).contains("2025-01 – 2025-12");
    assertThat(annual.definition()).containsExactly("tier", "seats", "cross_sell");
    assertThat(annual.note()).contains("this report's definition (tier, seats, add_on, cross_sell)"
        + " gives 66.67%");
    // nrr12m of December: customers active at 2024-12-31 (A, B, C: 30,000) now 42,000.
    assertThat(benchmarks.item("nrr12m").value()).isEqualByComparingTo("140.00");
    assertThat(benchmarks.item("nrr12m").assessment()).isEqualTo("Above top-performer range");
  }

  @Test
  void signals_smallCompany_watchBothWithTheirFigures() {
    Signals signals = analysisOf(smallCompany().dataset(), SIX_MONTHS, null).signals();

    Signals.Signal users = signals.upsellUsers();
    assertThat(users.status()).isEqualTo(Signals.Status.WATCH);
    assertThat(users.windowPeriods()).containsExactly("2025-04", "2025-05", "2025-06");
    // Share of logos: March 1/4 = 25%, then 0, 0, 0: it fell once, not in each period.
    assertThat(users.figures().get("shareOfLogosBefore")).isEqualByComparingTo("25.00");
    assertThat(users.figures().get("periodsShareFell")).isEqualByComparingTo("1");
    // Only A was upsold in the window: the top customer has 100% of the ARR.
    assertThat(users.figures().get("topDecileShare")).isEqualByComparingTo("100.00");
    assertThat(users.figures().get("expansionArr")).isEqualByComparingTo("5600.00");
    assertThat(users.reasons()).anyMatch(r -> r.contains("did not rise"));

    Signals.Signal seats = signals.totalUsers();
    assertThat(seats.status()).isEqualTo(Signals.Status.WATCH); // shrank, but no new logo came
    assertThat(seats.figures().get("seatsStarting")).isEqualByComparingTo("45");
    assertThat(seats.figures().get("seatsEnding")).isEqualByComparingTo("40");
    assertThat(seats.figures().get("newLogos")).isEqualByComparingTo("0");
  }

  @Test
  void analyze_returnsTheSameReportAsReport_andTheSameLedger() {
    TestData data = smallCompany();
    data.target("2025-Q1", "30").target("2025-05", "10");
    Dataset dataset = data.dataset();
    AnalysisOptions settings = AnalysisOptions.defaults().withInitiatives(List.of(
        new Initiative("CSM", LocalDate.parse("2025-04-01"), SegmentFilter.parse("health=High")),
        new Initiative("Sales", LocalDate.parse("2025-04-01"), SegmentFilter.parse("channel=sales"))));
    for (ReportOptions options : List.of(
        SIX_MONTHS,
        SIX_MONTHS.toBuilder().by(List.of("tenure", "channel")).build(),
        SIX_MONTHS.toBuilder().grain(Grain.QUARTER).by(List.of("cohort")).build(),
        SIX_MONTHS.toBuilder().where(SegmentFilter.parse("channel=sales")).build(),
        ReportOptions.builder().by(List.of("plan")).build())) {
      List<CustomerPeriod> plain = new ArrayList<>();
      List<CustomerPeriod> analyzed = new ArrayList<>();
      Report expected = Upshift.report(dataset, options, plain::add);
      Report actual = Upshift.analyze(dataset, options, settings, analyzed::add);

      assertThat(actual.analysis()).isNotNull();
      assertThat(actual.withAnalysis(null)).isEqualTo(expected);
      assertThat(analyzed).hasSameSizeAs(plain);
      for (int i = 0; i < plain.size(); i++) {
        assertThat(analyzed.get(i).customerId()).isEqualTo(plain.get(i).customerId());
        assertThat(analyzed.get(i).periodIndex()).isEqualTo(plain.get(i).periodIndex());
        assertThat(analyzed.get(i).upsoldArr()).isEqualTo(plain.get(i).upsoldArr());
      }
    }
  }

  @Test
  void tenureBuckets_matchTheTenureSegmentLabels() {
    Report report = Upshift.report(smallCompany().dataset(),
        SIX_MONTHS.toBuilder().by(List.of("tenure")).build());
    List<String> labels = new TenureBuckets(SIX_MONTHS.tenureEdges()).labels();
    assertThat(labels).containsAll(report.segments().get("tenure").keySet());
    assertThat(labels).containsExactly("0-6", "7-12", "13-24", "25+");
  }

  @Test
  void dashboardDimensions_areAddedOnce() {
    ReportOptions options = Analysis.withDashboardDimensions(
        ReportOptions.builder().by(List.of("health", "channel")).build());
    assertThat(options.by()).containsExactly("health", "channel", "tenure", "initial_arr");
  }
}
