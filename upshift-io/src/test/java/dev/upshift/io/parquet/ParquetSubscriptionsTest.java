package dev.upshift.io.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.sample.SampleGenerator;
import dev.upshift.io.sample.SampleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet input reads like the same rows in CSV, and its errors name the Parquet rows. */
class ParquetSubscriptionsTest {
  @TempDir
  Path dir;

  @Test
  void parquetReadsLikeTheCsvItWasMadeFrom() throws Exception {
    SampleGenerator.of(SampleOptions.of(200, 24, 9)).writeTo(dir);
    Path csv = dir.resolve("subscriptions.csv");
    Path parquet = dir.resolve("subscriptions.parquet");
    copyToParquet(csv, parquet);

    List<Phase> fromCsv = DatasetReader.read(InputFiles.of(csv).withFx(dir.resolve("fx.csv")))
        .dataset().phases();
    List<Phase> fromParquet = DatasetReader.read(InputFiles.of(parquet)
        .withFx(dir.resolve("fx.csv"))).dataset().phases();

    assertThat(fromParquet).containsExactlyElementsOf(fromCsv);
  }

  @Test
  void errorsNameTheParquetFileAndRow() throws Exception {
    Path csv = dir.resolve("input.csv");
    Files.writeString(csv, "customer_id,arr,start_date,seats\n"
        + "C1,100,2026-01-01,1\n"
        + "C2,100,2026-01-01,12.5\n");
    Path parquet = dir.resolve("subscriptions.parquet");
    copyToParquet(csv, parquet);

    InputException e = catchThrowableOfType(
        () -> DatasetReader.read(InputFiles.of(parquet)), InputException.class);

    assertThat(e.errors()).extracting(Object::toString)
        .containsExactly(parquet + ":2: column seats: \"12.5\" is not a whole number");
  }

  private static void copyToParquet(Path csv, Path parquet) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement sql = connection.createStatement()) {
      sql.execute("COPY (SELECT * FROM read_csv('" + csv + "', header = true, all_varchar = true))"
          + " TO '" + parquet + "' (FORMAT PARQUET)");
    }
  }
}
