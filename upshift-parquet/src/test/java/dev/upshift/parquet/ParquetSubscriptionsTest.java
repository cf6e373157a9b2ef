package dev.upshift.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.input.Dataset;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.ReadResult;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parquet input reads like the same rows in CSV, whichever route it takes, and its errors name the
 * Parquet rows. Phases carry their row in the Parquet file (first row = 1) as their line.
 */
class ParquetSubscriptionsTest {
  @TempDir
  Path dir;

  @Test
  void textOnlyParquetReadsLikeTheCsvItWasMadeFrom() throws Exception {
    SampleGenerator.of(SampleOptions.of(200, 24, 9)).writeTo(dir);
    Path csv = dir.resolve("subscriptions.csv");
    Path parquet = dir.resolve("subscriptions.parquet");
    ParquetFiles.copyAsText(csv, parquet);

    List<Phase> fromCsv = DatasetReader.read(InputFiles.of(csv).withFx(dir.resolve("fx.csv")))
        .dataset().phases();
    List<Phase> fromParquet = read(InputFiles.of(parquet).withFx(dir.resolve("fx.csv")))
        .dataset().phases();

    assertThat(fromParquet).containsExactlyElementsOf(ParquetFiles.atRows(fromCsv));
    assertThat(fromParquet.get(0).line()).isEqualTo(1);
  }

  @Test
  void typedParquetReadsLikeTheCsvItWasMadeFrom() throws Exception {
    SampleGenerator.of(SampleOptions.of(200, 24, 5)).writeTo(dir);
    Path csv = dir.resolve("subscriptions.csv");
    Path parquet = dir.resolve("subscriptions.parquet");
    ParquetFiles.copyTyped(csv, parquet);

    Dataset fromCsv = DatasetReader.read(InputFiles.of(csv).withFx(dir.resolve("fx.csv"))
        .withCustomers(dir.resolve("customers.csv"))).dataset();
    Dataset fromParquet = read(InputFiles.of(parquet).withFx(dir.resolve("fx.csv"))
        .withCustomers(dir.resolve("customers.csv"))).dataset();

    assertThat(fromParquet.phases())
        .containsExactlyElementsOf(ParquetFiles.atRows(fromCsv.phases()));
    assertThat(fromParquet.summary()).isEqualTo(fromCsv.summary());
  }

  @Test
  void errorsNameTheParquetFileAndRow() throws Exception {
    Path csv = dir.resolve("input.csv");
    Files.writeString(csv, "customer_id,arr,start_date,seats\n"
        + "C1,100,2026-01-01,1\n"
        + "C2,100,2026-01-01,12.5\n");
    Path parquet = dir.resolve("subscriptions.parquet");
    ParquetFiles.copyAsText(csv, parquet);

    InputException e = catchThrowableOfType(
        () -> read(InputFiles.of(parquet)), InputException.class);

    assertThat(e.errors()).extracting(Object::toString)
        .containsExactly(parquet + ":2: column seats: \"12.5\" is not a whole number");
    assertThat(e.errors()).extracting(InputError::code)
        .containsExactly(InputErrorCode.NOT_WHOLE_NUMBER);
  }

  @Test
  void typedColumnsWithAnErrorNameTheRowToo() throws Exception {
    Path parquet = ParquetFiles.write(dir, "customer_id, seats, arr, start_date",
        "('C1', 1, 100.0, DATE '2026-01-01'), ('C2', -3, 100.0, DATE '2026-01-01')");

    InputException e = catchThrowableOfType(
        () -> read(InputFiles.of(parquet)), InputException.class);

    assertThat(e.errors()).hasSize(1);
    assertThat(e.errors().get(0).toString()).startsWith(parquet + ":2: column seats: ");
  }

  /** Reads as the command line does, with the Parquet format wired in. */
  private static ReadResult read(InputFiles files) {
    return DatasetReader.read(files, bytes -> { }, ParquetFormat.INSTANCE);
  }
}
