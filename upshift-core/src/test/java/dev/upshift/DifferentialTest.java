package dev.upshift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.Dataset;
import dev.upshift.reference.NaiveEngine;
import dev.upshift.reference.NaiveReport;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.testing.RandomDatasets;
import dev.upshift.testing.ReportFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the deliberately naive reference implementation of the test tree, on many
 * random datasets dense in edge cases, with random books, grains, fiscal years, rate
 * configurations, segments and filters: every figure of every period and segment must agree
 * (exactly for money and counts; rates after rounding to 2 decimals).
 */
class DifferentialTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 400);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void engineAgreesWithNaiveReference(long seed) {
    Dataset dataset = RandomDatasets.dataset(seed);
    ReportOptions options = RandomDatasets.options(seed);

    Report report = Upshift.report(dataset, options);
    NaiveReport naive = NaiveEngine.compute(dataset, options);

    List<String> differences = new ArrayList<>();
    compare("", report.periods(), naive.periods(), differences);
    for (String dimension : options.by()) {
      Map<String, List<PeriodReport>> values = report.segments().get(dimension);
      assertThat(values.keySet()).as("values of %s (seed %s)", dimension, seed)
          .containsExactlyInAnyOrderElementsOf(naive.segmentValues(dimension));
      values.forEach((value, periods) -> compare(dimension + "=" + value + " ", periods,
          naive.segments().get(dimension).get(value), differences));
    }
    assertThat(report.input().inferredTierDirections()).as("inferredTierDirections")
        .isEqualTo(naive.inferredTierDirections());
    assertThat(differences).as("seed %s, options %s", seed, options).isEmpty();
  }

  private static void compare(String prefix, List<PeriodReport> periods,
      Map<String, SortedMap<String, BigDecimal>> naive, List<String> differences) {
    assertThat(periods.stream().map(PeriodReport::period)).containsExactlyElementsOf(naive.keySet());
    for (PeriodReport period : periods) {
      SortedMap<String, BigDecimal> expected = naive.get(period.period());
      SortedMap<String, BigDecimal> actual = ReportFigures.flatten(period);
      actual.remove("upsellRate.status");
      assertThat(actual.keySet()).containsAll(expected.keySet());
      expected.forEach((key, value) -> {
        BigDecimal mine = actual.get(key);
        BigDecimal theirs = value == null ? null
            : value.scale() > 6 ? value.setScale(2, RoundingMode.HALF_EVEN) : value;
        boolean same = mine == null ? theirs == null : theirs != null && mine.compareTo(theirs) == 0;
        if (!same) {
          differences.add(prefix + period.period() + " " + key + ": engine " + mine + ", reference " + theirs);
        }
      });
    }
  }
}
