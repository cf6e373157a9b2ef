package dev.upshift.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.OnError;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad rows: the job fails naming each row's file, row number, column and code as the command line
 * names them (its CSV line is the row number plus one), or under {@code --on-error skip} drops
 * them into the rejects output and computes the command line's report of the rest.
 */
@Tag("spark")
class BadInputTest {
  /** Rows appended to a clean file, in the generated header's column order. */
  private static final List<String> BAD_ROWS = List.of(
      "BAD-1,,platform,Standard,1,12.5,1200,,,,,2025-01-01,,,,,",
      "BAD-2,,platform,Standard,1,3,1200,,,,,2025-01-01,,,,paused,",
      "BAD-3,,platform,Standard,1,3,1200",
      "BAD-4,,platform,Standard,1,3,1200,,,,,2025-01-01,,,,,,extra",
      ",,platform,Standard,1,3,1200,,,,,2025-01-01,,,,,",
      "OVL-1,x,platform,Standard,1,3,1200,,,,,2025-01-01,2025-06-01,,,,",
      "OVL-1,x,platform,Standard,1,4,1500,,,,,2025-03-01,,,,,",
      "BAD-5,,platform,Standard,1,3,1200,,,,,2025-02-30,,,,,");

  @TempDir
  Path dir;

  private Path subscriptions;

  @BeforeEach
  void generate() throws IOException {
    SampleGenerator.of(SampleOptions.of(120, 12, 3)).writeTo(dir);
    subscriptions = dir.resolve("subscriptions.csv");
    Files.writeString(subscriptions, String.join("\n", BAD_ROWS) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
  }

  @Test
  void badRows_failTheJob_namingFileRowColumnAndCode_asTheCommandLineDoes() {
    InputException cli = catchThrowableOfType(InputException.class,
        () -> DatasetReader.read(CliRun.files(dir, OnError.FAIL)));
    InputException spark = catchThrowableOfType(InputException.class,
        () -> UpshiftSpark.run(LocalSpark.session(), SparkCliEqualityTest.job(dir).build()));

    assertThat(spark.totalErrors()).isEqualTo(cli.totalErrors());
    // Eight rows, two of them overlapping: seven errors.
    assertThat(spark.errors()).hasSameSizeAs(cli.errors()).hasSize(BAD_ROWS.size() - 1);
    for (int i = 0; i < cli.errors().size(); i++) {
      InputError expected = cli.errors().get(i);
      InputError actual = spark.errors().get(i);
      assertThat(actual.file()).isEqualTo(subscriptions.toString());
      assertThat(actual.line()).as(expected.toString()).isEqualTo(expected.line() - 1);
      assertThat(actual.column()).isEqualTo(expected.column());
      assertThat(actual.code()).isEqualTo(expected.code());
      if (expected.code() != InputErrorCode.OVERLAP) {
        assertThat(actual.reason()).isEqualTo(expected.reason());
      } else {
        // The earlier row is named by its row number, as every Spark error names rows.
        assertThat(actual.reason()).contains("overlaps the phase on line "
            + (Long.parseLong(expected.reason().replaceAll(".* on line (\\d+) .*", "$1")) - 1));
      }
    }
  }

  @Test
  void skip_dropsBadRowsIntoTheRejectsOutput_andReportsTheRest_asTheCommandLineDoes() {
    ReportOptions options = ReportOptions.builder().build();
    String cli = CliRun.json(CliRun.report(CliRun.files(dir, OnError.SKIP), options, null));
    String rejects = dir.resolve("spark-rejects").toString();
    SparkReport spark = UpshiftSpark.run(LocalSpark.session(), SparkCliEqualityTest.job(dir)
        .onError(OnError.SKIP).rejects(rejects).options(options).build());

    assertThat(CliRun.json(spark.report())).isEqualTo(cli);
    assertThat(spark.rejectedRows()).isEqualTo(BAD_ROWS.size() - 1);
    assertThat(spark.rejects()).isEqualTo(rejects);
    assertThat(spark.skipped()).extracting(InputError::code).contains(
        InputErrorCode.NOT_WHOLE_NUMBER, InputErrorCode.UNKNOWN_STATUS, InputErrorCode.RAGGED_ROW,
        InputErrorCode.MISSING_VALUE, InputErrorCode.OVERLAP, InputErrorCode.BAD_DATE);

    List<Row> written = LocalSpark.session().read().option("header", "true").csv(rejects)
        .orderBy("row").collectAsList();
    assertThat(written).hasSize(BAD_ROWS.size() - 1);
    Row seats = written.get(0);
    assertThat(seats.<String>getAs("file")).isEqualTo(subscriptions.toString());
    assertThat(seats.<String>getAs("code")).isEqualTo("not_whole_number");
    assertThat(seats.<String>getAs("customer_id")).isEqualTo("BAD-1");
    assertThat(seats.<String>getAs("seats")).isEqualTo("12.5");
    assertThat(written).extracting(row -> row.<String>getAs("code")).contains("overlap");
  }
}
