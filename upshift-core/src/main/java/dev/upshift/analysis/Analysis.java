package dev.upshift.analysis;

import static java.util.Objects.requireNonNull;

import dev.upshift.report.ReportOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * The analysis sections of a report (§6.2–§6.6), computed by {@link
 * dev.upshift.Upshift#analyze}. Immutable. Each component documents its formulas.
 *
 * @param cohorts the cohort triangle (§6.2)
 * @param forecast next period's upsold customers and ARR (§6.3)
 * @param correlation health score against upselling (§6.4)
 * @param initiatives one per initiative, in input order (§6.5)
 * @param benchmarks the company beside published references (§6.6)
 * @param signals Good / Watch / Bad for Upsell Users and Total Users (§6.6)
 */
public record Analysis(Cohorts cohorts, Forecast forecast, Correlation correlation,
    List<InitiativeImpact> initiatives, Benchmarks benchmarks, Signals signals) {

  /** The dimensions of the seed dashboards' segment tables: tenure, initial ARR, health. */
  public static final List<String> DASHBOARD_DIMENSIONS = List.of("tenure", "initial_arr", "health");

  public Analysis {
    requireNonNull(cohorts, "cohorts is null");
    requireNonNull(forecast, "forecast is null");
    requireNonNull(correlation, "correlation is null");
    initiatives = List.copyOf(initiatives);
    requireNonNull(benchmarks, "benchmarks is null");
    requireNonNull(signals, "signals is null");
  }

  /**
   * The options with the dashboard dimensions added to {@code by} (after those already there,
   * without repeats), as the HTML and spreadsheet reports need them.
   */
  public static ReportOptions withDashboardDimensions(ReportOptions options) {
    List<String> by = new ArrayList<>(options.by());
    for (String dimension : DASHBOARD_DIMENSIONS) {
      if (!by.contains(dimension)) {
        by.add(dimension);
      }
    }
    return options.toBuilder().by(by).build();
  }
}
