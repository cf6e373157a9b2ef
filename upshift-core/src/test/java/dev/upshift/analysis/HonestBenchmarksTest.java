package dev.upshift.analysis;

import static dev.upshift.analysis.AnalyzerTest.analysisOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.metric.UpsellMember;
import dev.upshift.report.ReportOptions;
import dev.upshift.time.Grain;
import java.time.YearMonth;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * #14: the published upsell references count tier upgrades, seat growth and new products, never
 * a renewal's price uplift; the company's rate beside them is measured the same way whatever the
 * report's definition, says how, and says what the report's own definition gives.
 */
class HonestBenchmarksTest {
  /**
   * Four customers eligible all 2025: P renews at a higher price (add-on price only), T upgrades
   * its tier, S adds seats, N does nothing; the data reaches December.
   */
  private static TestData company() {
    TestData data = new TestData();
    data.customer("P").from("2024-06-01").seats(10).arr(10_000)
        .change("2025-06-01").seats(10).arr(11_000);
    data.customer("T").from("2024-06-01").plan("Team").tier(1).seats(10).arr(10_000)
        .change("2025-04-01").plan("Pro").tier(2).arr(14_000);
    data.customer("S").from("2024-06-01").seats(10).arr(10_000)
        .change("2025-12-01").seats(12).arr(12_000);
    data.customer("N").from("2024-06-01").seats(10).arr(10_000);
    return data;
  }

  private static final ReportOptions YEAR = ReportOptions.builder()
      .from(YearMonth.of(2025, 1)).to(YearMonth.of(2025, 12)).build();

  @Test
  void aPriceOnlyUpliftIsNotComparedWithTheReferences() {
    Benchmarks.Benchmark annual = analysisOf(company().dataset(), YEAR, null).benchmarks()
        .item("annualUpsellRate");

    // T and S of four: 50%. The default definition would count P too (75%, "Top quartile").
    assertThat(annual.value()).isEqualByComparingTo("50.00");
    assertThat(annual.assessment()).isEqualTo("Top quartile");
    assertThat(annual.definition()).containsExactly("tier", "seats", "cross_sell");
    assertThat(annual.note()).contains("no price-only uplift")
        .contains("this report's definition (tier, seats, add_on, cross_sell) gives 75.00%");
  }

  @Test
  void theComparisonIsTheSameWhateverTheReportsDefinition() {
    ReportOptions tierOnly = YEAR.toBuilder().upsellDefinition(EnumSet.of(UpsellMember.TIER))
        .build();
    Benchmarks.Benchmark annual = analysisOf(company().dataset(), tierOnly, null).benchmarks()
        .item("annualUpsellRate");

    assertThat(annual.value()).isEqualByComparingTo("50.00");
    assertThat(annual.note()).contains("this report's definition (tier) gives 25.00%");
  }

  @Test
  void theComparableDefinitionHasNoNoteAboutItself() {
    ReportOptions comparable = YEAR.toBuilder().upsellDefinition(
        EnumSet.of(UpsellMember.TIER, UpsellMember.SEATS, UpsellMember.CROSS_SELL)).build();
    Benchmarks benchmarks = analysisOf(company().dataset(), comparable, null).benchmarks();

    assertThat(benchmarks.item("annualUpsellRate").value()).isEqualByComparingTo("50.00");
    assertThat(benchmarks.item("annualUpsellRate").note()).isNull();
    // Monthly: T in April, S in December, of 4 × 12 eligible customer-months.
    assertThat(benchmarks.item("monthlyUpsellRate").value()).isEqualByComparingTo("4.17");
    assertThat(benchmarks.item("monthlyUpsellRate").note()).isNull();
    assertThat(benchmarks.item("nrr12m").definition()).isEmpty();
  }

  @Test
  void aYearEndingInAPartialPeriodIsShownButNotAssessed() {
    // Quarters of 2025 with the data ending in October (S's change moved there): Q4 is partial.
    TestData data = new TestData();
    data.customer("T").from("2024-06-01").plan("Team").tier(1).seats(10).arr(10_000)
        .change("2025-04-01").plan("Pro").tier(2).arr(14_000);
    data.customer("S").from("2024-06-01").seats(10).arr(10_000)
        .change("2025-10-05").seats(12).arr(12_000);
    ReportOptions quarters = YEAR.toBuilder().grain(Grain.QUARTER).build();
    Benchmarks.Benchmark annual = analysisOf(data.dataset(), quarters, null).benchmarks()
        .item("annualUpsellRate");

    assertThat(annual.value()).isEqualByComparingTo("100.00");
    assertThat(annual.assessment()).isEqualTo("Not assessed: partial period");
    assertThat(annual.note()).contains("2025-Q4: data covers 2025-10-01 to 2025-10-31 (31 of 92 days)");
  }
}
