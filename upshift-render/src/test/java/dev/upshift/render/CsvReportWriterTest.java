package dev.upshift.render;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.Upshift;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.io.report.Examples;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvReportWriterTest {

  @Test
  void header_namesColumnsAfterTheJsonPaths() {
    List<String> header = CsvReportWriter.header();

    assertThat(header.subList(0, 11)).containsExactly("dimension", "segment", "period", "start",
        "end", "arr.starting", "arr.newLogo", "arr.reactivation", "arr.upsell", "arr.upsellRamp",
        "arr.addOnSeats");
    assertThat(header).contains("arr.netNew", "arr.ending", "logos.new", "logos.churned",
        "customers.crossSell", "seats.downgraded", "upsellUsers", "upsellUsersT3",
        "upsellRate.eligible", "upsellRate.rate", "upsellRate.avgUpsoldArr", "upsellRate.qtdRate",
        "upsellRate.status", "retention.nrr12m", "ratios.upsellUsersPer1000Seats");
    // #14 appended its columns after every earlier one.
    assertThat(header.subList(header.indexOf("growth.upsellArr"), header.size())).containsExactly(
        "growth.upsellArr", "unit", "coverage.from", "coverage.through", "coverage.days",
        "coverage.ofDays", "coverage.opening", "coverage.partial");
    assertThat(header).doesNotHaveDuplicates().hasSize(75);
    assertThat(header.get(header.indexOf("upsellRate.status") + 1)).isEqualTo("upsellRate.window");
    String csv = write(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-04").build()));
    assertThat(csv).startsWith(String.join(",", header) + "\r\n");
  }

  @Test
  void everyRowNamesTheWindowTheRateUses() {
    List<Map<String, String>> windowed = parse(write(Upshift.report(Examples.onboardingDataset(),
        Examples.firstNinetyDays().by(List.of("plan")).build())));
    List<Map<String, String>> perPeriod = parse(write(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-04").build())));

    assertThat(windowed).hasSize(12).allSatisfy(row -> // totals, Team and Unknown, 4 periods each
        assertThat(row).containsEntry("upsellRate.window", "onboarding:90"));
    assertThat(windowed.get(3)).containsEntry("period", "2026-04")
        .containsEntry("upsellRate.eligible", "3").containsEntry("upsellRate.upsold", "1")
        .containsEntry("upsellRate.rate", "33.33").containsEntry("upsellRate.qtdRate", "");
    assertThat(perPeriod).allSatisfy(row ->
        assertThat(row).containsEntry("upsellRate.window", ""));
  }

  @Test
  void totalsRow_hasEmptySegmentCellsPlainNumbersAndEmptyNulls() {
    String csv = write(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-04").build()));
    List<Map<String, String>> rows = parse(csv);

    assertThat(rows).hasSize(3);
    Map<String, String> march = rows.get(1);
    assertThat(march).containsEntry("dimension", "").containsEntry("segment", "")
        .containsEntry("period", "2026-03").containsEntry("start", "2026-03-01")
        .containsEntry("end", "2026-03-31")
        .containsEntry("arr.starting", "1200000.00")
        .containsEntry("arr.newLogo", "24000.00")
        .containsEntry("arr.upsell", "33000.00")
        .containsEntry("arr.upsellRamp", "15000.00")
        .containsEntry("arr.churn", "-40000.00")
        .containsEntry("arr.netNew", "17000.00")
        .containsEntry("arr.ending", "1217000.00")
        .containsEntry("logos.churned", "-1")
        .containsEntry("seats.churned", "-20")
        .containsEntry("seats.ending", "1115")
        .containsEntry("upsellRate.eligible", "4")
        .containsEntry("upsellRate.upsold", "2")
        .containsEntry("upsellRate.rate", "50.00")
        .containsEntry("upsellRate.avgUpsoldArr", "16500.00")
        .containsEntry("upsellRate.target", "")
        .containsEntry("upsellRate.status", "")
        .containsEntry("retention.nrr", "99.42")
        .containsEntry("growth.endingSeats", "-1.33")
        .containsEntry("growth.upsellUsers", "");
    assertThat(rows.get(0)).containsEntry("upsellRate.avgUpsoldArr", "");
  }

  @Test
  void segmentRows_followTheTotals_andTextCellsAreNeutralisedButNumbersAreNot() {
    Dataset dataset = Examples.example1Dataset().toBuilder()
        .customers(CustomerAttributes.of(List.of("channel"), Map.of(
            "A", Map.of("channel", "=HYPERLINK(\"x\")"),
            "D", Map.of("channel", "-direct"))))
        .build();
    String csv = write(Upshift.report(dataset,
        Examples.february("2026-04").by(List.of("channel")).build()));

    assertThat(csv).contains("\r\nchannel,\"'=HYPERLINK(\"\"x\"\")\",2026-03,2026-03-01,");
    assertThat(csv).contains("\r\nchannel,'-direct,2026-03,2026-03-01,2026-03-31,40000.00,");
    List<Map<String, String>> rows = parse(csv);
    assertThat(rows).extracting(r -> r.get("dimension") + "|" + r.get("segment") + "|"
        + r.get("period")).containsExactly(
            "||2026-02", "||2026-03", "||2026-04",
            "channel|'-direct|2026-02", "channel|'-direct|2026-03", "channel|'-direct|2026-04",
            "channel|'=HYPERLINK(\"x\")|2026-02", "channel|'=HYPERLINK(\"x\")|2026-03",
            "channel|'=HYPERLINK(\"x\")|2026-04",
            "channel|Unknown|2026-02", "channel|Unknown|2026-03", "channel|Unknown|2026-04");
    Map<String, String> directMarch = rows.get(4);
    assertThat(directMarch).containsEntry("arr.churn", "-40000.00")
        .containsEntry("arr.netNew", "-40000.00").containsEntry("logos.churned", "-1")
        .containsEntry("growth.endingArr", "-100.00");
  }

  @Test
  void inMrrMoneyCellsAreATwelfthAndTheUnitColumnSaysSo() throws IOException {
    Report report = Upshift.report(Examples.example1Dataset(), Examples.february("2026-04").build());
    StringWriter out = new StringWriter();
    CsvReportWriter.write(report, out, MoneyUnit.MRR);
    Map<String, String> march = parse(out.toString()).get(1);

    // 1,217,000 / 12 = 101,416.666… → 101416.67; 33,000 / 12 = 2,750; rates stay.
    assertThat(march).containsEntry("unit", "mrr").containsEntry("arr.ending", "101416.67")
        .containsEntry("arr.upsell", "2750.00").containsEntry("arr.churn", "-3333.33")
        .containsEntry("upsellRate.avgUpsoldArr", "1375.00")
        .containsEntry("upsellRate.rate", "50.00").containsEntry("retention.nrr", "99.42");
    assertThat(parse(write(report)).get(1)).containsEntry("unit", "arr")
        .containsEntry("arr.ending", "1217000.00");
  }

  @Test
  void everyRowSaysHowMuchOfThePeriodTheDataCovers() {
    // Example 1's data runs from 2025 to April 2026: a report to June has two months without data.
    List<Map<String, String>> rows = parse(write(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-06").build())));

    assertThat(rows.get(1)).containsEntry("coverage.from", "2026-03-01")
        .containsEntry("coverage.through", "2026-03-31").containsEntry("coverage.days", "31")
        .containsEntry("coverage.ofDays", "31").containsEntry("coverage.opening", "false")
        .containsEntry("coverage.partial", "false");
    assertThat(rows.get(4)).containsEntry("period", "2026-06").containsEntry("coverage.from", "")
        .containsEntry("coverage.days", "0").containsEntry("coverage.partial", "true");
  }

  static String write(Report report) {
    StringWriter out = new StringWriter();
    try {
      CsvReportWriter.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Parses with an independent RFC 4180 reader into header → cell maps. */
  static List<Map<String, String>> parse(String csv) {
    List<CsvRecord> records = CsvReader.builder().ofCsvRecord(csv).stream().toList();
    List<String> header = records.get(0).getFields();
    return records.subList(1, records.size()).stream().map(record -> {
      assertThat(record.getFieldCount()).isEqualTo(header.size());
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), record.getField(i));
      }
      return row;
    }).toList();
  }
}
