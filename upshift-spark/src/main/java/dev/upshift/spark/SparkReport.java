package dev.upshift.spark;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputError;
import dev.upshift.report.Report;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link SparkJob}. Immutable.
 *
 * @param report the report (§7.2), with its analysis when it was asked for
 * @param skipped under {@code --on-error skip}, the errors of the dropped rows, the first 100 in
 *     (file, row) order; empty otherwise
 * @param skippedErrors how many errors the dropped rows had in all
 * @param rejects where the dropped rows were written, or {@code null} under {@code fail}
 * @param timings the wall time of the job's steps on the driver, in order (for people who
 *     size a cluster: where the time goes)
 */
public record SparkReport(Report report, List<InputError> skipped, long skippedErrors,
    String rejects, Map<String, Duration> timings) {

  public SparkReport {
    requireNonNull(report, "report is null");
    skipped = List.copyOf(skipped);
    timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
  }

  /** Rows dropped under {@code --on-error skip}. */
  public long rejectedRows() {
    return report.input().rejectedRows();
  }
}
