package dev.upshift.reference;

import static dev.upshift.testing.PhaseBuilder.dataset;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.Dataset;
import dev.upshift.input.PlanCatalog;
import dev.upshift.report.ReportOptions;
import dev.upshift.testing.PhaseBuilder;
import java.time.YearMonth;
import java.util.Map;

/**
 * The helpers of the hand-computed SPEC cases ({@link SpecRulesTest}, {@link
 * OnboardingWindowTest}): every report runs both engines ({@link EngineAgreement}).
 */
final class SpecCases {
  /** One product, {@code platform}, whose plans rank Starter 1 to Enterprise 4 (the top). */
  static final PlanCatalog PLATFORM = PlanCatalog.of(Map.of("platform",
      Map.of("Starter", 1, "Standard", 2, "Premium", 3, "Enterprise", 4)));

  private SpecCases() {}

  static ReportOptions.Builder monthly(String from, String to) {
    return ReportOptions.builder().from(YearMonth.parse(from)).to(YearMonth.parse(to));
  }

  static NaiveReport report(ReportOptions.Builder options, PhaseBuilder... rows) {
    return EngineAgreement.computeBoth(dataset(rows), options.build());
  }

  static NaiveReport reportWithPlans(ReportOptions.Builder options, PhaseBuilder... rows) {
    return EngineAgreement.computeBoth(Dataset.builder().addAll(phases(rows)).plans(PLATFORM).build(),
        options.build());
  }

  static NaiveReport.LedgerRow ledger(NaiveReport report, String period, String customer) {
    return report.ledger().stream()
        .filter(row -> row.period().equals(period) && row.customerId().equals(customer))
        .findFirst().orElseThrow(() -> new AssertionError("no ledger row " + period + " " + customer));
  }

  static void assertValue(NaiveReport report, String period, String key, String expected) {
    assertThat(report.value(period, key)).as(period + " " + key).isEqualByComparingTo(expected);
  }
}
