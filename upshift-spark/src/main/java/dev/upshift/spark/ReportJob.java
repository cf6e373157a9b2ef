package dev.upshift.spark;

import dev.upshift.ReportContext;
import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Analyzer;
import dev.upshift.input.InputError;
import dev.upshift.input.InputException;
import dev.upshift.input.PhaseTable;
import dev.upshift.input.PlanCatalog;
import dev.upshift.io.csv.OnError;
import dev.upshift.io.csv.SideFiles;
import dev.upshift.io.csv.SubscriptionColumns;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.Dimensions;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Runs a {@link SparkJob} on the driver. The phases are shuffled once, by customer; the shuffled
 * partitions are then read by two passes, which reuse the shuffle's output rather than repeat it:
 *
 * <ol>
 *   <li>the input pass checks every row (§1.3) and every line's phases for overlaps, and sums the
 *       {@link InputFacts} (the top tier seen per product, the data's first and last day, the row
 *       counts); the driver builds the {@link ReportContext} from them and broadcasts it. The
 *       phases it kept stay with Spark ({@link InputPart}, in memory or on local disk);
 *   <li>the customer pass computes every customer of those phases with the core engine ({@link
 *       CustomerPass}) and returns one {@link Partials} per partition, which the driver sums and
 *       turns into the report (and the analysis). With a ledger, the pass writes it instead and
 *       its totals come back through an accumulator.
 * </ol>
 *
 * <p>The input is read once, shuffled once, and each cell parsed once. Only when rows are in error
 * does a third pass name them: an aggregation over the scan numbers
 * the rows of each file ({@link RowNumbers}), and the rows are read again to list their errors
 * (failing the job) or to write them to the rejects output ({@code --on-error skip}). The driver
 * holds the totals, never the customers.
 */
final class ReportJob {
  /** How many errors are listed; the rest are counted (§1.3). */
  static final int LISTED = 100;

  private ReportJob() {}

  static SparkReport run(SparkSession spark, SparkJob job) {
    Stopwatch time = new Stopwatch();
    SideFiles side = SideInputs.read(spark, job);
    ReportOptions options = job.options();
    checkDimensions(options, side);
    AnalysisOptions analysis = job.analysis();
    if (analysis != null && job.initiatives() != null) {
      analysis = analysis.withInitiatives(SideInputs.initiatives(spark, job.initiatives()));
    }
    PhaseScan scan = job.phases() != null ? PhaseScan.frame(job.phases(), job.phasesName(), side)
        : job.format() == SparkJob.Format.PARQUET ? PhaseScan.parquet(spark, job.subscriptions(), side)
        : PhaseScan.csv(spark, job.subscriptions(), side);
    ScanLayout layout = scan.layout();
    time.lap("side files and headers");
    // With adaptive execution (Spark's default) this runs the scan and the shuffle's map side.
    JavaRDD<Row> customers = scan.byCustomer(job.partitions()).toJavaRDD();
    time.lap("scan and shuffle");

    PlanCatalog plans = side.plans();
    // The input pass keeps what it read, so the customer pass neither reads the shuffle again
    // nor parses a cell twice.
    JavaRDD<InputPart> parts = customers.mapPartitions(rows -> {
      PartitionChunks chunks = new PartitionChunks(rows, layout, null);
      List<InputPart> out = new ArrayList<>();
      InputFacts sum = InputFacts.empty();
      while (chunks.hasNext()) {
        PartitionChunks.Chunk chunk = chunks.next();
        PhaseTable lineRows = chunk.lineRows();
        sum = sum.plus(InputFacts.of(chunk, lineRows, plans));
        out.add(new InputPart(lineRows, null));
      }
      out.add(new InputPart(null, sum));
      return out.iterator();
    }).persist(StorageLevel.MEMORY_AND_DISK_SER());
    try {
      return run(spark, job, side, scan, customers, parts, analysis, time);
    } finally {
      parts.unpersist(false);
    }
  }

  /** The job from the input pass on, over the partitions' {@code parts}. */
  private static SparkReport run(SparkSession spark, SparkJob job, SideFiles side, PhaseScan scan,
      JavaRDD<Row> customers, JavaRDD<InputPart> parts, AnalysisOptions analysis,
      Stopwatch time) {
    ReportOptions options = job.options();
    InputFacts input = parts.map(part -> part.facts() == null ? InputFacts.empty() : part.facts())
        .reduce(InputFacts::plus);
    time.lap("input pass");

    List<InputError> skipped = List.of();
    String rejects = null;
    if (input.errors() > 0 || job.onError() == OnError.SKIP) {
      JavaRDD<PartitionChunks.Rejected> rejected = input.errors() == 0 ? null
          : rejectedRows(spark, scan, customers);
      if (job.onError() == OnError.FAIL) {
        throw new InputException(firstErrors(rejected), input.errors());
      }
      rejects = job.rejects();
      writeRejects(spark, rejected, rejects);
      skipped = rejected == null ? List.of() : firstErrors(rejected);
      time.lap("rejected rows");
    }

    ReportContext requested = context(input, options, side);
    Analyzer driverAnalyzer = null;
    JobContext context = new JobContext(requested, null, null);
    if (analysis != null) {
      driverAnalyzer = new JobContext(requested, null, analysis).analyzer();
      ReportContext extended = context(input, driverAnalyzer.extendedOptions(), side);
      context = new JobContext(requested, extended, analysis);
    }
    Broadcast<JobContext> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(context);
    Partials totals = job.ledger() == null
        ? parts.mapPartitions(rows -> List.of(
            new CustomerPass(shared.value(), false).run(rows)).iterator())
            .reduce(Partials::plus)
        : writeLedger(spark, parts, shared, job.ledger());
    shared.destroy();
    time.lap(job.ledger() == null ? "customer pass" : "customer pass and ledger");

    Report report = Upshift.report(requested, totals.metric(), input.summary());
    if (driverAnalyzer != null) {
      report = driverAnalyzer.finish(report, totals.analysis());
    }
    time.lap("report");
    return new SparkReport(report, skipped, input.errors(), rejects, time.laps());
  }

