package dev.upshift.cli;

import dev.upshift.Upshift;
import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.input.Dataset;
import dev.upshift.io.csv.InitiativesReader;
import dev.upshift.io.json.JsonReportWriter;
import dev.upshift.io.report.LedgerWriter;
import dev.upshift.metric.RowSinks;
import dev.upshift.render.AnalysisTableWriter;
import dev.upshift.render.CsvReportWriter;
import dev.upshift.render.TableReportWriter;
import dev.upshift.render.html.HtmlReportWriter;
import dev.upshift.render.xlsx.XlsxReportWriter;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentValues;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
  /** The output formats, and whether each always carries the analysis (§6.2–§6.6). */
  enum Format {
    TABLE(false), JSON(false), CSV(false), HTML(true), XLSX(true);

    final boolean alwaysAnalysed;

    Format(boolean alwaysAnalysed) {
      this.alwaysAnalysed = alwaysAnalysed;
    }
  }

  /** {@code --unit}. */
  static final class Units extends EnumValues<MoneyUnit> {
    Units() {
      super(MoneyUnit.values());
    }
  }

  /** {@code --format}. */
  static final class Formats extends EnumValues<Format> {
    Formats() {
      super(Format.values());
    }
  }

  @Spec
  CommandSpec spec;

  @Mixin
  InputSelection input;

  @Mixin
  ReportSelection selection;

  @Option(names = "--format", paramLabel = "table|json|csv|html|xlsx", defaultValue = "table",
      converter = Formats.class, completionCandidates = Formats.class,
      description = "Output format (default: ${DEFAULT-VALUE}). html and xlsx always include the analysis "
          + "(except with --rate-window) and the tenure, initial_arr and health segments.")
  Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the report to FILE instead of standard output (required for xlsx).")
  Path out;

  @Option(names = "--ledger", paramLabel = "FILE",
      description = "Also write one CSV row per customer and period: the customers behind every number.")
  Path ledger;

  @Option(names = "--unit", paramLabel = "arr|mrr", defaultValue = "arr",
      converter = Units.class, completionCandidates = Units.class,
      description = "Money in table, csv, html and xlsx: ARR, or MRR = ARR / 12 (default: "
          + "${DEFAULT-VALUE}). json and the ledger stay in ARR.")
  MoneyUnit unit;

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Upshift report",
      description = "Title of the html report (default: ${DEFAULT-VALUE}).")
  String title;

  @Option(names = "--analysis",
      description = "Add cohorts, forecast, health correlation, initiatives, benchmarks and signals.")
  boolean analysis;

  @Option(names = "--cohort-grain", paramLabel = "month|quarter", defaultValue = "quarter",
      converter = EnumValues.CohortGrains.class, completionCandidates = EnumValues.CohortGrains.class,
      description = "Cohorts of the analysis by first-active month or quarter (default: ${DEFAULT-VALUE}).")
  Grain cohortGrain;

  @Override
  public Integer call() throws IOException {
    try {
      return report();
    } finally {
      deleteScratchLedger();
    }
  }

  private Integer report() throws IOException {
    ReportOptions options = selection.toOptions();
    if (analysis && options.rateWindow() != null) {
      throw usage(ReportOptions.WINDOW_WITH_ANALYSIS);
    }
    // Over a window, html and xlsx leave out the analysis, which pools the per-period rate; the
    // report itself names the window where the rate appears.
    boolean analysed = analysis || format.alwaysAnalysed && options.rateWindow() == null;
    if (format.alwaysAnalysed) {
      options = Analysis.withDashboardDimensions(options);
    }
    if (format == Format.XLSX && out == null) {
      throw usage("--format xlsx writes a binary file: give --out FILE");
    }
    AnalysisOptions analysisOptions = analysed ? analysisOptions() : null;
    Report computed;
    try (ProgressBar progress = ProgressBar.onTerminal(spec.commandLine().getErr())) {
      Dataset dataset = input.load(spec.commandLine().getErr(),
          progress.stage("reading subscriptions", input.subscriptionsSize()));
      if (options.where() != null) {
        // A filter that can match no one would give a report of zeros that looks like a real one.
        SegmentValues.check(options.where(), dataset, options);
      }
      input.warn(dataset, spec.commandLine().getErr());
      computed = compute(dataset, options, analysisOptions,
          progress.stage("computing", dataset.table().customerCount()));
    }
    Report report = computed.withInput(computed.input().withReading(input.reading()));
    if (format == Format.XLSX) {
      Output.binary(out, stream -> {
        int sheets = new XlsxReportWriter(unit).write(report, ledgerFile, stream);
        if (sheets > 1) {
          spec.commandLine().getErr().println("upshift: the ledger takes " + sheets
              + " sheets (Excel holds 1,048,576 rows a sheet): Ledger (ARR), Ledger (ARR) 2, ...");
        }
      });
      return ExitCode.OK;
    }
    Output.text(out, spec.commandLine().getOut(), writer -> {
      switch (format) {
        case JSON -> JsonReportWriter.write(report, writer);
        case CSV -> CsvReportWriter.write(report, writer, unit);
        case HTML -> new HtmlReportWriter(title, java.time.Clock.systemDefaultZone(), unit)
            .write(report, writer);
        default -> {
          TableReportWriter.write(report, writer, unit);
          if (report.analysis() != null) {
            writer.append('\n');
            AnalysisTableWriter.write(report.analysis(), report.currency(), writer);
          }
        }
      }
    });
    return ExitCode.OK;
  }

  private AnalysisOptions analysisOptions() {
    Path initiatives = input.initiatives();
    List<dev.upshift.analysis.Initiative> list =
        initiatives == null ? List.of() : InitiativesReader.read(initiatives);
    return AnalysisOptions.defaults().withCohortGrain(cohortGrain).withInitiatives(list);
  }

  /** The ledger the xlsx's ledger sheet is read from: {@code --ledger}, or a scratch file. */
  private Path ledgerFile;
  private boolean scratchLedger;

  private void deleteScratchLedger() throws IOException {
    if (scratchLedger && ledgerFile != null) {
      java.nio.file.Files.deleteIfExists(ledgerFile);
    }
  }

  private Report compute(Dataset dataset, ReportOptions options, AnalysisOptions analysisOptions,
      LongConsumer progress) throws IOException {
    ledgerFile = ledger;
    if (format == Format.XLSX && ledgerFile == null) {
      // The xlsx has a ledger sheet: the rows come from the same pass, through a scratch file.
      ledgerFile = java.nio.file.Files.createTempFile("upshift-ledger", ".csv");
      scratchLedger = true;
    }
    if (ledgerFile == null) {
      return run(dataset, options, analysisOptions, null, progress);
    }
    Report[] report = new Report[1];
    Output.binary(ledgerFile, stream -> {
      LedgerWriter rows = new LedgerWriter(Upshift.periods(dataset, options), stream);
      report[0] = run(dataset, options, analysisOptions, rows, progress);
      rows.flush();
    });
    return report[0];
  }

  private static Report run(Dataset dataset, ReportOptions options, AnalysisOptions analysisOptions,
      RowSinks<?> ledger, LongConsumer progress) {
    return analysisOptions == null
        ? Upshift.report(dataset, options, ledger, progress)
        : Upshift.analyze(dataset, options, analysisOptions, ledger, progress);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
