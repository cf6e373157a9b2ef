package dev.upshift.spark;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.input.Dataset;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.OnError;
import dev.upshift.io.json.JsonReportWriter;
import dev.upshift.io.report.LedgerWriter;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command line's way to a report, for comparison: the same files read by {@link
 * DatasetReader}, the report computed by {@link Upshift} on one machine, written as JSON by
 * {@link JsonReportWriter} (what {@code upshift report --format json} does).
 */
final class CliRun {
  private CliRun() {}

  /** The input files of a generated dataset directory (those present). */
  static InputFiles files(Path dir, OnError onError) {
    return InputFiles.of(dir.resolve("subscriptions.csv"))
        .withCustomers(present(dir.resolve("customers.csv")))
        .withPlans(present(dir.resolve("plans.csv")))
        .withHealth(present(dir.resolve("health.csv")))
        .withTargets(present(dir.resolve("targets.csv")))
        .withFx(present(dir.resolve("fx.csv")))
        .withOnError(onError)
        .withRejects(dir.resolve("cli.rejects.csv"));
  }

  static Report report(InputFiles files, ReportOptions options, AnalysisOptions analysis) {
    Dataset dataset = DatasetReader.read(files).dataset();
    return analysis == null ? Upshift.report(dataset, options)
        : Upshift.analyze(dataset, options, analysis, null);
  }

  /** The ledger CSV the command line writes for a report. */
  static String ledger(InputFiles files, ReportOptions options) {
    Dataset dataset = DatasetReader.read(files).dataset();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (LedgerWriter ledger = new LedgerWriter(Upshift.periods(dataset, options), out)) {
      Upshift.report(dataset, options, ledger, done -> { });
      ledger.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  static String json(Report report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonReportWriter.write(report, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Path present(Path file) {
    return Files.isRegularFile(file) ? file : null;
  }
}
