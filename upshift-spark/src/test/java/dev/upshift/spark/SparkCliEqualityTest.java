package dev.upshift.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.OnError;
import dev.upshift.metric.RateCounting;
import dev.upshift.metric.UpsellMember;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Spark job against the command line: generated datasets of several seeds, read from the same
 * files (CSV, or a typed Parquet copy), under each grain, both books, segments, filters, every
 * upsell definition and counting, thresholds and the analysis. The JSON must be the same, byte
 * for byte.
 */
@Tag("spark")
class SparkCliEqualityTest {
  @TempDir
  static Path root;

  private static final Map<Long, Path> DATASETS = new HashMap<>();

  /** A generated dataset of 300 customers over 24 months, one per seed. */
  private static synchronized Path dataset(long seed) {
    return DATASETS.computeIfAbsent(seed, s -> {
      Path dir = root.resolve("seed-" + s);
      try {
        SampleGenerator.of(SampleOptions.of(300, 24, s)).writeTo(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return dir;
    });
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("month, live", 7L, false, false,
            (UnaryOperator<ReportOptions.Builder>) b -> b),
        Arguments.of("quarter, contracted, fiscal year from February, by tenure and channel", 11L,
            false, false, (UnaryOperator<ReportOptions.Builder>) b -> b.grain(Grain.QUARTER)
                .book(Book.CONTRACTED).fiscalYearStart(2).by(List.of("tenure", "channel"))),
        Arguments.of("year, contracted, where region=EMEA", 23L, false, false,
            (UnaryOperator<ReportOptions.Builder>) b -> b.grain(Grain.YEAR)
                .book(Book.CONTRACTED).where(SegmentFilter.parse("region=EMEA"))),
        Arguments.of("quarter, net counting, tier and seats, threshold, tenure, top tier", 7L,
            false, false, (UnaryOperator<ReportOptions.Builder>) b -> b.grain(Grain.QUARTER)
                .rateCounting(RateCounting.NET)
                .upsellDefinition(UpsellMember.parseDefinition("tier,seats"))
                .minExpansionArr(new BigDecimal("1000")).minTenureMonths(3)
                .excludeTopTier(true)),
        Arguments.of("quarter, any counting, seats alone with a seat threshold, by plan", 11L,
            false, false, (UnaryOperator<ReportOptions.Builder>) b -> b.grain(Grain.QUARTER)
                .upsellDefinition(UpsellMember.parseDefinition("seats"))
                .minExpansionArr(new BigDecimal("5")).by(List.of("plan"))),
        Arguments.of("month, a range, add_on and cross_sell, by initial_arr and health", 23L,
            false, false, (UnaryOperator<ReportOptions.Builder>) b -> b
                .from(YearMonth.of(2025, 6)).to(YearMonth.of(2026, 3))
                .upsellDefinition(UpsellMember.parseDefinition("add_on,cross_sell"))
                .by(List.of("initial_arr", "health"))),
        Arguments.of("month, analysis, by cohort", 23L, false, true,
            (UnaryOperator<ReportOptions.Builder>) b -> b.by(List.of("cohort"))),
        Arguments.of("quarter, contracted, analysis", 7L, false, true,
            (UnaryOperator<ReportOptions.Builder>) b -> b.grain(Grain.QUARTER)
                .book(Book.CONTRACTED)),
        Arguments.of("typed Parquet, month, by region", 11L, true, false,
            (UnaryOperator<ReportOptions.Builder>) b -> b.by(List.of("region"))),
        Arguments.of("typed Parquet, year, contracted, analysis", 7L, true, true,
            (UnaryOperator<ReportOptions.Builder>) b -> b.grain(Grain.YEAR)
                .book(Book.CONTRACTED)));
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("cases")
  void json_equalsTheCommandLines(String name, long seed, boolean parquet, boolean analysed,
      UnaryOperator<ReportOptions.Builder> choose) {
    Path dir = dataset(seed);
    ReportOptions options = choose.apply(ReportOptions.builder()).build();
    AnalysisOptions analysis = analysed ? AnalysisOptions.defaults() : null;
    InputFiles files = CliRun.files(dir, OnError.FAIL);
    Report cli = CliRun.report(files, options, analysis);

    SparkJob.Builder job = job(dir).options(options).analysis(analysis);
    if (parquet) {
      job.subscriptions(typedParquet(dir), SparkJob.Format.PARQUET);
    }
    Report spark = UpshiftSpark.run(LocalSpark.session(), job.build()).report();

    assertThat(CliRun.json(spark)).isEqualTo(CliRun.json(cli));
    assertThat(spark.periods()).isNotEmpty();
  }

  /** A job on every file of a generated dataset. */
  static SparkJob.Builder job(Path dir) {
    return SparkJob.builder().subscriptions(dir.resolve("subscriptions.csv").toString())
        .customers(dir.resolve("customers.csv").toString())
        .plans(dir.resolve("plans.csv").toString())
        .health(dir.resolve("health.csv").toString())
        .targets(dir.resolve("targets.csv").toString())
        .fx(dir.resolve("fx.csv").toString());
  }

  /**
   * The subscriptions as one Parquet file with typed columns (integers, exact decimals, dates), as
   * a warehouse would keep them.
   */
  static synchronized String typedParquet(Path dir) {
    Path out = dir.resolve("subscriptions.parquet");
    if (!out.toFile().exists()) {
      Dataset<Row> text = LocalSpark.session().read().option("header", "true")
          .csv(dir.resolve("subscriptions.csv").toString());
      Dataset<Row> typed = text.select(
          col("customer_id"), col("line_id"), col("product"), col("plan"),
          col("tier").cast(DataTypes.IntegerType).as("tier"),
          col("seats").cast(DataTypes.IntegerType).as("seats"),
          col("arr").cast(DataTypes.createDecimalType(20, 6)).as("arr"),
          col("mrr").cast(DataTypes.createDecimalType(20, 6)).as("mrr"),
          col("amount").cast(DataTypes.createDecimalType(20, 6)).as("amount"),
          col("billing_period"), col("currency"),
          col("start_date").cast(DataTypes.DateType).as("start_date"),
          col("end_date").cast(DataTypes.DateType).as("end_date"),
          col("signed_date").cast(DataTypes.DateType).as("signed_date"),
          col("cancel_signed_date").cast(DataTypes.DateType).as("cancel_signed_date"),
          col("status"), col("kind"));
      typed.coalesce(1).write().mode(SaveMode.Overwrite).parquet(out.toString());
    }
    return out.toString();
  }
}
