package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.report.ReportOptions;
import dev.upshift.time.Grain;

/**
 * What a report is asked to compute: the §7.1 options, whether to add the analysis, the cohorts'
 * grain and the reporting currency. Immutable; equal requests give equal reports of one data
 * version, so it is a cache key.
 *
 * @param options the report options
 * @param analysis whether to add the analysis sections (§6.2–§6.6)
 * @param cohortGrain cohorts by first-active month or quarter ({@code null}: quarter)
 * @param currency the reporting currency, an upper-case ISO 4217 code
 */
public record ReportRequest(ReportOptions options, boolean analysis, Grain cohortGrain,
    String currency) {

  public ReportRequest {
    requireNonNull(options, "options is null");
    requireNonNull(currency, "currency is null");
  }
}
