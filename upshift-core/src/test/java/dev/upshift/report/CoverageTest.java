package dev.upshift.report;

import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.Upshift;
import dev.upshift.input.Dataset;
import dev.upshift.input.Target;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * #14 "edges of the data": each period says how much of it the data covers; the opening period
 * and partial periods are marked, and a partial period is not judged against its target.
 */
class CoverageTest {
  /** Data from 2024-11-05 to 2026-10-20: A from the start, B upgrades in 2026, C ends in October. */
  private static Dataset dataset(List<Target> targets) {
    return Dataset.builder().addAll(phases(List.of(
        phase("A").plan("Team").tier(1).seats(10).arr(12_000).from("2024-11-05").until("2026-02-10"),
        phase("A").plan("Pro").tier(2).seats(10).arr(18_000).from("2026-02-10"),
        phase("B").plan("Team").tier(1).seats(5).arr(6_000).from("2025-03-01"),
        phase("C").plan("Team").tier(1).seats(2).arr(2_400).from("2025-01-01").until("2026-10-20"))))
        .targets(targets).build();
  }

  @Test
  void quartersAtTheEdgesOfTheDataArePartialAndTheFirstIsTheOpeningPeriod() {
    Report report = Upshift.report(dataset(List.of()),
        ReportOptions.builder().grain(Grain.QUARTER).build());

    List<PeriodReport> periods = report.periods();
    assertThat(periods.get(0).period()).isEqualTo("2024-Q4");
    // The data covers whole months: November and December of the fourth quarter.
    assertThat(periods.get(0).coverage()).isEqualTo(new Coverage(LocalDate.parse("2024-11-01"),
        LocalDate.parse("2024-12-31"), 61, 92, true, true));
    assertThat(periods.get(0).coverage().note()).contains("(61 of 92 days)")
        .contains("opening period: new logos include customers already active");
    assertThat(periods.get(1).coverage().whole()).isTrue();
    PeriodReport last = periods.get(periods.size() - 1);
    assertThat(last.period()).isEqualTo("2026-Q4");
    assertThat(last.coverage()).isEqualTo(new Coverage(LocalDate.parse("2026-10-01"),
        LocalDate.parse("2026-10-31"), 31, 92, false, true));
  }

  @Test
  void monthsAreWholeAndTheFirstIsTheOpeningOne() {
    Report report = Upshift.report(dataset(List.of()), ReportOptions.defaults());

    assertThat(report.periods().get(0).coverage())
        .isEqualTo(new Coverage(LocalDate.parse("2024-11-01"), LocalDate.parse("2024-11-30"), 30,
            30, true, false));
    assertThat(report.periods()).filteredOn(p -> !p.coverage().whole()).hasSize(1);
  }

  @Test
  void aPeriodWithoutDataIsPartialWithNoDays() {
    Report report = Upshift.report(dataset(List.of()), ReportOptions.builder()
        .from(YearMonth.of(2026, 11)).to(YearMonth.of(2026, 12)).build());

    assertThat(report.periods().get(0).coverage()).isEqualTo(new Coverage(null, null, 0, 30,
        false, true));
    assertThat(report.periods().get(0).coverage().note()).isEqualTo("no data in this period");
  }

  @Test
  void anOpeningBalanceMakesTheFirstPeriodAnOrdinaryOne() {
    Report report = Upshift.report(dataset(List.of()), ReportOptions.builder()
        .grain(Grain.QUARTER).openingBalance(YearMonth.of(2025, 1)).build());

    assertThat(report.periods().get(0).period()).isEqualTo("2025-Q1");
    assertThat(report.periods().get(0).coverage().whole()).isTrue();
    assertThat(report.periods().get(0).arr().starting()).isEqualByComparingTo("14400");
    assertThat(report.periods().get(0).arr().newLogo()).isEqualByComparingTo("6000");
  }

  @Test
  void aPartialQuarterKeepsItsTargetButIsNotJudged() {
    List<Target> targets = List.of(
        new Target("upsellRate", "2026-Q1", new BigDecimal("10"), null),
        new Target("upsellRate", "2026-Q4", new BigDecimal("10"), null));
    Report report = Upshift.report(dataset(targets), ReportOptions.builder()
        .grain(Grain.QUARTER).from(YearMonth.of(2026, 1)).build());

    UpsellRateFigures q1 = report.periods().get(0).upsellRate();
    assertThat(q1.rate()).isEqualByComparingTo("33.33"); // A of A, B, C
    assertThat(q1.status()).isEqualTo("Achieved");
    UpsellRateFigures q4 = report.periods().get(report.periods().size() - 1).upsellRate();
    assertThat(q4.target()).isEqualByComparingTo("10");
    assertThat(q4.eligible()).isEqualTo(3);
    assertThat(q4.status()).isNull();
  }

  @Test
  void coverageChecksItsOwnArithmetic() {
    assertThatThrownBy(() -> new Coverage(null, null, 0, 30, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Coverage.whole(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")))
        .isEqualTo(new Coverage(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"), 28,
            28, false, false));
  }
}
