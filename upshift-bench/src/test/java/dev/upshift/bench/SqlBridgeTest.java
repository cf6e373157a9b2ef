package dev.upshift.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.time.Grain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SQL peer computes the same monthly figures as Upshift on generated data, so timing the two
 * side by side compares equal work: starting and ending ARR, newLogo, reactivation, churn, the
 * expansion and contraction totals, the seat waterfall and Upsell Users, every month.
 */
class SqlBridgeTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {5, 42})
  void sqlAgreesWithUpshiftOnGeneratedData(long seed) throws Exception {
    SampleGenerator.of(SampleOptions.of(600, 24, seed)).writeTo(dir);
    Report report = Upshift.report(DatasetReader.read(InputFiles.of(dir.resolve("subscriptions.csv"))
        .withPlans(dir.resolve("plans.csv")).withFx(dir.resolve("fx.csv"))).dataset(),
        ReportOptions.builder().grain(Grain.MONTH).build());

    List<SqlBridge.Month> sql = SqlBridge.compute(dir.resolve("subscriptions.csv"), dir.resolve("fx.csv"));

    assertThat(sql).extracting(SqlBridge.Month::month)
        .containsExactlyElementsOf(report.periods().stream().map(PeriodReport::period).toList());
    for (int i = 0; i < sql.size(); i++) {
      SqlBridge.Month m = sql.get(i);
      PeriodReport p = report.periods().get(i);
      String month = m.month();
      assertThat(m.starting()).as(month + " starting").isEqualByComparingTo(p.arr().starting());
      assertThat(m.newLogo()).as(month + " newLogo").isEqualByComparingTo(p.arr().newLogo());
      assertThat(m.reactivation()).as(month + " reactivation").isEqualByComparingTo(p.arr().reactivation());
      assertThat(m.expansion()).as(month + " expansion").isEqualByComparingTo(p.arr().expansion());
      assertThat(m.contraction()).as(month + " contraction").isEqualByComparingTo(p.arr().contraction());
      assertThat(m.churn()).as(month + " churn").isEqualByComparingTo(p.arr().churn());
      assertThat(m.ending()).as(month + " ending").isEqualByComparingTo(p.arr().ending());
      assertThat(List.of(m.seatsStarting(), m.seatsNew(), m.seatsExpansion(), m.seatsChurned(),
          m.seatsDowngraded(), m.seatsEnding())).as(month + " seats")
          .containsExactly(p.seats().starting(), p.seats().newSeats(), p.seats().expansion(),
              p.seats().churned(), p.seats().downgraded(), p.seats().ending());
      assertThat(m.upsellUsers()).as(month + " upsellUsers").isEqualTo(p.upsellUsers());
    }
  }
}
