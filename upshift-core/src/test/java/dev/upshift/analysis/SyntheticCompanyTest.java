package dev.upshift.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** The analyses on a generated multi-year company, where the truth is known in outline. */
class SyntheticCompanyTest {
  @Test
  void forecast_backtest_onThreeYears_isAccurateEnoughToTrust() {
    SyntheticCompany.Company company =
        new SyntheticCompany(7L, YearMonth.of(2022, 1), 36, 60).generate();
    ReportOptions options = ReportOptions.builder().from(YearMonth.of(2023, 1))
        .to(company.to()).build();
    Report report = Upshift.analyze(company.dataset(), options,
        AnalysisOptions.defaults().withInitiatives(company.initiatives()), null);
    Forecast forecast = report.analysis().forecast();

    assertThat(forecast.backtest().points()).hasSize(6);
    assertThat(forecast.backtest().points())
        .allSatisfy(p -> assertThat(p.windowPeriods()).isEqualTo(6));
    // About 100 upsold customers a month: the binomial noise alone is about 10%.
    assertThat(forecast.backtest().mape()).isLessThan(java.math.BigDecimal.valueOf(20));
    assertThat(forecast.backtest().intervalCoverage())
        .isGreaterThanOrEqualTo(java.math.BigDecimal.valueOf(50));
    assertThat(forecast.expectedUpsold()).isBetween(forecast.upsoldLow(), forecast.upsoldHigh());
    assertThat(forecast.eligible()).isEqualTo(report.periods().get(report.periods().size() - 1)
        .logos().ending());

    // The generator makes the second year the best and health matter.
    assertThat(forecast.buckets().get(2).rate()).isGreaterThan(forecast.buckets().get(0).rate());
    Correlation correlation = report.analysis().correlation();
    assertThat(correlation.buckets().get(0).lift()).isGreaterThan(java.math.BigDecimal.ONE);
    assertThat(correlation.pointBiserial()).isPositive();

    // The CSM programme (sales channel) really lifted the rate.
    assertThat(report.analysis().initiatives().get(0).improvement()).isPositive();
    assertThat(report.analysis().benchmarks().item("annualUpsellRate").value()).isNotNull();
  }
}
