package dev.upshift.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.Upshift;
import dev.upshift.input.Dataset;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import dev.upshift.io.csv.OnError;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library on a DataFrame, and inputs of several files. */
@Tag("spark")
class LibraryAndFilesTest {
  private static final StructType PHASES = DataTypes.createStructType(List.of(
      DataTypes.createStructField("Customer_ID", DataTypes.StringType, true),
      DataTypes.createStructField("product", DataTypes.StringType, true),
      DataTypes.createStructField("plan", DataTypes.StringType, true),
      DataTypes.createStructField("tier", DataTypes.IntegerType, true),
      DataTypes.createStructField("seats", DataTypes.LongType, true),
      DataTypes.createStructField("arr", DataTypes.createDecimalType(18, 6), true),
      DataTypes.createStructField("start_date", DataTypes.DateType, true),
      DataTypes.createStructField("end_date", DataTypes.DateType, true)));

  @TempDir
  Path dir;

  @Test
  void report_ofATypedDataFrame_isTheLibrarysReport() {
    // Acme goes from 10 Standard seats to 10 Premium seats on 15 March 2026; Bolt churns.
    List<Row> rows = List.of(
        row("acme", "platform", "Standard", 1, 10, "12000", "2025-06-01", "2026-03-15"),
        row("acme", "platform", "Premium", 2, 10, "18000", "2026-03-15", null),
        row(" bolt ", "platform", "Standard", 1, 4, "4800", "2025-09-01", "2026-02-01"));
    ReportOptions options = ReportOptions.builder().grain(Grain.QUARTER).book(Book.CONTRACTED)
        .from(YearMonth.of(2025, 7)).to(YearMonth.of(2026, 6)).build();

    Report spark = UpshiftSpark.report(LocalSpark.session(),
        LocalSpark.session().createDataFrame(rows, PHASES), options);

    Report library = Upshift.report(Dataset.of(List.of(
        phase("acme", "Standard", 1, 10, "12000", "2025-06-01", "2026-03-15"),
        phase("acme", "Premium", 2, 10, "18000", "2026-03-15", null),
        phase("bolt", "Standard", 1, 4, "4800", "2025-09-01", "2026-02-01"))), options);
    assertThat(CliRun.json(spark)).isEqualTo(CliRun.json(library));
    assertThat(spark.periods().get(2).arr().upsell()).isEqualByComparingTo("6000");
  }

  @Test
  void aBadRowOfADataFrame_isNamedByItsPlaceInTheFrame() {
    List<Row> rows = List.of(
        row("acme", "platform", "Standard", 1, 10, "12000", "2025-06-01", null),
        row("acme", "platform", "Standard", 1, -3, "12000", "2026-06-01", null));
    InputException e = catchThrowableOfType(InputException.class,
        () -> UpshiftSpark.report(LocalSpark.session(),
            LocalSpark.session().createDataFrame(rows, PHASES).repartition(1),
            ReportOptions.builder().build()));
    assertThat(e.errors()).containsExactly(new InputError("phases", 2, "seats",
        InputErrorCode.NEGATIVE_VALUE, "\"-3\" is negative; seats must be 0 or more"));
  }

  @Test
  void aDirectoryOfFilesWithDifferentHeaders_readsAsTheOneFile() throws IOException {
    SampleGenerator.of(SampleOptions.of(200, 18, 9)).writeTo(dir);
    List<String> lines = Files.readAllLines(dir.resolve("subscriptions.csv"));
    List<String> header = List.of(lines.get(0).split(",", -1));
    // Three parts, each customer in one of them; the second with its columns in reverse order.
    Path parts = Files.createDirectories(dir.resolve("parts"));
    List<List<String>> split = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (String line : lines.subList(1, lines.size())) {
      String customer = line.substring(0, line.indexOf(','));
      split.get(Math.floorMod(customer.hashCode(), 3)).add(line);
    }
    for (int part = 0; part < 3; part++) {
      List<String> out = new ArrayList<>();
      out.add(part == 1 ? String.join(",", reversed(header)) : lines.get(0));
      for (String line : split.get(part)) {
        out.add(part == 1 ? String.join(",", reversed(List.of(line.split(",", -1)))) : line);
      }
      Files.write(parts.resolve("part-" + part + ".csv"), out, StandardCharsets.UTF_8);
    }
    ReportOptions options = ReportOptions.builder().by(List.of("channel")).build();
    String cli = CliRun.json(CliRun.report(CliRun.files(dir, OnError.FAIL), options, null));

    for (String input : List.of(parts.toString(), parts + "/part-*.csv")) {
      Report spark = UpshiftSpark.run(LocalSpark.session(), SparkCliEqualityTest.job(dir)
          .subscriptions(input).options(options).build()).report();
      assertThat(CliRun.json(spark)).as(input).isEqualTo(cli);
    }

    // A bad row in a part is named by that part's file and its row there.
    List<String> bad = new ArrayList<>(Files.readAllLines(parts.resolve("part-2.csv")));
    bad.add("ZZZ,,platform,Standard,1,3,abc,,,,,2025-01-01,,,,,");
    Files.write(parts.resolve("part-2.csv"), bad, StandardCharsets.UTF_8);
    InputException e = catchThrowableOfType(InputException.class,
        () -> UpshiftSpark.run(LocalSpark.session(), SparkCliEqualityTest.job(dir)
            .subscriptions(parts.toString()).options(options).build()));
    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.file()).isEqualTo(parts.resolve("part-2.csv").toString());
      assertThat(error.line()).isEqualTo(bad.size() - 1);
      assertThat(error.code()).isEqualTo(InputErrorCode.BAD_NUMBER);
    });
  }

  @Test
  void anUnknownColumn_failsBeforeAnyRowIsRead() throws IOException {
    Path file = dir.resolve("subs.csv");
    Files.writeString(file, "customer_id,seat,arr,start_date\nacme,3,1200,2025-01-01\n");
    InputException e = catchThrowableOfType(InputException.class,
        () -> UpshiftSpark.run(LocalSpark.session(),
            SparkJob.builder().subscriptions(file.toString()).build()));
    assertThat(e.errors()).extracting(InputError::file, InputError::column, InputError::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(file.toString(), "seat",
            InputErrorCode.UNKNOWN_COLUMN));
  }

  private static List<String> reversed(List<String> cells) {
    List<String> out = new ArrayList<>(cells);
    java.util.Collections.reverse(out);
    return out;
  }

  private static Row row(String customer, String product, String plan, int tier, long seats,
      String arr, String start, String end) {
    return RowFactory.create(customer, product, plan, tier, seats, new BigDecimal(arr),
        java.sql.Date.valueOf(start), end == null ? null : java.sql.Date.valueOf(end));
  }

  private static Phase phase(String customer, String plan, int tier, int seats, String arr,
      String start, String end) {
    Phase.Builder phase = Phase.builder(customer).product("platform").plan(plan).tier(tier)
        .seats(seats).arr(arr).from(start);
    return (end == null ? phase : phase.until(end)).build();
  }

}
