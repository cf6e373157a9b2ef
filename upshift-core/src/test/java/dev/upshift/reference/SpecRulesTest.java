package dev.upshift.reference;

import static dev.upshift.reference.SpecCases.assertValue;
import static dev.upshift.reference.SpecCases.ledger;
import static dev.upshift.reference.SpecCases.monthly;
import static dev.upshift.reference.SpecCases.report;
import static dev.upshift.reference.SpecCases.reportWithPlans;
import static dev.upshift.testing.PhaseBuilder.dataset;
import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.metric.RateCounting;
import dev.upshift.metric.UpsellMember;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.testing.PhaseBuilder;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases, one SPEC rule each. Every case runs both the reference and the production
 * engine ({@link EngineAgreement}), so each pins the rule on both. (The onboarding window's cases
 * are in {@link OnboardingWindowTest}.)
 */
class SpecRulesTest {

  @Nested
  class PriceVolumeSplit {
    @Test
    void volumeIsPricedAtTheOldUnitPriceAndPriceAtTheNewVolume() {
      // 10 seats at 1,000 → 15 seats at 1,200: seats 5 × 1,000, price 15 × 200.
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("C").plan("Team").seats(10).arr(10_000).from("2025-01-01").until("2026-03-10"),
          phase("C").plan("Team").seats(15).arr(18_000).from("2026-03-10"));

      assertValue(report, "2026-03", "arr.addOnSeats", "5000");
      assertValue(report, "2026-03", "arr.addOnPrice", "3000");
      assertValue(report, "2026-03", "arr.upsell", "0");
      assertValue(report, "2026-03", "arr.expansion", "8000");
      assertValue(report, "2026-03", "customers.addOnSeats", "1");
      assertValue(report, "2026-03", "customers.addOnPrice", "1");
      assertValue(report, "2026-03", "seats.expansion", "5");
      assertValue(report, "2026-03", "upsellUsers", "1");
    }

    @Test
    void seatEffectIsRoundedHalfEvenToSixDecimals() {
      // 1.000001 / 2 = 0.5000005 → 0.500000 (even); 1.000003 / 2 = 0.5000015 → 0.500002 (even).
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("H").plan("Team").seats(2).arr("1.000001").from("2025-01-01").until("2026-03-10"),
          phase("H").plan("Team").seats(3).arr("2").from("2026-03-10"),
          phase("J").plan("Team").seats(2).arr("1.000003").from("2025-01-01").until("2026-03-10"),
          phase("J").plan("Team").seats(3).arr("2").from("2026-03-10"));

