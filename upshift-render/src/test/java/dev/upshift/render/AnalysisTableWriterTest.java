package dev.upshift.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Fixtures;
import dev.upshift.analysis.Initiative;
import dev.upshift.report.Report;
import dev.upshift.segment.SegmentFilter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTableWriterTest {
  static String render() throws Exception {
    Report report = Upshift.analyze(Fixtures.smallCompany().dataset(), Fixtures.SIX_MONTHS,
        AnalysisOptions.defaults().withCohortGrain(dev.upshift.time.Grain.MONTH).withInitiatives(List.of(new Initiative("CSM outreach",
            LocalDate.parse("2025-04-01"), SegmentFilter.parse("channel=sales")))), null);
    StringBuilder out = new StringBuilder();
    AnalysisTableWriter.write(report.analysis(), report.currency(), out);
    return out.toString();
  }

  @Test
  void rendersEverySectionWithAlignedNumbers() throws Exception {
    String text = render();
    assertThat(text).contains("Cohorts: upsell rate % by months since start (monthly cohorts)",
        "Cohorts: NRR % by months since start", "Forecast 2025-07", "Health score and upselling",
        "Initiatives", "Benchmarks", "Signals", "Upsell Users: Watch", "Total Users: Watch");
    assertThat(text).contains("MAPE 57.95%");
    assertThat(text).contains("-7,840.00"); // ARR impact, grouped whatever the locale (tests run in de)
    assertThat(text).containsPattern("(?m)^  2024-11 +1 +0\\.00 +100\\.00 +0\\.00");
    assertThat(text).containsPattern("(?m)^  High +6 +2 +33\\.33 +1\\.67$");
    assertThat(text).contains("Median B2B SaaS ≈18%; Top quartile ≥30%; Product-led 25–40%");
  }
}
