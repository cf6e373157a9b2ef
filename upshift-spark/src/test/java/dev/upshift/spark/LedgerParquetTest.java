package dev.upshift.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.io.csv.OnError;
import dev.upshift.io.report.LedgerWriter;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger written as Parquet: the command line's rows, exactly, and summing to the report. */
@Tag("spark")
class LedgerParquetTest {
  @TempDir
  Path dir;

  @Test
  void ledgerParquet_holdsTheCommandLinesRows_andSumsToTheReport() throws IOException {
    SampleGenerator.of(SampleOptions.of(250, 18, 5)).writeTo(dir);
    ReportOptions options = ReportOptions.builder().grain(Grain.QUARTER).build();
    String ledger = dir.resolve("ledger").toString();
    Report report = UpshiftSpark.run(LocalSpark.session(),
        SparkCliEqualityTest.job(dir).options(options).ledger(ledger).build()).report();

    Dataset<Row> rows = LocalSpark.session().read().parquet(ledger)
        .withColumn("period", col("period").cast(DataTypes.StringType))
        .select(LedgerWriter.HEADER.stream().map(name -> col(name)).toArray(
            org.apache.spark.sql.Column[]::new));
    assertThat(rows.schema().apply("arr_end").dataType()).isEqualTo(LedgerRows.AMOUNT);

    List<String> spark = rows.collectAsList().stream().map(LedgerParquetTest::line).sorted()
        .toList();
    List<String> cli = cliLines(CliRun.ledger(CliRun.files(dir, OnError.FAIL), options));
    assertThat(spark).hasSize(cli.size()).isNotEmpty();
    assertThat(spark).isEqualTo(cli);

    Map<String, Row> sums = rows.groupBy("period")
        .agg(sum("arr_start"), sum("arr_end"), sum("upsell"), sum("churn"), sum("net_new"),
            sum("seats_end"), sum("upsell_user"))
        .collectAsList().stream().collect(Collectors.toMap(r -> r.getString(0), r -> r));
    for (PeriodReport period : report.periods()) {
      Row totals = sums.get(period.period());
      assertThat(totals).as(period.period()).isNotNull();
      assertThat(money(totals.getDecimal(1))).isEqualByComparingTo(money(period.arr().starting()));
      assertThat(money(totals.getDecimal(2))).isEqualByComparingTo(money(period.arr().ending()));
      assertThat(money(totals.getDecimal(3))).isEqualByComparingTo(money(period.arr().upsell()));
      assertThat(money(totals.getDecimal(4))).isEqualByComparingTo(money(period.arr().churn()));
      assertThat(money(totals.getDecimal(5))).isEqualByComparingTo(money(period.arr().netNew()));
      assertThat(totals.getLong(6)).isEqualTo(period.seats().ending());
      assertThat(totals.getLong(7)).isEqualTo(period.upsellUsers());
    }
  }

  private static BigDecimal money(BigDecimal exact) {
    return exact.setScale(2, RoundingMode.HALF_EVEN);
  }

  /** A Parquet row in the CSV ledger's text form. */
  private static String line(Row row) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      cells.add(value == null ? "" : value instanceof BigDecimal d ? d.toPlainString()
          : value.toString());
    }
    return String.join(",", cells);
  }

  private static List<String> cliLines(String csv) {
    List<String> lines = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
      boolean header = true;
      for (CsvRecord record : reader) {
        if (header) {
          assertThat(record.getFields()).isEqualTo(LedgerWriter.HEADER);
          header = false;
        } else {
          lines.add(String.join(",", record.getFields()));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    lines.sort(null);
    return lines;
  }

}