      NaiveReport.LedgerRow h = ledger(report, "2026-03", "H");
      assertThat(h.components().get("addOnSeats")).isEqualByComparingTo("0.500000");
      assertThat(h.components().get("addOnPrice")).isEqualByComparingTo("0.499999");
      NaiveReport.LedgerRow j = ledger(report, "2026-03", "J");
      assertThat(j.components().get("addOnSeats")).isEqualByComparingTo("0.500002");
      assertThat(j.components().get("addOnPrice")).isEqualByComparingTo("0.499995");
      assertValue(report, "2026-03", "arr.netNew", "1.999996");
    }

    @Test
    void aRestUnderOneCentBesideASeatChangeJoinsTheSeatEffect() {
      // 3 seats at 100 → 7 at 233.333334: seat effect 4 × 100 / 3 = 133.333333, rest 0.000001.
      // 3 seats at 100 → 2 at 66.666666: seat effect −33.333333, rest −0.000001.
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("UP").plan("Team").seats(3).arr(100).from("2025-01-01").until("2026-03-10"),
          phase("UP").plan("Team").seats(7).arr("233.333334").from("2026-03-10"),
          phase("DN").plan("Team").seats(3).arr(100).from("2025-01-01").until("2026-03-10"),
          phase("DN").plan("Team").seats(2).arr("66.666666").from("2026-03-10"));

      assertThat(ledger(report, "2026-03", "UP").components().get("addOnSeats"))
          .isEqualByComparingTo("133.333334");
      assertThat(ledger(report, "2026-03", "DN").components().get("reductionSeats"))
          .isEqualByComparingTo("-33.333334");
      assertValue(report, "2026-03", "arr.addOnPrice", "0");
      assertValue(report, "2026-03", "arr.reductionPrice", "0");
      assertValue(report, "2026-03", "customers.addOnPrice", "0");
      assertValue(report, "2026-03", "customers.reductionPrice", "0");
    }

    @Test
    void aRestOfOneCentOrMore_orOneThatWouldTurnTheSeatEffectAround_staysPrice() {
      // 3 seats at 100 → 4 at 133.35: rest 0.016667 is a price change.
      // 1,000,000 seats at 1 → 1,000,001 at 0.999999: seat effect +0.000001, rest −0.000002;
      // joining would make the seat effect negative while seats rose, so the rest stays price.
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("P").plan("Team").seats(3).arr(100).from("2025-01-01").until("2026-03-10"),
          phase("P").plan("Team").seats(4).arr("133.35").from("2026-03-10"),
          phase("F").plan("Team").seats(1_000_000).arr(1).from("2025-01-01").until("2026-03-10"),
          phase("F").plan("Team").seats(1_000_001).arr("0.999999").from("2026-03-10"));

      assertThat(ledger(report, "2026-03", "P").components().get("addOnPrice"))
          .isEqualByComparingTo("0.016667");
      NaiveReport.LedgerRow f = ledger(report, "2026-03", "F");
      assertThat(f.components().get("addOnSeats")).isEqualByComparingTo("0.000001");
      assertThat(f.components().get("reductionPrice")).isEqualByComparingTo("-0.000002");
    }

    @Test
    void fiftyStandardSeatsToThirtyPremiumIsAnUpsellButNoUpsellUser() {
      NaiveReport report = reportWithPlans(monthly("2026-06", "2026-06"),
          phase("C").product("platform").plan("Standard").seats(50).arr(50_000)
              .from("2025-01-01").until("2026-06-15"),
          phase("C").product("platform").plan("Premium").seats(30).arr(60_000)
              .from("2026-06-15"));

      // seat effect −20 × 1,000 = −20,000; rest = 10,000 + 20,000 at a higher tier.
      assertValue(report, "2026-06", "arr.reductionSeats", "-20000");
      assertValue(report, "2026-06", "arr.upsell", "30000");
      assertValue(report, "2026-06", "seats.downgraded", "-20");
      assertValue(report, "2026-06", "upsellUsers", "0");
      assertValue(report, "2026-06", "upsellRate.upsold", "1");
      assertValue(report, "2026-06", "upsellRate.upsoldArr", "30000");
    }
  }

  @Nested
  class TierDirection {
    @Test
    void withoutTiersADirectionIsInferredFromAPlanChangeAndCounted() {
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          // Basic → Pro, price up: upsell (inferred).
          phase("D1").plan("Basic").arr(1_000).from("2025-01-01").until("2026-03-05"),
          phase("D1").plan("Pro").arr(2_000).from("2026-03-05"),
          // Pro → Basic, price down: downsell (inferred).
          phase("D2").plan("Pro").arr(2_000).from("2025-01-01").until("2026-03-05"),
          phase("D2").plan("Basic").arr(1_500).from("2026-03-05"),
          // Same plan, price up: add-on price, nothing inferred.
          phase("D3").plan("Basic").arr(1_000).from("2025-01-01").until("2026-03-05"),
          phase("D3").plan("Basic").arr(1_200).from("2026-03-05"),
          // Known tiers going down with a price rise: add-on price.
          phase("D4").plan("Premium").tier(2).arr(1_000).from("2025-01-01").until("2026-03-05"),
          phase("D4").plan("Standard").tier(1).arr(1_100).from("2026-03-05"));

      assertThat(ledger(report, "2026-03", "D1").components().get("upsell"))
          .isEqualByComparingTo("1000");
      assertThat(ledger(report, "2026-03", "D2").components().get("downsell"))
          .isEqualByComparingTo("-500");
      assertThat(ledger(report, "2026-03", "D3").components().get("addOnPrice"))
          .isEqualByComparingTo("200");
      assertThat(ledger(report, "2026-03", "D4").components().get("addOnPrice"))
          .isEqualByComparingTo("100");
      assertThat(report.inferredTierDirections()).isEqualTo(2);
    }

    @Test
    void tierComesFromPlansCsvWhenTheRowHasNone() {
      NaiveReport report = reportWithPlans(monthly("2026-03", "2026-03"),
          phase("P").product("platform").plan("Premium").arr(2_000)
              .from("2025-01-01").until("2026-03-05"),
          phase("P").product("platform").plan("Standard").arr(1_500).from("2026-03-05"));

      assertValue(report, "2026-03", "arr.downsell", "-500");
      assertThat(report.inferredTierDirections()).isZero();
    }
  }

  @Nested
  class RampLabel {
    @Test
    void anUpsellSignedBeforeThePriorStepBeganIsARamp() {
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          // Both steps signed before step 1 began: ramp.
          phase("R1").plan("S").tier(1).arr(10_000).from("2025-01-01").until("2026-03-01")
              .signed("2024-12-15"),
          phase("R1").plan("P").tier(2).arr(15_000).from("2026-03-01").signed("2024-12-15"),
          // Step 2 signed after step 1 began: a plain upsell.
          phase("R2").plan("S").tier(1).arr(10_000).from("2025-01-01").until("2026-03-01"),
          phase("R2").plan("P").tier(2).arr(15_000).from("2026-03-01").signed("2026-02-20"),
          // Signed on the very day step 1 began: on or before, so a ramp.
          phase("R3").plan("S").tier(1).arr(10_000).from("2025-01-01").until("2026-03-01"),
          phase("R3").plan("P").tier(2).arr(15_000).from("2026-03-01").signed("2025-01-01"),
          // A ramp, but a new line of the product at d1 blocks the label for the whole upsell.
          phase("R4").line("a").plan("S").tier(1).arr(10_000).from("2025-01-01")
              .until("2026-03-01").signed("2024-12-15"),
          phase("R4").line("a").plan("P").tier(2).arr(15_000).from("2026-03-01")
              .signed("2024-12-15"),
          phase("R4").line("b").plan("S").tier(1).arr(1_000).from("2026-03-05"));

      assertThat(ledger(report, "2026-03", "R1").components().get("upsellRamp"))
          .isEqualByComparingTo("5000");
      assertThat(ledger(report, "2026-03", "R2").components().get("upsellRamp"))
          .isEqualByComparingTo("0");
      assertThat(ledger(report, "2026-03", "R3").components().get("upsellRamp"))
          .isEqualByComparingTo("5000");
      assertThat(ledger(report, "2026-03", "R4").components().get("upsell"))
          .isEqualByComparingTo("6000");
      assertThat(ledger(report, "2026-03", "R4").components().get("upsellRamp"))
          .isEqualByComparingTo("0");
      assertValue(report, "2026-03", "arr.upsell", "21000");
      assertValue(report, "2026-03", "arr.upsellRamp", "10000");
    }
  }

  @Nested
  class LogoStatus {
    @Test
    void aReturningCustomerIsReactivatedNotNew() {
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("N").seats(3).arr(3_000).from("2026-03-10"),
          phase("R").seats(5).arr(5_000).from("2025-01-01").until("2025-06-01"),
          phase("R").seats(10).arr(10_000).from("2026-03-10"));

      assertValue(report, "2026-03", "logos.new", "1");
      assertValue(report, "2026-03", "logos.reactivated", "1");
      assertValue(report, "2026-03", "arr.newLogo", "3000");
      assertValue(report, "2026-03", "arr.reactivation", "10000");
      assertValue(report, "2026-03", "seats.new", "13");
      assertValue(report, "2026-03", "upsellUsers", "0");
      assertThat(ledger(report, "2026-03", "R").status()).isEqualTo("REACTIVATED");
    }

    @Test
    void aCancellationEffectiveOnTheLastDayShowsAsChurnInThatPeriod() {
      NaiveReport report = report(monthly("2026-03", "2026-04"),
          phase("D").seats(4).arr(40_000).from("2024-09-01").until("2026-03-31"));

      assertValue(report, "2026-03", "arr.churn", "-40000");
      assertValue(report, "2026-03", "logos.churned", "-1");
      assertValue(report, "2026-03", "seats.churned", "-4");
      assertValue(report, "2026-04", "arr.starting", "0");
    }

    @Test
    void nonBillablePhasesContributeNothingButEndTheOpenEndedPhaseBefore() {
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("T").seats(5).arr(5_000).from("2025-01-01"),
          phase("T").seats(5).arr(5_000).from("2026-03-10")
              .status(dev.upshift.input.PhaseStatus.SUSPENDED));

      assertValue(report, "2026-03", "arr.churn", "-5000");
      assertValue(report, "2026-03", "arr.ending", "0");
    }
  }

  @Nested
  class ContractedBook {
    @Test
    void aCancellationCountsWhenNoticeIsSigned() {
      PhaseBuilder[] rows = {
          phase("K").seats(12).arr(12_000).from("2025-01-01").until("2026-04-30")
              .cancelSigned("2026-02-10")};

      NaiveReport contracted = report(monthly("2026-02", "2026-04").book(Book.CONTRACTED), rows);
      NaiveReport live = report(monthly("2026-02", "2026-04"), rows);

      assertValue(contracted, "2026-02", "arr.churn", "-12000");
      assertValue(contracted, "2026-04", "arr.churn", "0");
      assertValue(live, "2026-02", "arr.churn", "0");
      assertValue(live, "2026-04", "arr.churn", "-12000");
    }

    @Test
    void aNewLogoCountsWhenSignedEvenIfItStartsLater() {
      PhaseBuilder[] rows = {
          phase("B").seats(36).arr(36_000).from("2026-04-01").signed("2026-02-20")};

      NaiveReport contracted = report(monthly("2026-02", "2026-04").book(Book.CONTRACTED), rows);
      NaiveReport live = report(monthly("2026-02", "2026-04"), rows);

      assertValue(contracted, "2026-02", "arr.newLogo", "36000");
      assertValue(contracted, "2026-02", "seats.new", "36");
      assertValue(contracted, "2026-04", "arr.newLogo", "0");
      assertValue(live, "2026-02", "arr.newLogo", "0");
      assertValue(live, "2026-04", "arr.newLogo", "36000");
    }

    @Test
    void everyStepOfARampCountsFromTheDayItWasSigned() {
      PhaseBuilder[] rows = {
          phase("E").plan("S").tier(1).arr(10_000).from("2026-03-01").until("2026-06-01")
              .signed("2026-02-15"),
          phase("E").plan("P").tier(2).arr(20_000).from("2026-06-01").signed("2026-02-15")};

      NaiveReport contracted = report(monthly("2026-02", "2026-06").book(Book.CONTRACTED), rows);
      NaiveReport live = report(monthly("2026-02", "2026-06"), rows);

      // The boundary on 2026-06-01 is not an ending: CARR is the last step from signing.
      assertValue(contracted, "2026-02", "arr.newLogo", "20000");
      assertValue(contracted, "2026-06", "arr.upsell", "0");
      assertValue(contracted, "2026-06", "arr.ending", "20000");
      assertValue(live, "2026-03", "arr.newLogo", "10000");
      assertValue(live, "2026-06", "arr.upsell", "10000");
      assertValue(live, "2026-06", "arr.upsellRamp", "10000");
    }

    @Test
    void aSeatIncreaseCountsWhenSignedNotWhenEffective() {
      PhaseBuilder[] rows = {
          phase("S").seats(10).arr(10_000).from("2025-01-01").until("2026-05-01"),
          phase("S").seats(20).arr(20_000).from("2026-05-01").signed("2026-03-12")};

      NaiveReport contracted = report(monthly("2026-03", "2026-05").book(Book.CONTRACTED), rows);

      assertValue(contracted, "2026-03", "arr.addOnSeats", "10000");
      assertValue(contracted, "2026-03", "upsellUsers", "1");
      assertValue(contracted, "2026-05", "arr.addOnSeats", "0");
    }
  }

  @Nested
  class UpsellUsers {
    @Test
    void aSameMonthReversalRecordsNothing() {
      NaiveReport report = report(monthly("2026-06", "2026-06"),
          phase("S").seats(5).arr(5_000).from("2025-01-01").until("2026-06-10"),
          phase("S").seats(10).arr(10_000).from("2026-06-10").until("2026-06-20"),
          phase("S").seats(5).arr(5_000).from("2026-06-20"),
          // 5 → 10 → 7 nets to +2 and counts once.
          phase("V").seats(5).arr(5_000).from("2025-01-01").until("2026-06-10"),
          phase("V").seats(10).arr(10_000).from("2026-06-10").until("2026-06-20"),
          phase("V").seats(7).arr(7_000).from("2026-06-20"));

      assertThat(ledger(report, "2026-06", "S").components().values())
          .allSatisfy(v -> assertThat(v).isEqualByComparingTo("0"));
      assertThat(ledger(report, "2026-06", "S").upsellUser()).isFalse();
      assertValue(report, "2026-06", "upsellUsers", "1");
      assertValue(report, "2026-06", "seats.expansion", "2");
      assertValue(report, "2026-06", "arr.addOnSeats", "2000");
    }

    @Test
    void trailingCountsAreDistinctCustomersAndReachBeforeFrom() {
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          // X adds seats in January, February and March: one customer.
          phase("X").seats(10).arr(1_000).from("2025-01-01").until("2026-01-10"),
          phase("X").seats(11).arr(1_100).from("2026-01-10").until("2026-02-10"),
          phase("X").seats(12).arr(1_200).from("2026-02-10").until("2026-03-10"),
          phase("X").seats(13).arr(1_300).from("2026-03-10"),
          // Y adds seats in January only.
          phase("Y").seats(10).arr(1_000).from("2025-01-01").until("2026-01-10"),
          phase("Y").seats(11).arr(1_100).from("2026-01-10"),
          // Z adds seats in December 2025: inside T12, outside T3.
          phase("Z").seats(10).arr(1_000).from("2025-01-01").until("2025-12-10"),
          phase("Z").seats(11).arr(1_100).from("2025-12-10"));

      assertValue(report, "2026-03", "upsellUsers", "1");
      assertValue(report, "2026-03", "upsellUsersT3", "2");
      assertValue(report, "2026-03", "upsellUsersT12", "3");
      // growth of upsell users vs February (X alone): 1 → 1.
      assertValue(report, "2026-03", "growth.upsellUsers", "0");
    }
  }

  @Nested
  class UpsellRate {
    private final PhaseBuilder[] quarterRows = {
        phase("A").seats(10).arr(10_000).from("2025-06-01").until("2026-01-20"),
        phase("A").seats(12).arr(12_000).from("2026-01-20"),
        phase("B").seats(10).arr(10_000).from("2026-01-10"),
        phase("C").seats(10).arr(10_000).from("2025-06-01").until("2026-02-20"),
        phase("C").seats(11).arr(11_000).from("2026-02-20"),
        phase("D").seats(10).arr(10_000).from("2025-06-01").until("2026-01-15")};

    @Test
    void quarterToDateCountsDistinctCustomersMonthByMonthFromTheFiscalQuarterStart() {
      NaiveReport report = report(monthly("2026-02", "2026-02"), quarterRows);

      // February alone: A, B, C eligible (active at Jan 31); C upsold.
      assertValue(report, "2026-02", "upsellRate.eligible", "3");
      assertValue(report, "2026-02", "upsellRate.upsold", "1");
      assertValue(report, "2026-02", "upsellRate.upsoldArr", "1000");
      // January (before --from) and February: A, C, D eligible in January, B in February;
      // A upsold in January, C in February.
      assertValue(report, "2026-02", "upsellRate.qtdEligible", "4");
      assertValue(report, "2026-02", "upsellRate.qtdUpsold", "2");
      assertValue(report, "2026-02", "upsellRate.qtdRate", "50");
    }

    @Test
    void quarterToDateFollowsTheFiscalQuarter() {
      // With the fiscal year starting in February, February opens a quarter.
      NaiveReport report = report(monthly("2026-02", "2026-02").fiscalYearStart(2), quarterRows);

      assertValue(report, "2026-02", "upsellRate.qtdEligible", "3");
      assertValue(report, "2026-02", "upsellRate.qtdUpsold", "1");
    }

    @Test
    void rateIsNullWhenNoCustomerIsEligible() {
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("N").seats(3).arr(3_000).from("2026-03-10"));

      assertValue(report, "2026-03", "upsellRate.eligible", "0");
      assertThat(report.value("2026-03", "upsellRate.rate")).isNull();
      assertThat(report.value("2026-03", "upsellRate.avgUpsoldArr")).isNull();
      assertThat(report.value("2026-03", "retention.nrr")).isNull();
      assertThat(report.value("2026-03", "growth.endingArr")).isNull();
    }

    private final PhaseBuilder[] anyVersusNetRows = {
        // Q: +5 seats in January, −5 in February: nothing over the quarter.
        phase("Q").plan("Team").seats(10).arr(10_000).from("2025-01-01").until("2026-01-15"),
        phase("Q").plan("Team").seats(15).arr(15_000).from("2026-01-15").until("2026-02-15"),
        phase("Q").plan("Team").seats(10).arr(10_000).from("2026-02-15"),
        // W: +600 of price in January and again in February: +1,200 over the quarter.
        phase("W").plan("Team").arr(10_000).from("2025-01-01").until("2026-01-10"),
        phase("W").plan("Team").arr(10_600).from("2026-01-10").until("2026-02-10"),
        phase("W").plan("Team").arr(11_200).from("2026-02-10")};

    @Test
    void aReturnWithinThePeriodIsNeverAnUpsellButALaterUpgradeIs() {
      // R churns in January and returns in February at a higher tier: not upsold under any.
      // S churns in January, returns in February at the same tier, then upgrades in March: upsold.
      NaiveReport any = reportWithPlans(ReportOptions.builder().grain(Grain.QUARTER)
              .from(YearMonth.parse("2026-01")).to(YearMonth.parse("2026-03")),
          phase("R").product("platform").plan("Standard").seats(10).arr(10_000).from("2025-01-01").until("2026-01-20"),
          phase("R").product("platform").plan("Enterprise").seats(10).arr(30_000).from("2026-02-10"),
          phase("S").product("platform").plan("Standard").seats(10).arr(10_000).from("2025-01-01").until("2026-01-20"),
          phase("S").product("platform").plan("Standard").seats(10).arr(10_000).from("2026-02-10").until("2026-03-05"),
          phase("S").product("platform").plan("Premium").seats(10).arr(14_000).from("2026-03-05"));

      assertValue(any, "2026-Q1", "upsellRate.eligible", "2");
      assertValue(any, "2026-Q1", "upsellRate.upsold", "1");
      assertValue(any, "2026-Q1", "upsellRate.upsoldArr", "4000");
      assertThat(ledger(any, "2026-Q1", "R").upsold()).isFalse();
      assertThat(ledger(any, "2026-Q1", "S").upsold()).isTrue();
    }

    @Test
    void onlyMembersWhoseConditionHoldsBringTheirComponents() {
      // Platform: Standard 10 seats 10,000 → Premium 12 seats 15,000 (add-on seats 2,000, upsell
      // 3,000); its other product loses 5 of 10 seats, so total seats fall: 20 → 17. Under
      // tier,seats the customer is upsold by tier alone and brings its upsell ARR alone.
      NaiveReport report = reportWithPlans(monthly("2026-03", "2026-03")
              .upsellDefinition(Set.of(UpsellMember.TIER, UpsellMember.SEATS)),
          phase("M").product("platform").plan("Standard").seats(10).arr(10_000)
              .from("2025-01-01").until("2026-03-10"),
          phase("M").product("platform").plan("Premium").seats(12).arr(15_000).from("2026-03-10"),
          phase("M").product("reports").plan("Team").seats(10).arr(5_000)
              .from("2025-01-01").until("2026-03-10"),
          phase("M").product("reports").plan("Team").seats(5).arr(2_500).from("2026-03-10"));

      assertValue(report, "2026-03", "arr.addOnSeats", "2000");
      assertValue(report, "2026-03", "arr.upsell", "3000");
      assertValue(report, "2026-03", "upsellUsers", "0");
      assertValue(report, "2026-03", "upsellRate.upsold", "1");
      assertValue(report, "2026-03", "upsellRate.upsoldArr", "3000");
    }

    @Test
    void anyCountingLooksAtEachMonthOnItsOwn() {
      ReportOptions.Builder options = ReportOptions.builder().grain(Grain.QUARTER)
          .from(YearMonth.parse("2026-01")).to(YearMonth.parse("2026-03"))
          .minExpansionArr(BigDecimal.valueOf(1_000));

      NaiveReport any = report(options.rateCounting(RateCounting.ANY), anyVersusNetRows);
      NaiveReport net = report(options.rateCounting(RateCounting.NET), anyVersusNetRows);

      // any: Q's January qualifies (5,000 ≥ 1,000); W's months (600 each) do not.
      assertValue(any, "2026-Q1", "upsellRate.eligible", "2");
      assertValue(any, "2026-Q1", "upsellRate.upsold", "1");
      assertValue(any, "2026-Q1", "upsellRate.upsoldArr", "5000");
      // net: Q has no movement over the quarter; W has 1,200 ≥ 1,000.
      assertValue(net, "2026-Q1", "upsellRate.upsold", "1");
      assertValue(net, "2026-Q1", "upsellRate.upsoldArr", "1200");
      assertThat(ledger(net, "2026-Q1", "W").upsold()).isTrue();
      assertThat(ledger(any, "2026-Q1", "Q").upsold()).isTrue();
    }

    @Test
    void anyCountingSumsTheQualifyingMonths() {
      NaiveReport any = report(ReportOptions.builder().grain(Grain.QUARTER)
          .from(YearMonth.parse("2026-01")).to(YearMonth.parse("2026-03")), anyVersusNetRows);

      assertValue(any, "2026-Q1", "upsellRate.upsold", "2");
      assertValue(any, "2026-Q1", "upsellRate.upsoldArr", "6200");
      assertValue(any, "2026-Q1", "upsellRate.rate", "100");
      assertValue(any, "2026-Q1", "upsellRate.avgUpsoldArr", "3100");
      assertThat(any.value("2026-Q1", "upsellRate.qtdRate")).isNull();
    }

    @Test
    void theSeatsDefinitionAloneHasItsThresholdInSeats() {
      NaiveReport report = report(monthly("2026-01", "2026-01")
              .upsellDefinition(Set.of(UpsellMember.SEATS)).minExpansionArr(BigDecimal.valueOf(5)),
          phase("Q").seats(10).arr(10_000).from("2025-01-01").until("2026-01-15"),
          phase("Q").seats(15).arr(15_000).from("2026-01-15"),
          phase("P").seats(10).arr(10_000).from("2025-01-01").until("2026-01-15"),
          phase("P").seats(14).arr(14_000).from("2026-01-15"));

      assertValue(report, "2026-01", "upsellRate.upsold", "1");
      assertValue(report, "2026-01", "upsellRate.upsoldArr", "5000");
    }

    @Test
    void tenureAndTopTierLimitEligibility() {
      NaiveReport report = reportWithPlans(monthly("2026-03", "2026-03").minTenureMonths(6)
              .excludeTopTier(true),
          phase("Old").product("platform").plan("Standard").arr(1_000).from("2025-01-01"),
          phase("Young").product("platform").plan("Standard").arr(1_000).from("2025-10-02"),
          phase("Top").product("platform").plan("Enterprise").arr(1_000).from("2025-01-01"),
          phase("Unknown").product("platform").plan("Custom").arr(1_000).from("2025-01-01"));

      // Young has 4 whole months at 2026-03-01; Top has no upgrade path; an unknown tier is
      // never at the top.
      assertValue(report, "2026-03", "upsellRate.eligible", "2");
    }
  }

  @Nested
  class RetentionAndGrowth {
    @Test
    void retentionComparesTheSameCustomersAndTwelveMonthsBack() {
      NaiveReport report = report(monthly("2026-03", "2026-03"),
          phase("A").arr(1_000).from("2025-01-01").until("2026-03-10"),
          phase("A").arr(1_500).from("2026-03-10"),
          phase("B").arr(1_000).from("2025-01-01").until("2026-03-10"),
          phase("B").arr(500).from("2026-03-10"),
          phase("C").arr(1_000).from("2025-06-01"));

      // Month: base 3,000 → 3,000; gross 1,000 + 500 + 1,000.
      assertValue(report, "2026-03", "retention.nrr", "100");
      assertValue(report, "2026-03", "retention.grr", "83.33333333333333333333");
      // 12 months: customers active on 2025-03-31 are A and B: 2,000 → 2,000; gross 1,500.
      assertValue(report, "2026-03", "retention.nrr12m", "100");
      assertValue(report, "2026-03", "retention.grr12m", "75");
      assertValue(report, "2026-03", "ratios.arpa", "1000");
      assertValue(report, "2026-03", "growth.endingArr", "0");
    }
  }

  @Nested
  class Segments {
    @Test
    void eachCustomerFallsInOneValueAndValuesSumToTheTotal() {
      Dataset data = Dataset.builder()
          .addAll(phases(
              phase("A").arr(5_000).from("2025-01-01"),
              phase("B").arr(20_000).from("2026-01-15"),
              phase("C").arr(60_000).from("2023-01-01").until("2026-02-10")))
          .customers(CustomerAttributes.of(List.of("channel"),
              Map.of("A", Map.of("channel", "direct"), "B", Map.of("channel", "partner"))))
          .build();
      NaiveReport report = EngineAgreement.computeBoth(data,
          monthly("2026-02", "2026-02").by(List.of("initial_arr", "tenure", "channel")).build());

      assertThat(report.segmentValues("initial_arr")).containsExactly("10K-50K", "<10K", ">50K");
      // A was 12 months old in January: "7-12" appears only through its growth of −100%.
      assertThat(report.segmentValues("tenure")).containsExactly("0-6", "13-24", "25+", "7-12");
      assertThat(report.segmentValue("tenure", "7-12", "2026-02", "arr.ending"))
          .isEqualByComparingTo("0");
      assertThat(report.segmentValue("tenure", "7-12", "2026-02", "growth.endingArr"))
          .isEqualByComparingTo("-100");
      assertThat(report.segmentValues("channel")).containsExactly("Unknown", "direct", "partner");
      assertThat(report.segmentValue("channel", "Unknown", "2026-02", "arr.churn"))
          .isEqualByComparingTo("-60000");
      BigDecimal sum = BigDecimal.ZERO;
      for (String value : report.segmentValues("tenure")) {
        sum = sum.add(report.segmentValue("tenure", value, "2026-02", "arr.ending"));
      }
      assertThat(sum).isEqualByComparingTo(report.value("2026-02", "arr.ending"));
    }

    @Test
    void whereFiltersTheWholeReport() {
      NaiveReport report = report(monthly("2026-02", "2026-02")
              .where(new SegmentFilter("initial_arr", "<10K")),
          phase("A").arr(5_000).from("2025-01-01"),
          phase("B").arr(20_000).from("2025-01-01"));

      assertValue(report, "2026-02", "arr.ending", "5000");
      assertValue(report, "2026-02", "logos.ending", "1");
    }

    @Test
    void anUnknownDimensionIsRejected() {
      assertThatThrownBy(() -> report(monthly("2026-02", "2026-02").by(List.of("colour")),
          phase("A").arr(5_000).from("2025-01-01")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
    }

    @Test
    void bucketEdgesUseKAndMSuffixesForWholeAmounts() {
      assertThat(NaiveEngine.edgeLabel(new BigDecimal("10000"))).isEqualTo("10K");
      assertThat(NaiveEngine.edgeLabel(new BigDecimal("1500000"))).isEqualTo("1.5M");
      assertThat(NaiveEngine.edgeLabel(new BigDecimal("999"))).isEqualTo("999");
    }
  }

  @Test
  void defaultRangeRunsFromTheFirstStartToTheLastStartOrEndMonth() {
    NaiveReport report = EngineAgreement.computeBoth(dataset(
            phase("A").arr(1_000).from("2025-11-20").until("2026-02-01")),
        ReportOptions.defaults());

    assertThat(report.periodLabels()).containsExactly("2025-11", "2025-12", "2026-01", "2026-02");
    // end_date is exclusive: in force through January 31, so the churn is February's.
    assertValue(report, "2026-01", "arr.churn", "0");
    assertValue(report, "2026-02", "arr.churn", "-1000");
  }
}
