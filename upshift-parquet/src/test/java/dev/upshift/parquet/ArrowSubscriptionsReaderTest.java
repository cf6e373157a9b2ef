package dev.upshift.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.Dataset;
import dev.upshift.input.FxRates;
import dev.upshift.input.PhaseTable;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Arrow path reads a typed Parquet file exactly as the CSV reader reads the same rows, and
 * declines (returns {@code null}) everything it cannot be sure of, leaving it to the strict route.
 */
class ArrowSubscriptionsReaderTest {
  private static final FxRates FX = FxRates.of("USD",
      Map.of("EUR", new BigDecimal("1.08"), "GBP", new BigDecimal("1.27")));

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(longs = {3, 9, 21})
  void generatedDataReadsExactlyAsFromCsv(long seed) throws Exception {
    SampleGenerator.of(SampleOptions.of(300, 24, seed)).writeTo(dir);
    Path csv = dir.resolve("subscriptions.csv");
    Path parquet = dir.resolve("subscriptions.parquet");
    ParquetFiles.copyTyped(csv, parquet);
    AtomicLong progress = new AtomicLong();

    ArrowSubscriptionsReader.Rows rows = ArrowSubscriptionsReader.tryRead(parquet, FX,
        progress::addAndGet);

    Dataset fromCsv = DatasetReader.read(InputFiles.of(csv).withFx(dir.resolve("fx.csv")))
        .dataset();
    assertThat(rows).isNotNull();
    assertThat(rows.table().asList()).containsExactlyElementsOf(
        ParquetFiles.atRows(fromCsv.phases()));
    assertThat(rows.summary()).isEqualTo(fromCsv.summary());
    assertThat(progress.get()).isBetween(Files.size(parquet) * 99 / 100, Files.size(parquet));
  }

  @Test
  void everyOptionalCellAndDefaultAsTheCsvReaderHasThem() throws Exception {
    String csvText = String.join("\n",
        "customer_id,line_id,product,plan,tier,seats,arr,mrr,amount,billing_period,currency,"
            + "start_date,end_date,signed_date,cancel_signed_date,status,kind",
        "A,,,,,,1200,,,,,2024-01-01,,,,,",
        "A,seat-line,crm,Pro,-2,7,,99.99,,,EUR,2024-02-01,2024-06-01,2024-01-15,,trial,",
        "A,seat-line,crm,Pro,3,9,,,300,quarter,gbp,2024-06-01,2025-06-01,,2025-03-01,active,",
        "B,,api,,,0,,,5000,P1Y,,2024-03-31,,,2024-01-01,read_only,committed_usage",
        "B,,api,,,0,,,50,month,,2024-04-30,,,,,overage",
        "C,,,Basic,1,1,0,,,,,2024-05-05,,,,suspended,one_time",
        "D,x,y,z,999999999,999999999,999999999999.99,,,,USD,2000-02-29,2000-03-01,,,,recurring",
        "");
    Path csv = dir.resolve("subscriptions.csv");
    Files.writeString(csv, csvText);
    Files.writeString(dir.resolve("fx.csv"), "currency,rate\nEUR,1.08\nGBP,1.27\n");
    Path parquet = dir.resolve("subscriptions.parquet");
    ParquetFiles.copyTyped(csv, parquet);

    ArrowSubscriptionsReader.Rows rows = ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { });

