package dev.upshift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.Dataset;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.movement.Component;
import dev.upshift.report.ArrBridge;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.testing.RandomDatasets;
import dev.upshift.testing.ReportFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The identities that must hold exactly for any data and any options (§4.2, §5, §6.1, §7.3). */
class IdentityProperties {

  @Property(tries = 300)
  void endingEqualsStartingPlusMovements(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    ReportOptions options = RandomDatasets.options(seed);
    Report report = Upshift.report(RandomDatasets.dataset(seed), options);
    List<PeriodReport> all = new ArrayList<>(report.periods());
    report.segments().values().forEach(values -> values.values().forEach(all::addAll));
    for (PeriodReport p : all) {
      ArrBridge a = p.arr();
      BigDecimal expansion = a.upsell().add(a.addOnSeats()).add(a.addOnPrice()).add(a.crossSell());
      BigDecimal contraction = a.downsell().add(a.reductionSeats()).add(a.reductionPrice())
          .add(a.productChurn());
      BigDecimal netNew = a.newLogo().add(a.reactivation()).add(expansion).add(contraction)
          .add(a.churn());
      assertThat(a.expansion()).isEqualByComparingTo(expansion).isNotNegative();
      assertThat(a.contraction()).isEqualByComparingTo(contraction).isNotPositive();
      assertThat(a.netNew()).isEqualByComparingTo(netNew);
      assertThat(a.ending()).isEqualByComparingTo(a.starting().add(netNew));
      assertThat(a.upsellRamp()).isBetween(BigDecimal.ZERO, a.upsell());

      assertThat(p.logos().ending()).isEqualTo(p.logos().starting() + p.logos().newLogos()
          + p.logos().reactivated() + p.logos().churned());
      assertThat(p.seats().ending()).isEqualTo(p.seats().starting() + p.seats().newSeats()
          + p.seats().expansion() + p.seats().churned() + p.seats().downgraded());
      if (options.grain() == dev.upshift.time.Grain.MONTH) {
        // A quarter can net an increase through a month at zero seats (10 → 0 → 15), which no
        // single month counts; a month is always inside its own trailing window.
        assertThat(p.upsellUsers()).isLessThanOrEqualTo(p.upsellUsersT3());
      }
      assertThat(p.upsellUsersT3()).isLessThanOrEqualTo(p.upsellUsersT12());
      assertThat(p.upsellRate().upsold()).isLessThanOrEqualTo(p.upsellRate().eligible());
    }
  }

  @Property(tries = 200)
  void segmentFiguresAddUpToTheTotal(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Dataset dataset = RandomDatasets.dataset(seed);
    ReportOptions options = RandomDatasets.options(seed).toBuilder()
        .by(List.of("tenure", "initial_arr", "health", "plan", "cohort", "channel")).build();
    Report report = Upshift.report(dataset, options);
    for (Map<String, List<PeriodReport>> values : report.segments().values()) {
      for (int i = 0; i < report.periods().size(); i++) {
        SortedMap<String, BigDecimal> total = additive(report.periods().get(i));
        SortedMap<String, BigDecimal> sum = new TreeMap<>();
        for (List<PeriodReport> periods : values.values()) {
          additive(periods.get(i)).forEach((k, v) -> sum.merge(k, v, BigDecimal::add));
        }
        total.forEach((key, value) -> assertThat(sum.getOrDefault(key, BigDecimal.ZERO))
            .as(key).isEqualByComparingTo(value));
      }
    }
  }

  @Property(tries = 200)
  void ledgerRowsSumToTheReport(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Dataset dataset = RandomDatasets.dataset(seed);
    ReportOptions options = RandomDatasets.options(seed);
    List<CustomerPeriod> ledger = new ArrayList<>();
    Report report = Upshift.report(dataset, options, ledger::add);

    Map<Integer, long[]> sums = new HashMap<>();
    for (CustomerPeriod row : ledger) {
      assertThat(row.inLedger()).isTrue();
      long[] s = sums.computeIfAbsent(row.periodIndex(), k -> new long[Component.count() + 6]);
      for (Component c : Component.values()) {
        s[c.ordinal()] += row.movement().component(c);
      }
      int base = Component.count();
      s[base] += row.movement().arr0();
      s[base + 1] += row.movement().arr1();
      s[base + 2] += row.movement().seats0();
      s[base + 3] += row.movement().seats1();
      s[base + 4] += row.eligible() ? 1 : 0;
      s[base + 5] += row.upsoldArr();
    }
    for (int i = 0; i < report.periods().size(); i++) {
      PeriodReport p = report.periods().get(i);
      long[] s = sums.getOrDefault(i + 1, new long[Component.count() + 6]);
      SortedMap<String, BigDecimal> figures = ReportFigures.flatten(p);
      for (Component c : Component.values()) {
        assertThat(micros(figures.get("arr." + c.jsonName()))).as(c.jsonName()).isEqualTo(s[c.ordinal()]);
      }
      int base = Component.count();
      assertThat(micros(p.arr().starting())).isEqualTo(s[base]);
      assertThat(micros(p.arr().ending())).isEqualTo(s[base + 1]);
      assertThat(p.seats().starting()).isEqualTo(s[base + 2]);
      assertThat(p.seats().ending()).isEqualTo(s[base + 3]);
      assertThat(p.upsellRate().eligible()).isEqualTo(s[base + 4]);
      assertThat(micros(p.upsellRate().upsoldArr())).isEqualTo(s[base + 5]);
    }
  }

  /**
   * Reports without a ledger run on the columnar kernel, reports with one on the record-based
   * evaluator (which also serves explanations and the analysis): both must give the same report.
   */
  @Property(tries = 200)
  void theKernelAndTheLedgerPathGiveTheSameReport(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Dataset dataset = RandomDatasets.dataset(seed);
    ReportOptions options = RandomDatasets.options(seed).toBuilder()
        .by(List.of("tenure", "initial_arr", "health", "plan", "cohort", "channel")).build();
    Report kernel = Upshift.report(dataset, options);
    Report ledgerPath = Upshift.report(dataset, options, row -> { });
    assertThat(ledgerPath).isEqualTo(kernel);
  }

  private static long micros(BigDecimal amount) {
    return amount.movePointRight(6).longValueExact();
  }

  /** The figures that are sums over customers (not rates, ratios, growth, retention). */
  private static SortedMap<String, BigDecimal> additive(PeriodReport period) {
    SortedMap<String, BigDecimal> figures = ReportFigures.flatten(period);
    figures.keySet().removeIf(key -> key.startsWith("ratios.") || key.startsWith("growth.")
        || key.startsWith("retention.") || key.endsWith("Rate") || key.equals("upsellRate.rate")
        || key.equals("upsellRate.avgUpsoldArr") || key.equals("upsellRate.status"));
    figures.values().removeIf(java.util.Objects::isNull);
    return figures;
  }
}
