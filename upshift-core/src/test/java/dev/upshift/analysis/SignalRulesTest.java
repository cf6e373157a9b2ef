package dev.upshift.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.money.Micros;
import dev.upshift.metric.Rates;
import dev.upshift.report.ArrBridge;
import dev.upshift.report.CustomerCounts;
import dev.upshift.report.Growth;
import dev.upshift.report.Logos;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Ratios;
import dev.upshift.report.Retention;
import dev.upshift.report.SeatWaterfall;
import dev.upshift.report.UpsellRateFigures;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Good / Watch / Bad rules of §6.6 on hand-made periods. */
class SignalRulesTest {
  /** Periods from 2025-01 with the given logos at start, new logos, Upsell Users and seats. */
  private static final class Periods {
    final List<PeriodReport> list = new ArrayList<>();

    Periods add(long logosStarting, long newLogos, long upsellUsers, long seatsStarting,
        long seatsEnding) {
      YearMonth month = YearMonth.of(2025, 1).plusMonths(list.size());
      BigDecimal zero = BigDecimal.ZERO.setScale(6);
      ArrBridge arr = new ArrBridge(zero, zero, zero, zero, zero, zero, zero, zero, zero, zero,
          zero, zero, zero, zero, zero, zero, zero);
      list.add(new PeriodReport(month.toString(), month.atDay(1), month.atEndOfMonth(), arr,
          new Logos(logosStarting, newLogos, 0, 0, logosStarting + newLogos),
          new CustomerCounts(0, 0, 0, 0, 0, 0, 0, 0),
          new SeatWaterfall(seatsStarting, 0, 0, 0, 0, seatsEnding), upsellUsers, 0, 0,
          new UpsellRateFigures(0, 0, null, zero, null, null, null, null, null, null),
          new Retention(null, null, null, null),
          new Ratios(null, null, null, Rates.percent(upsellUsers, logosStarting), null),
          new Growth(null, null, null, null)));
      return this;
    }
  }

  private static long[] spread(int customers) {
    long[] arr = new long[customers];
    java.util.Arrays.fill(arr, Micros.ofUnits(1_000));
    return arr;
  }

  @Test
  void upsellUsers_isGood_whenShareRoseAndExpansionIsSpread() {
    Periods p = new Periods().add(100, 5, 4, 1000, 1000).add(100, 5, 5, 1000, 1000)
        .add(100, 5, 5, 1000, 1000).add(100, 5, 6, 1000, 1000);
    Signals.Signal signal = SignalRules.upsellUsers(p.list, spread(20));

    assertThat(signal.status()).isEqualTo(Signals.Status.GOOD);
    assertThat(signal.figures().get("shareOfLogosBefore")).isEqualByComparingTo("4.00");
    assertThat(signal.figures().get("shareOfLogos")).isEqualByComparingTo("6.00");
    assertThat(signal.figures().get("topDecileCustomers")).isEqualByComparingTo("2");
    assertThat(signal.figures().get("topDecileShare")).isEqualByComparingTo("10.00");
    assertThat(signal.reasons()).anyMatch(r -> r.contains("rose"))
        .anyMatch(r -> r.contains("under 50%"));
  }

  @Test
  void upsellUsers_isWatch_whenTheRiseIsConcentratedInTheTopTenPercent() {
    Periods p = new Periods().add(100, 5, 4, 1000, 1000).add(100, 5, 5, 1000, 1000)
        .add(100, 5, 5, 1000, 1000).add(100, 5, 6, 1000, 1000);
    long[] arr = spread(10);
    arr[0] = Micros.ofUnits(9_000); // one of ten customers brings 50%
    Signals.Signal signal = SignalRules.upsellUsers(p.list, arr);

    assertThat(signal.figures().get("topDecileShare")).isEqualByComparingTo("50.00");
    assertThat(signal.status()).isEqualTo(Signals.Status.WATCH);
  }

  @Test
  void upsellUsers_isBad_whenNobodyExpandedWhileNewLogosArrived() {
    Periods p = new Periods().add(100, 5, 4, 1000, 1000).add(100, 5, 0, 1000, 1000);
    Signals.Signal signal = SignalRules.upsellUsers(p.list, new long[0]);

    assertThat(signal.status()).isEqualTo(Signals.Status.BAD);
    assertThat(signal.reasons()).anyMatch(r -> r.contains("No Upsell User in 2025-02 while 5 new"));
    assertThat(signal.figures().get("shareOfLogosBefore")).isNull(); // too short for a trend
  }

  @Test
  void upsellUsers_isBad_whenTheShareFellInEachOfTheLastThreePeriods() {
    Periods p = new Periods().add(100, 0, 8, 1000, 1000).add(100, 0, 7, 1000, 1000)
        .add(100, 0, 6, 1000, 1000).add(100, 0, 5, 1000, 1000);
    Signals.Signal signal = SignalRules.upsellUsers(p.list, spread(20));

    assertThat(signal.status()).isEqualTo(Signals.Status.BAD);
    assertThat(signal.figures().get("periodsShareFell")).isEqualByComparingTo("3");
    assertThat(signal.reasons()).anyMatch(r -> r.contains("8.00% → 7.00% → 6.00% → 5.00%"));
  }

  @Test
  void totalUsers_isGood_whenSeatsGrowAtLeastAsFastAsLogos() {
    // Over the window: seats 1,000 → 1,100 (+10%), logos 100 → 110 (+10%).
    Periods p = new Periods().add(100, 4, 0, 1000, 1040).add(104, 3, 0, 1040, 1070)
        .add(107, 3, 0, 1070, 1100);
    Signals.Signal signal = SignalRules.totalUsers(p.list);

    assertThat(signal.status()).isEqualTo(Signals.Status.GOOD);
    assertThat(signal.figures().get("seatGrowth")).isEqualByComparingTo("10.00");
    assertThat(signal.figures().get("logoGrowth")).isEqualByComparingTo("10.00");
    assertThat(signal.reasons().get(0)).contains("1,000 to 1,100");
  }

  @Test
  void totalUsers_isWatch_whenSeatsGrowSlowerThanLogos() {
    Periods p = new Periods().add(100, 10, 0, 1000, 1050);
    assertThat(SignalRules.totalUsers(p.list).status()).isEqualTo(Signals.Status.WATCH);
  }

  @Test
  void totalUsers_isBad_whenSeatsShrinkWhileNewLogosArrive() {
    Periods p = new Periods().add(100, 2, 0, 1000, 990);
    Signals.Signal signal = SignalRules.totalUsers(p.list);
    assertThat(signal.status()).isEqualTo(Signals.Status.BAD);
    assertThat(signal.reasons().get(0)).contains("seats shrank while 2 new logos arrived");
  }

  @Test
  void totalUsers_isWatch_withoutAStartingBase() {
    Periods p = new Periods().add(0, 10, 0, 0, 50);
    Signals.Signal signal = SignalRules.totalUsers(p.list);
    assertThat(signal.status()).isEqualTo(Signals.Status.WATCH);
    assertThat(signal.figures().get("seatGrowth")).isNull();
  }
}
