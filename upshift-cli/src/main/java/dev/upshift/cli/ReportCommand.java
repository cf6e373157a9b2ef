package dev.upshift.cli;

import dev.upshift.Upshift;
import dev.upshift.input.Dataset;
import dev.upshift.io.json.JsonReportWriter;
import dev.upshift.io.report.CsvReportWriter;
import dev.upshift.io.report.LedgerWriter;
import dev.upshift.io.report.TableReportWriter;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code upshift report}: every figure of §5 for a range of periods, whole and by segment. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compute the ARR bridge, logos, Total Users, Upsell Users, Upsell Rate, retention and ratios.")
final class ReportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputSelection input;

  @Mixin
  ReportSelection selection;

  @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
  Path out;

  @Option(names = "--ledger", paramLabel = "FILE",
      description = "Also write one CSV row per customer and period: the customers behind every number.")
  Path ledger;

  @Override
  public Integer call() throws IOException {
    ReportOptions options = selection.toOptions();
    String chosen = format.toLowerCase(Locale.ROOT);
    if (!chosen.equals("table") && !chosen.equals("json") && !chosen.equals("csv")) {
      throw new ParameterException(spec.commandLine(),
          "--format must be table, json or csv, not '" + format + "'");
    }
    Report report;
    try (ProgressBar progress = ProgressBar.onTerminal(spec.commandLine().getErr())) {
      Dataset dataset = input.load(spec.commandLine().getErr(),
          progress.stage("reading subscriptions", input.subscriptionsSize()));
      report = compute(dataset, options,
          progress.stage("computing", dataset.table().customerCount()));
    }
    Output.text(out, spec.commandLine().getOut(), writer -> {
      switch (chosen) {
        case "json" -> JsonReportWriter.write(report, writer);
        case "csv" -> CsvReportWriter.write(report, writer);
        default -> TableReportWriter.write(report, writer);
      }
    });
    return ExitCode.OK;
  }

  private Report compute(Dataset dataset, ReportOptions options, LongConsumer progress)
      throws IOException {
    if (ledger == null) {
      return Upshift.report(dataset, options, null, progress);
    }
    Report[] report = new Report[1];
    Output.text(ledger, null, writer -> {
      LedgerWriter rows = new LedgerWriter(Upshift.periods(dataset, options), writer);
      report[0] = Upshift.report(dataset, options, rows, progress);
      rows.flush();
    });
    return report[0];
  }
}
