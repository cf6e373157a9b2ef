package dev.upshift.render.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Fixtures;
import dev.upshift.analysis.Initiative;
import dev.upshift.analysis.TestData;
import dev.upshift.io.report.Examples;
import dev.upshift.report.Report;
import dev.upshift.segment.SegmentFilter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
    assertThat(bridge.get(0).getCell(0).getText()).isEqualTo("Period");
    Cell period = bridge.get(2).getCell(0);
    assertThat(period.getType()).isEqualTo(CellType.STRING);
    assertThat(period.getText()).isEqualTo("2025-02");
    Cell ending = cell(bridge, 2, "Ending ARR"); // February: A 14,400 + B 6,000 + C 30,000 + D 3,600
    assertThat(ending.getType()).isEqualTo(CellType.NUMBER);
    assertThat(ending.asNumber()).isEqualByComparingTo("54000");
    assertThat(ending.getDataFormatString()).isEqualTo("#,##0.00");
    Cell start = cell(bridge, 2, "Start");
    assertThat(start.getType()).isEqualTo(CellType.NUMBER); // a date serial
    assertThat(start.getDataFormatString()).isEqualTo("yyyy-mm-dd");
    assertThat(start.asDate().toLocalDate()).isEqualTo(LocalDate.of(2025, 2, 1));

    List<Row> upsell = sheets.get("Upsell");
    Cell rate = cell(upsell, 2, "Upsell rate"); // 1 of 3
    assertThat(rate.getType()).isEqualTo(CellType.NUMBER);
    assertThat(rate.asNumber()).isEqualByComparingTo("0.3333");
    assertThat(rate.getDataFormatString()).isEqualTo("0.00%");
    Cell eligible = cell(upsell, 2, "Eligible");
    assertThat(eligible.asNumber()).isEqualByComparingTo("3");
    assertThat(eligible.getDataFormatString()).isEqualTo("#,##0");
    assertThat(cell(upsell, 1, "Target")).satisfiesAnyOf(
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
    Cell april = cell(sheets.get("Upsell"), 4, "Upsell rate, first 90 days");
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
}
