package dev.upshift.reference;

import static dev.upshift.reference.SpecCases.assertValue;
import static dev.upshift.reference.SpecCases.monthly;
import static dev.upshift.reference.SpecCases.report;
import static dev.upshift.testing.PhaseBuilder.dataset;
import static dev.upshift.testing.PhaseBuilder.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.Upshift;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2.4, sentence by sentence: with an opening balance month M every snapshot of a day before
 * M's first day is the snapshot at that day, in both books. Every case runs both engines.
 */
class OpeningBalanceTest {
  private static final YearMonth JAN = YearMonth.of(2026, 1);

  @Test
  void withoutAnOpeningBalanceTheExistingBookArrivesAsNewLogos() {
    // The export starts on Jan 1: A and B were customers long before it, but their rows start then.
    NaiveReport report = report(monthly("2026-01", "2026-02"),
        phase("A").seats(10).arr(12_000).from("2026-01-01"),
        phase("B").seats(5).arr(6_000).from("2026-01-01"));

    assertValue(report, "2026-01", "arr.newLogo", "18000");
    assertValue(report, "2026-01", "logos.new", "2");
  }

  @Test
  void customersActiveOnTheFirstDayStartTheMonthAsStartingArrSeatsAndLogos() {
    NaiveReport report = report(monthly("2026-01", "2026-02").openingBalance(JAN),
        phase("A").seats(10).arr(12_000).from("2026-01-01"),
        phase("B").seats(5).arr(6_000).from("2026-01-01"));

    assertValue(report, "2026-01", "arr.starting", "18000");
    assertValue(report, "2026-01", "arr.newLogo", "0");
    assertValue(report, "2026-01", "logos.starting", "2");
    assertValue(report, "2026-01", "logos.new", "0");
    assertValue(report, "2026-01", "seats.starting", "15");
    assertValue(report, "2026-01", "seats.new", "0");
    assertValue(report, "2026-01", "arr.ending", "18000");
  }

  @Test
  void changesAfterTheFirstDayCountAsUsual() {
    NaiveReport report = report(monthly("2026-01", "2026-01").openingBalance(JAN),
        phase("A").seats(10).arr(12_000).from("2026-01-01").until("2026-01-20"),
        phase("A").seats(12).arr(14_400).from("2026-01-20"),
        phase("N").seats(3).arr(3_000).from("2026-01-02"),
        phase("X").seats(4).arr(4_000).from("2025-06-01").until("2026-01-31"));

    assertValue(report, "2026-01", "arr.starting", "16000");
    assertValue(report, "2026-01", "arr.addOnSeats", "2400");
    assertValue(report, "2026-01", "arr.newLogo", "3000");
    assertValue(report, "2026-01", "arr.churn", "-4000");
    assertValue(report, "2026-01", "upsellUsers", "1");
  }

  @Test
  void monthsBeforeTheOpeningBalanceHaveNoMovementsSoTrailingCountsStartThere() {
    // A grows in November, before the opening balance month: not an Upsell User in any trailing
    // window of the report, which reaches back over months that no longer move.
    NaiveReport report = report(monthly("2026-01", "2026-01").openingBalance(JAN),
        phase("A").seats(10).arr(12_000).from("2025-06-01").until("2025-11-15"),
        phase("A").seats(20).arr(24_000).from("2025-11-15"));

    assertValue(report, "2026-01", "upsellUsersT3", "0");
    assertValue(report, "2026-01", "upsellUsersT12", "0");
    assertValue(report, "2026-01", "arr.starting", "24000");
    assertValue(report, "2026-01", "growth.endingArr", "0");
  }

  @Test
  void customerFactsAreUnchanged() {
    // Tenure counts from the real first active date (2025-06-01), not from the opening balance:
    // with a minimum tenure of 6 months A is eligible in January.
    NaiveReport report = report(monthly("2026-01", "2026-01").openingBalance(JAN).minTenureMonths(6),
        phase("A").seats(10).arr(12_000).from("2025-06-01").until("2026-01-10"),
        phase("A").seats(10).arr(12_000).tier(2).from("2026-01-10"));

    assertValue(report, "2026-01", "upsellRate.eligible", "1");
  }

  @Test
  void theContractedBookReadsTheFirstDayToo() {
    // B signed in December to start on Feb 1: in the contracted book, B is in the book on Jan 1,
    // so it is starting CARR, not a December new logo nobody reports.
    NaiveReport report = report(monthly("2026-01", "2026-02").openingBalance(JAN)
            .book(Book.CONTRACTED),
        phase("B").seats(5).arr(6_000).from("2026-02-01").signed("2025-12-10"));

    assertValue(report, "2026-01", "arr.starting", "6000");
    assertValue(report, "2026-01", "arr.newLogo", "0");
  }

  @Test
  void fromDefaultsToTheOpeningBalanceMonth() {
    Report report = Upshift.report(dataset(
            phase("A").seats(10).arr(12_000).from("2025-03-01"),
            phase("B").seats(5).arr(6_000).from("2026-03-05")),
        ReportOptions.builder().openingBalance(JAN).build());

    assertThat(report.periods()).extracting(p -> p.period())
        .containsExactly("2026-01", "2026-02", "2026-03");
    assertThat(report.periods().get(0).arr().starting()).isEqualByComparingTo("12000");
  }

  @Test
  void fromMayNotBeEarlierThanTheOpeningBalance() {
    assertThatThrownBy(() -> ReportOptions.builder().from(YearMonth.of(2025, 12))
        .openingBalance(JAN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--from 2025-12 is before --opening-balance 2026-01");
  }

  @Test
  void withQuarterOrYearGrainTheMonthMustStartAPeriod() {
    assertThatThrownBy(() -> ReportOptions.builder().grain(Grain.QUARTER)
        .openingBalance(YearMonth.of(2026, 2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the first month of a quarter");
    assertThatThrownBy(() -> ReportOptions.builder().grain(Grain.YEAR).fiscalYearStart(4)
        .openingBalance(YearMonth.of(2026, 1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not the first month of a year");
    assertThat(ReportOptions.builder().grain(Grain.QUARTER).fiscalYearStart(2)
        .openingBalance(YearMonth.of(2026, 5)).build().openingBalance())
        .isEqualTo(YearMonth.of(2026, 5));
  }
}
