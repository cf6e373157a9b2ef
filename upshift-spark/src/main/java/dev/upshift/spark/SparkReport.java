package dev.upshift.spark;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputError;
import dev.upshift.report.Report;
import java.util.List;

/**
 * The outcome of a {@link SparkJob}. Immutable.
 *
 * @param report the report (§7.2), with its analysis when it was asked for
 * @param skipped under {@code --on-error skip}, the errors of the dropped rows, the first 100 in
 *     (file, row) order; empty otherwise
 * @param skippedErrors how many errors the dropped rows had in all
 * @param rejects where the dropped rows were written, or {@code null} under {@code fail}
 */
public record SparkReport(Report report, List<InputError> skipped, long skippedErrors,
    String rejects) {

  public SparkReport {
    requireNonNull(report, "report is null");
    skipped = List.copyOf(skipped);
  }

  /** Rows dropped under {@code --on-error skip}. */
  public long rejectedRows() {
    return report.input().rejectedRows();
  }
}
