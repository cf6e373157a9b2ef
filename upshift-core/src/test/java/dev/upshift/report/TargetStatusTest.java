package dev.upshift.report;

import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.Target;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.testing.PhaseBuilder;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Targets and status (§5.6), after the seed dashboard's monthly trend: ten customers eligible all
 * quarter; one more upsells each month, so the cumulative quarter-to-date rate is 10%, 20%, 30%.
 */
class TargetStatusTest {
  private static final List<PhaseBuilder> ROWS = rows();

  private static List<PhaseBuilder> rows() {
    List<PhaseBuilder> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = "C" + i;
      String month = i < 3 ? "2026-0" + (i + 1) + "-10" : null;
      if (month == null) {
        rows.add(phase(id).plan("Team").seats(10).arr(10_000).from("2025-01-01"));
      } else {
        rows.add(phase(id).plan("Team").seats(10).arr(10_000).from("2025-01-01").until(month));
        rows.add(phase(id).plan("Team").seats(12).arr(12_000).from(month));
      }
    }
    return rows;
  }

  private static Report report(Grain grain, List<Target> targets, SegmentFilter where) {
    return report(grain, targets, where, List.of());
  }

  private static Report report(Grain grain, List<Target> targets, SegmentFilter where,
      List<String> by) {
    Map<String, Map<String, String>> channels = new java.util.HashMap<>();
    for (int i = 0; i < 10; i++) {
      channels.put("C" + i, Map.of("channel", i % 2 == 0 ? "sales" : "self_serve"));
    }
    Dataset dataset = Dataset.builder().addAll(phases(ROWS)).targets(targets)
        .customers(CustomerAttributes.of(List.of("channel"), channels)).build();
    return Upshift.report(dataset, ReportOptions.builder().grain(grain).where(where).by(by)
        .from(YearMonth.parse("2026-01")).to(YearMonth.parse("2026-03")).build());
  }

  private static Target target(String period, String value) {
    return new Target("upsellRate", period, new BigDecimal(value), null);
  }

  @Test
  void monthlyRowsCompareTheCumulativeQuarterToDateRate() {
    Report report = report(Grain.MONTH,
        List.of(target("2026-01", "15"), target("2026-02", "20"), target("2026-03", "30")), null);

    assertThat(report.periods()).extracting(p -> p.upsellRate().qtdRate())
        .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"), new BigDecimal("30.00"));
    assertThat(report.periods()).extracting(p -> p.upsellRate().status())
        .containsExactly("Below", "On Track", "Achieved");
  }

  @Test
  void statusComparesExactValuesNotRoundedOnes() {
    // 2/10 = 20% exactly; a target of 20.001 is missed even though both print as 20.00.
    Report report = report(Grain.MONTH, List.of(target("2026-02", "20.001")), null);

    assertThat(report.periods().get(1).upsellRate().status()).isEqualTo("Below");
    assertThat(report.periods().get(0).upsellRate().status()).isNull();
  }

  @Test
  void aMonthWithoutItsOwnTargetTakesItsQuartersAndAQuarterItsYears() {
    Report monthly = report(Grain.MONTH, List.of(target("2026-Q1", "25")), null);
    assertThat(monthly.periods()).extracting(p -> p.upsellRate().status())
        .containsExactly("Below", "Below", "Achieved");
    assertThat(monthly.periods().get(0).upsellRate().target()).isEqualByComparingTo("25");

    Report quarterly = report(Grain.QUARTER, List.of(target("2026", "30")), null);
    assertThat(quarterly.periods().get(0).upsellRate().rate()).isEqualByComparingTo("30");
    assertThat(quarterly.periods().get(0).upsellRate().status()).isEqualTo("Achieved");
    assertThat(quarterly.periods().get(0).upsellRate().qtdRate()).isNull();
  }

  @Test
  void aSegmentTargetAppliesOnlyToThatSegment() {
    Target sales = new Target("upsellRate", "2026-03", new BigDecimal("50"), "channel=sales");

    Report whole = report(Grain.MONTH, List.of(sales), null, List.of("channel"));
    assertThat(whole.periods().get(2).upsellRate().target()).isNull();
    assertThat(whole.segments().get("channel").get("sales").get(2).upsellRate().status())
        .isEqualTo("Below");
    assertThat(whole.segments().get("channel").get("self_serve").get(2).upsellRate().target())
        .isNull();

    // Customers C0 and C2 (sales) upsold: 2 of 5 = 40% < 50%.
    Report filtered = report(Grain.MONTH, List.of(sales), new SegmentFilter("channel", "sales"));
    assertThat(filtered.periods().get(2).upsellRate().qtdRate()).isEqualByComparingTo("40");
    assertThat(filtered.periods().get(2).upsellRate().status()).isEqualTo("Below");
  }
}
