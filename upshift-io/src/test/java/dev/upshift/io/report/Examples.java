package dev.upshift.io.report;

import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;

import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.metric.RateWindow;
import dev.upshift.report.ReportOptions;
import java.time.YearMonth;
import java.util.List;

/** Shared datasets. */
public final class Examples {
  private Examples() {}

  /**
   * SPEC §9 example 1, reported February to April 2026: starting ARR 1,200,000; in March A is a
   * new logo (24,000), C upgrades 50,000 → 68,000, E takes its pre-signed ramp step 20,000 →
   * 35,000 (higher tier), D (40,000) churns; in April B (36,000, signed in March) starts.
   */
  public static List<Phase> example1() {
    return phases(
        phase("F").plan("Standard").tier(1).seats(1000).arr("1090000").from("2025-01-01"),
        phase("C").line("L1").plan("Standard").tier(1).seats(100).arr("50000")
            .from("2025-01-01").until("2026-03-15"),
        phase("C").line("L1").plan("Enterprise").tier(2).seats(100).arr("68000")
            .from("2026-03-15").signed("2026-03-10"),
        phase("D").plan("Standard").tier(1).seats(20).arr("40000").from("2025-06-01")
            .until("2026-03-31").cancelSigned("2026-02-20"),
        phase("E").plan("Standard").tier(1).seats(10).arr("20000").from("2025-09-01")
            .until("2026-03-01").signed("2025-08-20"),
        phase("E").plan("Enterprise").tier(2).seats(10).arr("35000").from("2026-03-01")
            .signed("2025-08-20"),
        phase("A").plan("Standard").tier(1).seats(5).arr("24000").from("2026-03-04"),
        phase("B").plan("Standard").tier(1).seats(8).arr("36000").from("2026-04-01")
            .signed("2026-03-25"));
  }

  public static Dataset example1Dataset() {
    return Dataset.of(example1());
  }

  public static ReportOptions.Builder february(String to) {
    return ReportOptions.builder().from(YearMonth.of(2026, 2)).to(YearMonth.parse(to));
  }

  /**
   * Three customers land on 2026-01-10, so a 90-day onboarding window ends on 2026-04-10: X adds 5
   * seats in February (upsold, 5,000), Y stays as it landed, Z churns on 2026-03-01 (eligible in
   * April without ARR at either end of it, not upsold).
   */
  public static Dataset onboardingDataset() {
    return Dataset.of(phases(
        phase("X").plan("Team").seats(10).arr("10000").from("2026-01-10").until("2026-02-10"),
        phase("X").plan("Team").seats(15).arr("15000").from("2026-02-10"),
        phase("Y").plan("Team").seats(10).arr("10000").from("2026-01-10"),
        phase("Z").plan("Team").seats(10).arr("10000").from("2026-01-10").until("2026-03-01")));
  }

  /** January to April 2026 with the Upsell Rate over each customer's first 90 days. */
  public static ReportOptions.Builder firstNinetyDays() {
    return ReportOptions.builder().from(YearMonth.of(2026, 1)).to(YearMonth.of(2026, 4))
        .rateWindow(RateWindow.onboarding(90));
  }
}
