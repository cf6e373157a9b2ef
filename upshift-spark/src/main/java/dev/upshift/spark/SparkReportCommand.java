package dev.upshift.spark;

import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.input.InputError;
import dev.upshift.io.csv.OnError;
import dev.upshift.io.json.JsonReportWriter;
import dev.upshift.metric.RateCounting;
import dev.upshift.metric.UpsellMember;
import dev.upshift.render.AnalysisTableWriter;
import dev.upshift.render.CsvReportWriter;
import dev.upshift.render.TableReportWriter;
import dev.upshift.render.html.HtmlReportWriter;
import dev.upshift.render.xlsx.XlsxReportWriter;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code upshift-spark report}: the command line's {@code report}, run as a Spark application. The
 * options are the command line's (§7.1), with paths that Spark reads ({@code s3a://…}, {@code
 * hdfs://…}, local), plus the few a cluster needs ({@code --partitions}, {@code --master}).
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Compute the report on Spark: the same figures as `upshift report`.")
final class SparkReportCommand implements Callable<Integer> {
  /** The output formats; html and xlsx always carry the analysis, as on the command line. */
  enum Format { TABLE, JSON, CSV, HTML, XLSX }

  @Spec
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR",
      description = "A folder holding subscriptions.csv (or subscriptions.parquet) and any of the optional files by their standard names.")
  String data;

  @Option(names = "--subscriptions", paramLabel = "PATH",
      description = "Subscription phases: a CSV or Parquet file, a directory or a glob of files.")
  String subscriptions;

  @Option(names = "--subscriptions-format", paramLabel = "csv|parquet",
      description = "The format of --subscriptions (default: Parquet when the name ends in .parquet, else CSV).")
  SparkJob.Format subscriptionsFormat;

  @Option(names = "--customers", paramLabel = "FILE") String customers;
  @Option(names = "--plans", paramLabel = "FILE") String plans;
  @Option(names = "--health", paramLabel = "FILE") String health;
  @Option(names = "--targets", paramLabel = "FILE") String targets;
  @Option(names = "--fx", paramLabel = "FILE") String fx;
  @Option(names = "--initiatives", paramLabel = "FILE") String initiatives;

  @Option(names = "--currency", paramLabel = "CODE", defaultValue = "USD") String currency;

  @Option(names = "--on-error", paramLabel = "fail|skip", defaultValue = "fail",
      description = "fail: any input error stops the job (exit 3); skip: bad rows go to --rejects.")
  OnError onError;

  @Option(names = "--rejects", paramLabel = "DIR",
      description = "Where --on-error skip writes dropped rows, as CSV (default: beside the subscriptions, *.rejects).")
  String rejects;

  @Option(names = "--from", paramLabel = "YYYY-MM") YearMonth from;
  @Option(names = "--to", paramLabel = "YYYY-MM") YearMonth to;
  @Option(names = "--grain", paramLabel = "month|quarter|year", defaultValue = "month") Grain grain;
  @Option(names = "--fiscal-year-start", paramLabel = "M", defaultValue = "1") int fiscalYearStart;
  @Option(names = "--book", paramLabel = "live|contracted", defaultValue = "live") Book book;
  @Option(names = "--by", paramLabel = "DIM[,DIM]", split = ",") List<String> by = List.of();
  @Option(names = "--where", paramLabel = "DIM=VALUE") String where;
  @Option(names = "--upsell-definition", paramLabel = "expansion|tier,seats,add_on,cross_sell",
      defaultValue = "expansion") String upsellDefinition;
  @Option(names = "--rate-counting", paramLabel = "any|net", defaultValue = "any")
  RateCounting rateCounting;
  @Option(names = "--min-tenure-months", paramLabel = "N", defaultValue = "0") int minTenureMonths;
  @Option(names = "--exclude-top-tier") boolean excludeTopTier;
  @Option(names = "--min-expansion-arr", paramLabel = "X", defaultValue = "0")
  BigDecimal minExpansionArr;
  @Option(names = "--opening-balance", paramLabel = "YYYY-MM",
      description = "The month the data starts with an opening balance (SPEC §2.4).")
  YearMonth openingBalance;
  @Option(names = "--tenure-buckets", paramLabel = "N,N,...", split = ",") List<Integer> tenureEdges;
  @Option(names = "--arr-buckets", paramLabel = "X,X,...", split = ",") List<BigDecimal> arrEdges;

  @Option(names = "--format", paramLabel = "table|json|csv|html|xlsx", defaultValue = "table")
  Format format;

  @Option(names = "--out", paramLabel = "PATH",
      description = "Write the report here (any path Spark writes) instead of standard output.")
  String out;

  @Option(names = "--ledger", paramLabel = "DIR",
      description = "Also write the ledger (one row per customer and period) as Parquet, partitioned by period.")
  String ledger;

  @Option(names = "--analysis") boolean analysis;

  @Option(names = "--cohort-grain", paramLabel = "month|quarter", defaultValue = "quarter")
  Grain cohortGrain;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Partitions of the customer shuffle (default: spark.sql.shuffle.partitions, adaptively coalesced).")
  Integer partitions;

  @Option(names = "--timings",
      description = "Print the wall time of the job's steps on standard error.")
  boolean timings;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master when not launched by spark-submit, e.g. local[2].")
  String master;

  @Override
  public Integer call() throws IOException {
    ReportOptions options = options();
    boolean analysed = analysis || format == Format.HTML || format == Format.XLSX;
    if (format == Format.HTML || format == Format.XLSX) {
      options = Analysis.withDashboardDimensions(options);
    }
    if (format == Format.XLSX && out == null) {
      throw usage("--format xlsx writes a binary file: give --out PATH");
    }
    SparkSession.Builder builder = SparkSession.builder().appName("upshift report");
    if (master != null) {
      builder.master(master);
    }
    // A session that already runs (a test, a notebook) belongs to its owner: only ours is stopped.
    boolean ours = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = builder.getOrCreate();
    try {
      SparkReport result = UpshiftSpark.run(spark, job(spark, options,
          analysed ? AnalysisOptions.defaults().withCohortGrain(cohortGrain) : null));
      reportSkipped(result);
      if (timings) {
        PrintWriter err = spec.commandLine().getErr();
        result.timings().forEach((step, took) ->
            err.printf(java.util.Locale.ROOT, "upshift-spark: %-26s %8.2f s%n", step,
                took.toMillis() / 1000.0));
        err.flush();
      }
      write(spark, result.report());
    } finally {
      if (ours) {
        spark.stop();
      }
    }
    return UpshiftSparkApp.OK;
  }

  private SparkJob job(SparkSession spark, ReportOptions options, AnalysisOptions analysed) {
    String subs = pick(spark, subscriptions, "subscriptions.csv", "subscriptions.parquet");
    if (subs == null) {
      throw usage(data == null ? "Missing required option: --subscriptions (or --data DIR)"
          : "no subscriptions.csv or subscriptions.parquet in " + data + "; give --subscriptions");
    }
    return SparkJob.builder()
        .subscriptions(subs, subscriptionsFormat == null ? SparkJob.Format.guess(subs)
            : subscriptionsFormat)
        .customers(pick(spark, customers, "customers.csv"))
        .plans(pick(spark, plans, "plans.csv"))
        .health(pick(spark, health, "health.csv"))
        .targets(pick(spark, targets, "targets.csv"))
        .fx(pick(spark, fx, "fx.csv"))
        .initiatives(analysed == null ? null : pick(spark, initiatives, "initiatives.csv"))
        .currency(currency)
        .onError(onError)
        .rejects(rejects)
        .ledger(ledger)
        .options(options)
        .analysis(analysed)
        .partitions(partitions)
        .build();
  }

  /** The options of §7.1, or a usage error naming the offending value. */
  private ReportOptions options() {
    try {
      ReportOptions.Builder builder = ReportOptions.builder().from(from).to(to).grain(grain)
          .fiscalYearStart(fiscalYearStart).book(book).by(by).rateCounting(rateCounting)
          .minTenureMonths(minTenureMonths).excludeTopTier(excludeTopTier)
          .minExpansionArr(minExpansionArr).openingBalance(openingBalance)
          .upsellDefinition(UpsellMember.parseDefinition(upsellDefinition));
      if (where != null) {
        builder.where(SegmentFilter.parse(where));
      }
      if (tenureEdges != null) {
        builder.tenureEdges(tenureEdges);
      }
      if (arrEdges != null) {
        builder.initialArrEdges(arrEdges);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** An explicit path, else the first standard name present in {@code --data}, else none. */
  private String pick(SparkSession spark, String explicit, String... standardNames) {
    if (explicit != null || data == null) {
      return explicit;
    }
    for (String name : standardNames) {
      Path candidate = new Path(data, name);
      try {
        FileSystem fs = candidate.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (fs.exists(candidate)) {
          return candidate.toString();
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return null;
  }

  private void reportSkipped(SparkReport result) {
    if (result.rejects() == null || result.rejectedRows() == 0) {
      return;
    }
    PrintWriter err = spec.commandLine().getErr();
    for (InputError error : result.skipped()) {
      err.println("skipped: " + UpshiftSparkApp.listed(error));
    }
    long unlisted = result.skippedErrors() - result.skipped().size();
    if (unlisted > 0) {
      err.println("skipped: ... and " + unlisted + " more errors");
    }
    err.println("upshift-spark: dropped " + result.rejectedRows()
        + " rows with errors; they are in " + result.rejects());
    err.flush();
  }

  private void write(SparkSession spark, Report report) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (format == Format.XLSX) {
      new XlsxReportWriter().write(report, bytes);
    } else {
      Writer text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
      switch (format) {
        case JSON -> JsonReportWriter.write(report, text);
        case CSV -> CsvReportWriter.write(report, text);
        case HTML -> new HtmlReportWriter().write(report, text);
        default -> {
          TableReportWriter.write(report, text);
          if (report.analysis() != null) {
            text.append('\n');
            AnalysisTableWriter.write(report.analysis(), report.currency(), text);
          }
        }
      }
      text.flush();
    }
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(bytes.toString(StandardCharsets.UTF_8));
      stdout.flush();
      return;
    }
    Path path = new Path(out);
    FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (OutputStream stream = fs.create(path, true)) {
      bytes.writeTo(stream);
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