    Dataset fromCsv = DatasetReader.read(InputFiles.of(csv).withFx(dir.resolve("fx.csv")))
        .dataset();
    // "gbp" is the one cell the fast path leaves to the strict reader (it takes capitals only).
    assertThat(rows).isNull();
    Files.writeString(csv, csvText.replace(",gbp,", ",GBP,"));
    ParquetFiles.copyTyped(csv, parquet);
    rows = ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { });
    assertThat(rows).isNotNull();
    assertThat(rows.table().asList()).containsExactlyElementsOf(
        ParquetFiles.atRows(fromCsv.phases()));
    assertThat(rows.summary()).isEqualTo(fromCsv.summary());
    assertThat(rows.table().size()).isEqualTo(5); // overage and one-time rows are no line's phases
    assertThat(rows.summary().rows()).isEqualTo(7);
  }

  @Test
  void kindsInAnyCaseKeepTheirPhasesAndOnlyThose() throws Exception {
    Path parquet = ParquetFiles.write(dir, "customer_id, arr, start_date, kind",
        "('A', 10, DATE '2024-01-01', 'Overage'), ('A', 20, DATE '2024-01-01', 'RECURRING'), "
            + "('B', 30, DATE '2024-02-01', 'ONE_TIME'), ('B', 40, DATE '2024-02-01', NULL), "
            + "('C', 50, DATE '2024-03-01', 'Committed_Usage'), ('C', 60, DATE '2024-04-01', '')");

    ArrowSubscriptionsReader.Rows rows = ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { });

    assertThat(rows.table().asList()).extracting(p -> p.customerId() + " " + p.kind() + " row "
        + p.line()).containsExactly("A RECURRING row 2", "B RECURRING row 4",
        "C COMMITTED_USAGE row 5", "C RECURRING row 6");
    assertThat(rows.summary().rows()).isEqualTo(6);
  }

  @Test
  void nullAndEmptyTextBothMeanNotGiven() throws Exception {
    Path parquet = ParquetFiles.write(dir, "customer_id, line_id, product, plan, status, arr, "
        + "start_date", "('A', NULL, NULL, NULL, NULL, 10, DATE '2024-01-01'), "
        + "('B', '', '', '', '', 10, DATE '2024-01-01')");

    PhaseTable table = ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { }).table();

    assertThat(table.asList()).extracting(p -> p.lineId() + "/" + p.product() + "/" + p.plan()
        + "/" + p.status()).containsExactly("default/default/null/ACTIVE",
        "default/default/null/ACTIVE");
  }

  @Test
  void pricesAsWholeNumbersOrDecimalsOfAnyScaleUpToSixSignificantDecimals() throws Exception {
    Path parquet = ParquetFiles.write(dir, "customer_id, arr, mrr, amount, billing_period, "
        + "start_date", "('A', 1200::BIGINT, NULL, NULL, NULL, DATE '2024-01-01'), "
        + "('B', NULL, 0.000001::DECIMAL(18,6), NULL, NULL, DATE '2024-01-01'), "
        + "('C', NULL, NULL, 12.34000000::DECIMAL(20,8), 'quarter', DATE '2024-01-01')");

    PhaseTable table = ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { }).table();

    assertThat(table.asList()).extracting(p -> p.arrMicros())
        .containsExactly(1_200_000_000L, 12L, 49_360_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // cells the strict reader rejects
      "('A', -1, 10.0, DATE '2024-01-01', NULL, NULL)",
      "('A', 1, 10.0, DATE '2024-01-01', DATE '2024-01-01', NULL)",
      "('A', 1, 10.0, DATE '2024-01-01', NULL, 'paused')",
      "('', 1, 10.0, DATE '2024-01-01', NULL, NULL)",
      "(NULL, 1, 10.0, DATE '2024-01-01', NULL, NULL)",
      "('A', 1, NULL, DATE '2024-01-01', NULL, NULL)",
      "('A', 1, 10.0, NULL, NULL, NULL)",
      // cells the strict reader reads with more care: trimmed, or not plain ASCII
      "(' A', 1, 10.0, DATE '2024-01-01', NULL, NULL)",
      "('Café', 1, 10.0, DATE '2024-01-01', NULL, NULL)",
      "('A', 1, 10.0, DATE '2024-01-01', NULL, ' trial')",
      // two phases of a line that overlap
      "('A', 1, 10.0, DATE '2024-01-01', NULL, NULL), ('A', 2, 10.0, DATE '2024-02-01', NULL, NULL)"
  })
  void declinesRowsItCannotBeSureOf(String rows) throws Exception {
    Path parquet = ParquetFiles.write(dir, "customer_id, seats, arr, start_date, end_date, status",
        rows);

    assertThat(ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { })).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "0.0000001::DECIMAL(18,7)", // a seventh significant decimal
      "-5::DECIMAL(18,2)",
      "1000000000000::BIGINT", // thirteen integer digits
      "10.5::DOUBLE", // a type this path does not take
      "'10.5'"
  })
  void declinesPricesItCannotBeSureOf(String arr) throws Exception {
    Path parquet = ParquetFiles.write(dir, "customer_id, arr, start_date",
        "('A', " + arr + ", DATE '2024-01-01')");

    assertThat(ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { })).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "customer_id, arr, start_date, notes", // an unknown column
      "Customer_ID, arr, start_date, seats", // a name the CSV reader would lower-case
      "customer_id, mrr, start_date, seats", // fine: the control case
  })
  void declinesColumnsOnlyTheStrictReaderShouldJudge(String columns) throws Exception {
    Path parquet = ParquetFiles.write(dir, columns, "('A', 10, DATE '2024-01-01', 'x')"
        .replace("'x'", columns.endsWith("seats") ? "1" : "'x'"));

    ArrowSubscriptionsReader.Rows rows = ArrowSubscriptionsReader.tryRead(parquet, FX, b -> { });

    if (columns.equals("customer_id, mrr, start_date, seats")) {
      assertThat(rows.table().asList()).extracting(p -> p.arrMicros()).containsExactly(120_000_000L);
    } else {
      assertThat(rows).isNull();
    }
  }

  @Test
  void aFileThatIsNotParquetIsLeftToTheStrictRoute() throws Exception {
    Path notParquet = dir.resolve("subscriptions.parquet");
    Files.writeString(notParquet, "customer_id,arr,start_date\nA,1,2024-01-01\n");

    assertThat(ArrowSubscriptionsReader.tryRead(notParquet, FX, b -> { })).isNull();
  }
}
