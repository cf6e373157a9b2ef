package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import dev.upshift.time.Grain;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the analysis of §6.2–§6.6 needs beyond the {@link dev.upshift.report.ReportOptions}.
 * Immutable; {@link #defaults()} are those of SPEC.
 *
 * @param initiatives the rows of {@code initiatives.csv}, in file order; names unique
 * @param cohortGrain how customers are grouped into cohorts by first-active date: {@link
 *     Grain#MONTH} or {@link Grain#QUARTER}; {@code null} for quarter, the board-level default
 *     (a month's new customers are usually too few for a stable rate per cell)
 * @param forecastWindow {@code K} of §6.3: periods pooled for a forecast rate and periods
 *     back-tested, ≥ 1 (SPEC: 6)
 */
public record AnalysisOptions(List<Initiative> initiatives, Grain cohortGrain, int forecastWindow)
    implements java.io.Serializable {
  /** {@code K} of §6.3. */
  public static final int DEFAULT_FORECAST_WINDOW = 6;

  public AnalysisOptions {
    initiatives = List.copyOf(requireNonNull(initiatives, "initiatives is null"));
    if (cohortGrain == Grain.YEAR) {
      throw new IllegalArgumentException("cohorts are by first-active month or quarter, not year");
    }
    if (forecastWindow < 1) {
      throw new IllegalArgumentException("forecast window < 1: " + forecastWindow);
    }
    Set<String> names = new HashSet<>();
    for (Initiative initiative : initiatives) {
      if (!names.add(initiative.name())) {
        throw new IllegalArgumentException("initiative '" + initiative.name() + "' is listed twice");
      }
    }
  }

  /** No initiatives, quarterly cohorts, {@code K = 6}. */
  public static AnalysisOptions defaults() {
    return new AnalysisOptions(List.of(), null, DEFAULT_FORECAST_WINDOW);
  }

  public AnalysisOptions withInitiatives(List<Initiative> value) {
    return new AnalysisOptions(value, cohortGrain, forecastWindow);
  }

  public AnalysisOptions withCohortGrain(Grain value) {
    return new AnalysisOptions(initiatives, value, forecastWindow);
  }

  public AnalysisOptions withForecastWindow(int value) {
    return new AnalysisOptions(initiatives, cohortGrain, value);
  }
}
