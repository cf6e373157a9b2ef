package dev.upshift.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Fixtures;
import dev.upshift.analysis.Initiative;
import dev.upshift.analysis.TestData;
import dev.upshift.io.report.Examples;
import dev.upshift.io.report.LedgerWriter;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.Report;
import dev.upshift.segment.SegmentFilter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReportWriterTest {
  static final String INJECTION = "=HYPERLINK(\"x\")";
  static byte[] bytes;

  @BeforeAll
  static void write() throws Exception {
    TestData data = Fixtures.smallCompany();
    data.attribute("D", "channel", INJECTION); // a hostile segment value
    Report report = Upshift.analyze(data.dataset(),
        XlsxReportWriter.optionsFor(Fixtures.SIX_MONTHS.toBuilder().by(List.of("channel")).build()),
        AnalysisOptions.defaults().withInitiatives(List.of(
            new Initiative("+cmd|' /C calc'!A0", LocalDate.parse("2025-04-01"),
                SegmentFilter.parse("channel=sales")))), null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxReportWriter().write(report, out);
    bytes = out.toByteArray();
  }

  static Map<String, List<Row>> sheets() throws Exception {
    return sheets(bytes);
  }

  static Map<String, List<Row>> sheets(byte[] workbook) throws Exception {
    Map<String, List<Row>> sheets = new java.util.LinkedHashMap<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(workbook),
        new ReadingOptions(true, false))) {
      for (Sheet sheet : wb.getSheets().toList()) {
        sheets.put(sheet.getName(), sheet.read());
      }
    }
    return sheets;
  }

  static Cell cell(List<Row> rows, int row, String header) {
    Row head = rows.get(0);
    for (int c = 0; c < head.getCellCount(); c++) {
      if (head.getCell(c) != null && header.equals(head.getCell(c).getText())) {
        Row r = rows.get(row);
        return c < r.getCellCount() ? r.getCell(c) : null;
      }
    }
    throw new AssertionError("no column " + header);
  }

  /** In a period sheet (figures as rows, periods as columns): the cell of a figure and a period. */
  static Cell figure(List<Row> rows, String label, String period) {
    for (Row r : rows) {
      if (r.getCellCount() > 0 && r.getCell(0) != null && label.equals(r.getCell(0).getText())) {
        return cell(rows, r.getRowNum() - 1, period);
      }
    }
    throw new AssertionError("no row " + label);
  }

  @Test
  void hasOneSheetPerView() throws Exception {
    assertThat(sheets().keySet()).containsExactly("About", "Bridge", "Logos", "Seats", "Upsell",
        "Seg channel", "Seg tenure", "Seg initial_arr", "Seg health", "Cohorts", "Forecast",
        "Backtest", "Correlation", "Initiatives", "Signals", "Benchmarks");
  }

  @Test
  void numbersAreRealNumbersWithFormats() throws Exception {
    Map<String, List<Row>> sheets = sheets();
    List<Row> bridge = sheets.get("Bridge");
    // Periods are columns, oldest to newest, as finance lays out a bridge; figures are rows.
    assertThat(bridge.get(0).getCell(0).getText()).isEqualTo("ARR bridge (USD)");
    Cell period = bridge.get(0).getCell(2);
    assertThat(period.getType()).isEqualTo(CellType.STRING);
    assertThat(period.getText()).isEqualTo("2025-02");
    // February: A 14,400 + B 6,000 + C 30,000 + D 3,600
    Cell ending = figure(bridge, "Ending ARR", "2025-02");
    assertThat(ending.getType()).isEqualTo(CellType.NUMBER);
    assertThat(ending.asNumber()).isEqualByComparingTo("54000");
    assertThat(ending.getDataFormatString()).isEqualTo("#,##0.00;(#,##0.00)");
    Cell start = figure(bridge, "Start", "2025-02");
    assertThat(start.getType()).isEqualTo(CellType.NUMBER); // a date serial
    assertThat(start.getDataFormatString()).isEqualTo("yyyy-mm-dd");
    assertThat(start.asDate().toLocalDate()).isEqualTo(LocalDate.of(2025, 2, 1));
    // April: B churns 6,000, a negative in the finance format.
    Cell churn = figure(bridge, "Churn", "2025-04");
    assertThat(churn.asNumber()).isEqualByComparingTo("-6000");
    assertThat(churn.getDataFormatString()).isEqualTo("#,##0.00;(#,##0.00)");

    List<Row> upsell = sheets.get("Upsell");
    Cell rate = figure(upsell, "Upsell rate", "2025-02"); // 1 of 3
    assertThat(rate.getType()).isEqualTo(CellType.NUMBER);
    assertThat(rate.asNumber()).isEqualByComparingTo("0.3333");
    assertThat(rate.getDataFormatString()).isEqualTo("0.00%;(0.00%)");
    Cell eligible = figure(upsell, "Eligible", "2025-02");
    assertThat(eligible.asNumber()).isEqualByComparingTo("3");
    assertThat(eligible.getDataFormatString()).isEqualTo("#,##0;(#,##0)");
    assertThat(figure(upsell, "Upsold expansion ARR", "2025-02").getType())
        .isEqualTo(CellType.NUMBER);
    assertThat(figure(upsell, "Target", "2025-01")).satisfiesAnyOf(
        c -> assertThat(c).isNull(), c -> assertThat(c.getType()).isEqualTo(CellType.EMPTY));

    List<Row> forecast = sheets.get("Forecast");
    assertThat(cell(forecast, 1, "Rate").asNumber()).isEqualByComparingTo("0.1667");
    List<Row> correlation = sheets.get("Correlation");
    assertThat(cell(correlation, 1, "Lift").asNumber()).isEqualByComparingTo("1.67");
    List<Row> initiatives = sheets.get("Initiatives");
    assertThat(cell(initiatives, 1, "ARR impact").asNumber()).isEqualByComparingTo(new BigDecimal("-7840"));
  }

  @Test
  void overAnOnboardingWindow_theRateColumnsNameItAndThereAreNoAnalysisSheets() throws Exception {
    Report report = Upshift.report(Examples.onboardingDataset(),
        XlsxReportWriter.optionsFor(Examples.firstNinetyDays().build()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxReportWriter().write(report, out);
    Map<String, List<Row>> sheets = sheets(out.toByteArray());

    assertThat(sheets.keySet()).containsExactly("About", "Bridge", "Logos", "Seats", "Upsell",
        "Seg tenure", "Seg initial_arr", "Seg health");
    Cell april = figure(sheets.get("Upsell"), "Upsell rate, first 90 days", "2026-04*");
    assertThat(april.asNumber()).isEqualByComparingTo("0.3333");
    Row segmentHeader = sheets.get("Seg tenure").get(0);
    assertThat(java.util.stream.IntStream.range(0, segmentHeader.getCellCount())
        .mapToObj(c -> segmentHeader.getCell(c).getText())).contains("Upsell rate, first 90 days");
    assertThat(sheets.get("About")).anySatisfy(row -> {
      assertThat(row.getCell(0).getText()).isEqualTo("Rate window");
      assertThat(row.getCell(1).getText()).startsWith("first 90 days from the first active date"
          + " (onboarding:90)");
    });
    assertThat(sheets().get("About")).anySatisfy(row -> {
      assertThat(row.getCell(0).getText()).isEqualTo("Rate window");
      assertThat(row.getCell(1).getText()).isEqualTo("each period");
    });
  }

  @Test
  void formulaLikeTextStaysText() throws Exception {
    Map<String, List<Row>> sheets = sheets();
    Cell value = sheets.get("Seg channel").stream().skip(1).map(r -> r.getCell(0))
        .filter(c -> c.getText().contains("HYPERLINK")).findFirst().orElseThrow();
    assertThat(value.getType()).isEqualTo(CellType.STRING);
    assertThat(value.getFormula()).isNull();
    assertThat(value.getText()).isEqualTo("'" + INJECTION);
    Cell name = sheets.get("Initiatives").get(1).getCell(0);
    assertThat(name.getType()).isEqualTo(CellType.STRING);
    assertThat(name.getText()).isEqualTo("'+cmd|' /C calc'!A0");
    assertThat(XlsxReportWriter.safeText("-5")).isEqualTo("'-5");
    assertThat(XlsxReportWriter.safeText("2025-01")).isEqualTo("2025-01");
    // No cell of the workbook holds a formula.
    assertThat(xmlOfSheets().values()).noneMatch(xml -> xml.contains("<f>") || xml.contains("<f "));
  }

  @Test
  void headerRowsAreFrozen() throws Exception {
    Map<String, String> xml = xmlOfSheets();
    assertThat(xml).hasSize(16);
    assertThat(xml.values()).allSatisfy(sheet -> {
      assertThat(sheet).contains("state=\"frozen\"");
      assertThat(sheet).containsPattern("ySplit=\"1(\\.0)?\"");
    });
  }

  static Map<String, String> xmlOfSheets() throws Exception {
    // The writer streams its zip with data descriptors: read it through the central directory.
    java.nio.file.Path file = java.nio.file.Files.createTempFile("upshift", ".xlsx");
    try {
      java.nio.file.Files.write(file, bytes);
      Map<String, String> sheets = new HashMap<>();
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
          if (entry.getName().startsWith("xl/worksheets/sheet")) {
            sheets.put(entry.getName(),
                new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
          }
        }
      }
      return sheets;
    } finally {
      java.nio.file.Files.delete(file);
    }
  }

  @Test
  void inMrrEveryAmountIsATwelfthAndTheLabelsSaySo() throws Exception {
    TestData data = Fixtures.smallCompany();
    Report report = Upshift.report(data.dataset(), Fixtures.SIX_MONTHS);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxReportWriter(MoneyUnit.MRR).write(report, out);
    Map<String, List<Row>> sheets = sheets(out.toByteArray());

    List<Row> bridge = sheets.get("Bridge");
    assertThat(bridge.get(0).getCell(0).getText()).isEqualTo("MRR bridge (USD)");
    assertThat(figure(bridge, "Ending MRR", "2025-02").asNumber()).isEqualByComparingTo("4500");
    assertThat(figure(sheets.get("Upsell"), "Upsell rate", "2025-02").asNumber())
        .isEqualByComparingTo("0.3333"); // rates unchanged
    assertThat(sheets.get("About")).anySatisfy(row -> {
      assertThat(row.getCell(0).getText()).isEqualTo("Unit");
      assertThat(row.getCell(1).getText()).startsWith("MRR (ARR / 12)");
    });
  }

  @Test
  void theLedgerSheetHoldsEveryRowAndGoesOnInMoreSheetsPastTheLimit(@TempDir Path dir)
      throws Exception {
    TestData data = Fixtures.smallCompany();
    Path ledger = dir.resolve("ledger.csv");
    Report report;
    try (var stream = java.nio.file.Files.newOutputStream(ledger)) {
      LedgerWriter rows = new LedgerWriter(Upshift.periods(data.dataset(), Fixtures.SIX_MONTHS),
          stream);
      report = Upshift.report(data.dataset(), Fixtures.SIX_MONTHS, rows, done -> { });
      rows.flush();
    }
    long lines = java.nio.file.Files.readAllLines(ledger).size() - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int written = new XlsxReportWriter(MoneyUnit.MRR, 7).write(report, ledger, out);
    Map<String, List<Row>> sheets = sheets(out.toByteArray());

    long expectedSheets = (lines + 6) / 7;
    assertThat(written).isEqualTo((int) expectedSheets);
    assertThat(sheets.keySet()).contains("Ledger (ARR)", "Ledger (ARR) 2");
    long rows = sheets.entrySet().stream().filter(e -> e.getKey().startsWith("Ledger"))
        .mapToLong(e -> e.getValue().size() - 1).sum();
    assertThat(rows).isEqualTo(lines);
    List<Row> first = sheets.get("Ledger (ARR)");
    assertThat(first.get(0).getCell(0).getText()).isEqualTo("period");
    assertThat(first).hasSize(8); // the header and 7 rows
    // The ledger stays in ARR whatever the unit: its churn sums to the report's April churn.
    BigDecimal churn = BigDecimal.ZERO;
    for (var entry : sheets.entrySet()) {
      if (!entry.getKey().startsWith("Ledger")) {
        continue;
      }
      Row head = entry.getValue().get(0);
      int periodColumn = 0;
      int churnColumn = -1;
      for (int c = 0; c < head.getCellCount(); c++) {
        if (head.getCell(c).getText().equals("churn")) {
          churnColumn = c;
        }
      }
      for (Row r : entry.getValue().subList(1, entry.getValue().size())) {
        if (r.getCell(periodColumn).getText().equals("2025-04")) {
          churn = churn.add(r.getCell(churnColumn).asNumber());
        }
      }
    }
    assertThat(churn).isEqualByComparingTo(report.periods().get(3).arr().churn());
    assertThat(churn).isEqualByComparingTo("-6000");
  }

  @Test
  void aPeriodTheDataDoesNotCoverWholeIsMarkedWithANote() throws Exception {
    Report report = Upshift.report(Fixtures.smallCompany().dataset(), Fixtures.SIX_MONTHS
        .toBuilder().grain(dev.upshift.time.Grain.QUARTER).from(YearMonth.of(2024, 10)).build());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new XlsxReportWriter().write(report, out);
    List<Row> bridge = sheets(out.toByteArray()).get("Bridge");

    assertThat(bridge.get(0).getCell(1).getText()).isEqualTo("2024-Q4*");
    assertThat(bridge).anySatisfy(row -> assertThat(row.getCell(0).getText())
        .startsWith("* 2024-Q4: data covers 2024-11-01 to 2024-12-31 (61 of 92 days)"));
  }
}
