package dev.upshift.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.input.Dataset;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.testing.ReportFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Computes a report with both the naive reference and the production engine and asserts they
 * agree on every figure of every period and segment: money and counts exactly, quotients after
 * rounding to 2 decimals. Tests that pin a SPEC rule on the reference thereby pin the engine too.
 */
public final class EngineAgreement {
  private EngineAgreement() {}

  /** The reference report, after checking that the engine agrees with it. */
  public static NaiveReport computeBoth(Dataset dataset, ReportOptions options) {
    NaiveReport naive = NaiveEngine.compute(dataset, options);
    Report report = Upshift.report(dataset, options);
    List<String> differences = new ArrayList<>();
    compare("", report.periods(), naive.periods(), differences);
    for (String dimension : options.by()) {
      Map<String, List<PeriodReport>> values = report.segments().get(dimension);
      assertThat(values.keySet()).as("values of %s", dimension)
          .containsExactlyInAnyOrderElementsOf(naive.segmentValues(dimension));
      values.forEach((value, periods) -> compare(dimension + "=" + value + " ", periods,
          naive.segments().get(dimension).get(value), differences));
    }
    assertThat(report.input().inferredTierDirections()).as("inferredTierDirections")
        .isEqualTo(naive.inferredTierDirections());
    assertThat(differences).as("engine vs reference, options %s", options).isEmpty();
    return naive;
  }

  private static void compare(String prefix, List<PeriodReport> periods,
      Map<String, SortedMap<String, BigDecimal>> naive, List<String> differences) {
    assertThat(periods.stream().map(PeriodReport::period)).containsExactlyElementsOf(naive.keySet());
    for (PeriodReport period : periods) {
      SortedMap<String, BigDecimal> expected = naive.get(period.period());
      SortedMap<String, BigDecimal> actual = ReportFigures.flatten(period);
      expected.forEach((key, value) -> {
        BigDecimal mine = actual.get(key);
        BigDecimal theirs = value == null ? null
            : value.scale() > 6 ? value.setScale(2, RoundingMode.HALF_EVEN) : value;
        boolean same = mine == null ? theirs == null : theirs != null && mine.compareTo(theirs) == 0;
        if (!same) {
          differences.add(prefix + period.period() + " " + key + ": engine " + mine
              + ", reference " + theirs);
        }
      });
    }
  }
}