  /** Wall time of the job's steps, in order. */
  private static final class Stopwatch {
    private final Map<String, Duration> laps = new LinkedHashMap<>();
    private long last = System.nanoTime();

    void lap(String step) {
      long now = System.nanoTime();
      laps.merge(step, Duration.ofNanos(now - last), Duration::plus);
      last = now;
    }

    Map<String, Duration> laps() {
      return laps;
    }
  }

  private static ReportContext context(InputFacts input, ReportOptions options, SideFiles side) {
    return ReportContext.of(input.facts(), options, side.plans(), side.customers(), side.health(),
        side.targets(), side.currency(), side.fx());
  }

  /** An unknown {@code --by} or {@code --where} dimension is a usage error before any row is read. */
  private static void checkDimensions(ReportOptions options, SideFiles side) {
    List<String> names = new ArrayList<>(options.by());
    if (options.where() != null) {
      names.add(options.where().dimension());
    }
    for (String name : names) {
      Dimensions.resolve(name, options.tenureEdges(), options.initialArrEdges(), side.customers());
    }
  }

  /** The customer pass writing the ledger as Parquet, partitioned by period. */
  private static Partials writeLedger(SparkSession spark, JavaRDD<InputPart> parts,
      Broadcast<JobContext> shared, String path) {
    PartialsAccumulator sum = new PartialsAccumulator();
    spark.sparkContext().register(sum, "upshift totals");
    JavaRDD<Row> ledger = parts.mapPartitions(rows ->
        new CustomerPass(shared.value(), true).ledgerRows(rows, sum::add));
    spark.createDataFrame(ledger, LedgerRows.SCHEMA).write().mode(SaveMode.Overwrite)
        .partitionBy("period").parquet(path);
    return sum.value();
  }

  /** Every rejected row, its errors naming its file and row number. */
  private static JavaRDD<PartitionChunks.Rejected> rejectedRows(SparkSession spark,
      PhaseScan scan, JavaRDD<Row> customers) {
    RowNumbers numbers = RowNumbers.of(scan.frame());
    Broadcast<RowNumbers> shared =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(numbers);
    ScanLayout layout = scan.layout();
    return customers.mapPartitions(rows -> {
      PartitionChunks chunks = new PartitionChunks(rows, layout, shared.value());
      List<PartitionChunks.Rejected> out = new ArrayList<>();
      while (chunks.hasNext()) {
        out.addAll(chunks.next().rejected());
      }
      return out.iterator();
    });
  }

  /** The first errors in (file, row) order. */
  private static List<InputError> firstErrors(JavaRDD<PartitionChunks.Rejected> rejected) {
    if (rejected == null) {
      return List.of();
    }
    return rejected.takeOrdered(LISTED, new ByOrigin()).stream()
        .flatMap(row -> row.errors().stream()).limit(LISTED).toList();
  }

  /** The rejects output: one CSV row per dropped row, its errors first, then its cells. */
  private static void writeRejects(SparkSession spark, JavaRDD<PartitionChunks.Rejected> rejected,
      String path) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("file", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("row", DataTypes.LongType, false));
    for (String name : List.of("column", "code", "reason")) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    for (String name : SubscriptionColumns.NAMES) {
      fields.add(DataTypes.createStructField(name, DataTypes.StringType, true));
    }
    StructType schema = DataTypes.createStructType(fields);
    JavaRDD<Row> rows = rejected == null
        ? JavaSparkContext.fromSparkContext(spark.sparkContext()).emptyRDD()
        : rejected.map(ReportJob::rejectRow);
    spark.createDataFrame(rows, schema).write().mode(SaveMode.Overwrite).option("header", "true")
        .option("escape", "\"").csv(path);
  }

  private static Row rejectRow(PartitionChunks.Rejected row) {
    List<Object> values = new ArrayList<>();
    values.add(row.origin().file());
    values.add(row.origin().row());
    values.add(row.errors().stream().map(InputError::column).filter(c -> c != null).distinct()
        .collect(Collectors.joining(";")));
    values.add(row.errors().stream().map(e -> e.code().code()).collect(Collectors.joining(";")));
    values.add(row.errors().stream()
        .map(e -> e.column() == null ? e.reason() : "column " + e.column() + ": " + e.reason())
        .collect(Collectors.joining("; ")));
    values.addAll(row.cells() == null ? Collections.nCopies(SubscriptionColumns.NAMES.size(), null)
        : row.cells());
    return RowFactory.create(values.toArray());
  }

  /** Rejected rows in (file, row) order. */
  private static final class ByOrigin implements Comparator<PartitionChunks.Rejected>,
      Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(PartitionChunks.Rejected a, PartitionChunks.Rejected b) {
      int byFile = a.origin().file().compareTo(b.origin().file());
      return byFile != 0 ? byFile : Long.compare(a.origin().row(), b.origin().row());
    }
  }
}
