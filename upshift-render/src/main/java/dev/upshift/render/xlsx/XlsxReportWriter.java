package dev.upshift.render.xlsx;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.Benchmarks;
import dev.upshift.analysis.Cohorts;
import dev.upshift.analysis.Correlation;
import dev.upshift.analysis.Forecast;
import dev.upshift.analysis.InitiativeImpact;
import dev.upshift.analysis.Signals;
import dev.upshift.render.Labels;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a report as a spreadsheet for finance ({@code --format xlsx}). The period sheets read as
 * a finance team lays out a bridge: one column per period (oldest to newest), one row per figure;
 * the segment and analysis sheets keep a row per segment value and period (cohort cell,
 * bucket…) so that filters and pivots work on them. Immutable and thread-safe.
 *
 * <p>Money is in the writer's {@link MoneyUnit} (ARR, or MRR = ARR / 12, and the labels say which);
 * a period the data does not cover whole has its label marked {@code *} and a note under the
 * table. Negative numbers show in parentheses, as finance formats them ({@code #,##0.00;(#,##0.00)}).
 * Given the customer ledger (§7.3, as {@link dev.upshift.io.report.LedgerWriter} writes it), a
 * {@code Ledger} sheet holds its rows, in ARR like the file; past Excel's 1,048,576 rows a sheet,
 * the rows go on in {@code Ledger 2}, {@code Ledger 3}… and the {@code About} sheet says how many
 * sheets they take.
 *
 * <p>Sheets: {@code About} (range, configuration, input), {@code Bridge}, {@code Logos},
 * {@code Seats}, {@code Upsell}, one {@code Seg <dimension>} per segment dimension, and with
 * analysis {@code Cohorts}, {@code Forecast}, {@code Backtest}, {@code Correlation},
 * {@code Initiatives}, {@code Signals}, {@code Benchmarks}. Over an onboarding window the rate
 * columns say so ({@code Upsell rate, first 90 days}) and {@code About} names the window.
 *
 * <p>Numbers are real numbers with number formats: money {@code #,##0.00;(#,##0.00)} (rounded
 * half-even to 2 decimals), counts {@code #,##0;(#,##0)}, rates as fractions formatted {@code
 * 0.00%;(0.00%)} (22.5% is stored as
 * 0.225), dates as dates. Every sheet's header row is frozen (and the first column where it
 * labels the rows). Undefined figures are empty cells. Text that a spreadsheet could take for a
 * formula ({@code = + - @}, tab, carriage return at the start) is prefixed with {@code '}, so
 * {@code =HYPERLINK(...)} in a segment value or an initiative name stays text.
 */
public final class XlsxReportWriter {
  static final String MONEY = "#,##0.00;(#,##0.00)";
  static final String COUNT = "#,##0;(#,##0)";
  static final String PERCENT = "0.00%;(0.00%)";
  static final String DECIMAL = "#,##0.00;(#,##0.00)";
  static final String DATE = "yyyy-mm-dd";
  /** Data rows of one sheet: Excel's 1,048,576 rows less the header. */
  static final int SHEET_ROWS = 1_048_575;

  private final MoneyUnit unit;
  private final int ledgerRowsPerSheet;

  /** A writer with money in ARR. */
  public XlsxReportWriter() {
    this(MoneyUnit.ARR);
  }

  /** A writer with money in {@code unit}. */
  public XlsxReportWriter(MoneyUnit unit) {
    this(unit, SHEET_ROWS);
  }

  /** For tests: ledger sheets of at most {@code ledgerRowsPerSheet} data rows. */
  XlsxReportWriter(MoneyUnit unit, int ledgerRowsPerSheet) {
    this.unit = requireNonNull(unit, "unit is null");
    if (ledgerRowsPerSheet < 1 || ledgerRowsPerSheet > SHEET_ROWS) {
      throw new IllegalArgumentException("ledger rows per sheet: " + ledgerRowsPerSheet);
    }
    this.ledgerRowsPerSheet = ledgerRowsPerSheet;
  }

  /**
   * The options a spreadsheet report needs: the dashboard dimensions (tenure, initial ARR,
   * health) added to {@code by}.
   */
  public static ReportOptions optionsFor(ReportOptions options) {
    return Analysis.withDashboardDimensions(options);
  }

  /** Writes the report to a file, replacing it. */
  public void write(Report report, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      write(report, out);
    }
  }

  /** Writes the report; the stream is not closed. */
  public void write(Report report, OutputStream out) throws IOException {
    write(report, null, out);
  }

  /**
   * Writes the report with a ledger sheet; the stream is not closed.
   *
   * @param ledgerCsv the §7.3 ledger of the same report as CSV, or {@code null} for none
   * @return the number of ledger sheets written (0 without a ledger)
   */
  public int write(Report report, Path ledgerCsv, OutputStream out) throws IOException {
    requireNonNull(report, "report is null");
    Workbook workbook = new Workbook(new NonClosing(out), "Upshift", "1.0");
    Book book = new Book(workbook, unit.apply(report), unit, ledgerCsv, ledgerRowsPerSheet);
    book.write();
    workbook.finish();
    return book.ledgerSheets;
  }

  /** Text a spreadsheet will never evaluate: formula-like text gets a leading {@code '}. */
  static String safeText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
        || first == '\r' ? "'" + text : text;
  }

  /** One workbook being written. */
  static final class Book {
    private final Workbook workbook;
    private final Report report;
    private final MoneyUnit unit;
    private final Path ledgerCsv;
    private final int ledgerRowsPerSheet;
    private final Set<String> sheetNames = new HashSet<>();
    private int ledgerSheets;

    Book(Workbook workbook, Report report, MoneyUnit unit, Path ledgerCsv, int ledgerRowsPerSheet) {
      this.workbook = workbook;
      this.report = report;
      this.unit = unit;
      this.ledgerCsv = ledgerCsv;
      this.ledgerRowsPerSheet = ledgerRowsPerSheet;
    }

    void write() throws IOException {
      long ledgerRows = ledgerCsv == null ? 0 : LedgerSheets.countRows(ledgerCsv);
      about(ledgerRows);
      List<PeriodReport> periods = report.periods();
      periodSheet("Bridge", "ARR bridge (" + report.currency() + ")", periods, List.of(
          Col.money("Starting ARR", p -> p.arr().starting()),
          Col.money("New logo", p -> p.arr().newLogo()),
          Col.money("Reactivation", p -> p.arr().reactivation()),
          Col.money("Upsell", p -> p.arr().upsell()),
          Col.money("Upsell ramp", p -> p.arr().upsellRamp()),
          Col.money("Add-on seats", p -> p.arr().addOnSeats()),
          Col.money("Add-on price", p -> p.arr().addOnPrice()),
          Col.money("Cross-sell", p -> p.arr().crossSell()),
          Col.money("Downsell", p -> p.arr().downsell()),
          Col.money("Reduction seats", p -> p.arr().reductionSeats()),
          Col.money("Reduction price", p -> p.arr().reductionPrice()),
          Col.money("Product churn", p -> p.arr().productChurn()),
          Col.money("Churn", p -> p.arr().churn()),
          Col.money("Expansion", p -> p.arr().expansion()),
          Col.money("Contraction", p -> p.arr().contraction()),
          Col.money("Net new ARR", p -> p.arr().netNew()),
          Col.money("Ending ARR", p -> p.arr().ending()),
          Col.percent("NRR", p -> p.retention().nrr()),
          Col.percent("GRR", p -> p.retention().grr()),
          Col.percent("NRR 12m", p -> p.retention().nrr12m()),
          Col.percent("GRR 12m", p -> p.retention().grr12m()),
          Col.percent("ARR growth", p -> p.growth().endingArr()),
          Col.percent("Upsell ARR growth", p -> p.growth().upsellArr())));
      periodSheet("Logos", "Logos", periods, List.of(
          Col.count("Starting logos", p -> p.logos().starting()),
          Col.count("New", p -> p.logos().newLogos()),
          Col.count("Reactivated", p -> p.logos().reactivated()),
          Col.count("Churned", p -> p.logos().churned()),
          Col.count("Ending logos", p -> p.logos().ending()),
          Col.count("Customers with upsell", p -> p.customers().upsell()),
          Col.count("with add-on seats", p -> p.customers().addOnSeats()),
          Col.count("with add-on price", p -> p.customers().addOnPrice()),
          Col.count("with cross-sell", p -> p.customers().crossSell()),
          Col.count("with downsell", p -> p.customers().downsell()),
          Col.count("with reduction seats", p -> p.customers().reductionSeats()),
          Col.count("with reduction price", p -> p.customers().reductionPrice()),
          Col.count("with product churn", p -> p.customers().productChurn()),
          Col.money("ARPA", p -> p.ratios().arpa())));
      periodSheet("Seats", "Total Users (seats)", periods, List.of(
          Col.count("Starting seats", p -> p.seats().starting()),
          Col.count("New", p -> p.seats().newSeats()),
          Col.count("Expansion", p -> p.seats().expansion()),
          Col.count("Churned", p -> p.seats().churned()),
          Col.count("Downgraded", p -> p.seats().downgraded()),
          Col.count("Ending seats", p -> p.seats().ending()),
          Col.decimal("Seats per logo", p -> p.ratios().seatsPerLogo()),
          Col.money("ARPU", p -> p.ratios().arpu()),
          Col.percent("Seat growth", p -> p.growth().endingSeats())));
      periodSheet("Upsell", "Upsell Users and Upsell Rate", periods,
          upsellColumns(report.config().overWindow("Upsell rate")));
      report.segments().forEach(this::segmentSheet);
      Analysis analysis = report.analysis();
      if (analysis != null) {
        cohorts(analysis.cohorts());
        forecast(analysis.forecast());
        backtest(analysis.forecast().backtest());
        correlation(analysis.correlation());
        initiatives(analysis.initiatives());
        signals(analysis.signals());
        benchmarks(analysis.benchmarks());
      }
      if (ledgerCsv != null) {
        ledgerSheets = LedgerSheets.write(ledgerCsv, ledgerRowsPerSheet, this::sheet);
      }
    }

    /** @param rate the rate column's name, which says the window the rate is measured over */
    private static List<Col> upsellColumns(String rate) {
      return List.of(
          Col.count("Upsell Users", PeriodReport::upsellUsers),
          Col.count("Upsell Users T3", PeriodReport::upsellUsersT3),
          Col.count("Upsell Users T12", PeriodReport::upsellUsersT12),
          Col.percent("Share of logos", p -> p.ratios().upsellUsersShareOfLogos()),
          Col.decimal("Per 1,000 seats", p -> p.ratios().upsellUsersPer1000Seats()),
          Col.percent("Upsell Users growth", p -> p.growth().upsellUsers()),
          Col.count("Eligible", p -> p.upsellRate().eligible()),
          Col.count("Upsold", p -> p.upsellRate().upsold()),
          Col.percent(rate, p -> p.upsellRate().rate()),
          Col.money(Labels.UPSOLD_EXPANSION, p -> p.upsellRate().upsoldArr()),
          Col.money(Labels.AVG_UPSOLD_EXPANSION, p -> p.upsellRate().avgUpsoldArr()),
          Col.count("QTD eligible", p -> p.upsellRate().qtdEligible()),
          Col.count("QTD upsold", p -> p.upsellRate().qtdUpsold()),
          Col.percent("QTD rate", p -> p.upsellRate().qtdRate()),
          Col.percent("Target", p -> p.upsellRate().target()),
          Col.text("Status", p -> p.upsellRate().status()));
    }

    /** A unique sheet name of at most 31 characters without {@code : \ / ? * [ ]}. */
    Worksheet sheet(String wanted) {
      String name = wanted.replaceAll("[:\\\\/?*\\[\\]]", "_");
      if (name.startsWith("'")) {
        name = "_" + name.substring(1);
      }
      name = name.length() > 31 ? name.substring(0, 31) : name;
      String unique = name;
      for (int i = 2; !sheetNames.add(unique.toLowerCase(Locale.ROOT)); i++) {
        String suffix = " " + i;
        unique = (name.length() + suffix.length() > 31 ? name.substring(0, 31 - suffix.length())
            : name) + suffix;
      }
      return workbook.newWorksheet(unique);
    }

    private void about(long ledgerRows) {
      Worksheet ws = sheet("About");
      header(ws, 0, List.of("Item", "Value"));
      List<PeriodReport> periods = report.periods();
      var config = report.config();
      var input = report.input();
      Object[][] rows = {
          {"Report", "Upshift " + report.schema()},
          {"First period", periods.get(0).period()},
          {"Last period", periods.get(periods.size() - 1).period()},
          {"Grain", report.grain().code()},
          {"Book", report.book().name().toLowerCase(Locale.ROOT)},
          {"Currency", report.currency()},
          {"Upsell definition", String.join(", ", config.upsellDefinition())},
          {"Rate counting", config.rateCounting()},
          {"Minimum tenure, months", (long) config.minTenureMonths()},
          {"Exclude top tier", config.excludeTopTier() ? "yes" : "no"},
          {"Minimum expansion ARR", config.minExpansionArr()},
          {"Rate window", config.rateWindow() == null ? "each period"
              : config.rateWindow().label() + " from the first active date ("
                  + config.rateWindow().code() + "), counted in the period where it ends; no "
                  + "quarter to date, no analysis sheets"},
          {"Segment filter", config.where() == null ? "" : config.where()},
          {"Input rows", input.rows()},
          {"Billable rows", input.billableRows()},
          {"Rejected rows", input.rejectedRows()},
          {"Inferred tier directions", input.inferredTierDirections()},
          {"Amounts", "exact to 6 decimals, shown rounded half-even to 2; rates as percentages"},
          {"Unit", unit == MoneyUnit.MRR ? "MRR (ARR / 12); the Ledger sheet stays in ARR"
              : "ARR"},
          {"Opening balance", config.openingBalance() == null ? "none"
              : config.openingBalance().toString()},
          {"Ledger", ledgerCsv == null ? "not included (give --ledger or use the CLI's xlsx)"
              : ledgerRows + " rows in ARR on " + LedgerSheets.sheetsFor(ledgerRows, ledgerRowsPerSheet)
                  + " sheet(s) of at most " + ledgerRowsPerSheet + " rows"}};
      int r = 1;
      for (Object[] row : rows) {
        text(ws, r, 0, (String) row[0]);
        if (row[1] instanceof Long n) {
          number(ws, r, 1, BigDecimal.valueOf(n), COUNT);
        } else if (row[1] instanceof BigDecimal d) {
          number(ws, r, 1, d, MONEY);
        } else {
          text(ws, r, 1, (String) row[1]);
        }
        r++;
      }
      for (Map.Entry<String, Long> ignored : input.ignoredRows().entrySet()) {
        text(ws, r, 0, "Ignored rows: " + ignored.getKey());
        number(ws, r++, 1, BigDecimal.valueOf(ignored.getValue()), COUNT);
      }
      for (String note : Labels.coverageNotes(periods)) {
        text(ws, r, 0, "Coverage");
        text(ws, r++, 1, note);
      }
      ws.width(0, 28);
      ws.width(1, 60);
      ws.freezePane(0, 1);
    }

    /**
     * A period sheet as finance reads a bridge: the title and one column per period (marked
     * {@code *} when the data does not cover it whole), the period's first and last days, then a
     * row per figure; notes on marked periods under the table.
     */
    private void periodSheet(String name, String title, List<PeriodReport> periods,
        List<Col> rows) {
      Worksheet ws = sheet(name);
      List<String> head = new ArrayList<>();
      head.add(unit.relabel(title));
      periods.forEach(p -> head.add(Labels.period(p)));
      header(ws, 0, head);
      text(ws, 1, 0, "Start");
      text(ws, 2, 0, "End");
      for (int c = 0; c < periods.size(); c++) {
        date(ws, 1, c + 1, periods.get(c).start());
        date(ws, 2, c + 1, periods.get(c).end());
      }
      int r = 3;
      for (Col row : rows) {
        text(ws, r, 0, unit.relabel(row.name));
        for (int c = 0; c < periods.size(); c++) {
          row.write(this, ws, r, c + 1, periods.get(c));
        }
        r++;
      }
      r++;
      for (String note : Labels.coverageNotes(periods)) {
        text(ws, r++, 0, note);
      }
      widths(ws, periods.size() + 1, 14);
      ws.width(0, 36);
      ws.freezePane(1, 1);
    }

    private void segmentSheet(String dimension, Map<String, List<PeriodReport>> values) {
      Worksheet ws = sheet("Seg " + dimension);
      List<Col> columns = new ArrayList<>(List.of(
          Col.count("Eligible", p -> p.upsellRate().eligible()),
          Col.count("Upsold", p -> p.upsellRate().upsold()),
          Col.percent(report.config().overWindow("Upsell rate"), p -> p.upsellRate().rate()),
          Col.money(Labels.UPSOLD_EXPANSION, p -> p.upsellRate().upsoldArr()),
          Col.money(Labels.AVG_UPSOLD_EXPANSION, p -> p.upsellRate().avgUpsoldArr()),
          Col.count("Upsell Users", PeriodReport::upsellUsers),
          Col.money("Starting ARR", p -> p.arr().starting()),
          Col.money("Expansion", p -> p.arr().expansion()),
          Col.money("Contraction", p -> p.arr().contraction()),
          Col.money("Churn", p -> p.arr().churn()),
          Col.money("Net new ARR", p -> p.arr().netNew()),
          Col.money("Ending ARR", p -> p.arr().ending()),
          Col.count("Starting logos", p -> p.logos().starting()),
          Col.count("Ending logos", p -> p.logos().ending()),
          Col.count("Ending seats", p -> p.seats().ending()),
          Col.percent("NRR", p -> p.retention().nrr()),
          Col.percent("Target", p -> p.upsellRate().target()),
          Col.text("Status", p -> p.upsellRate().status())));
      List<String> names = new ArrayList<>(List.of(dimension, "Period"));
      columns.forEach(c -> names.add(unit.relabel(c.name)));
      header(ws, 0, names);
      int r = 1;
      for (var entry : values.entrySet()) {
        for (PeriodReport p : entry.getValue()) {
          text(ws, r, 0, entry.getKey());
          text(ws, r, 1, Labels.period(p));
          for (int c = 0; c < columns.size(); c++) {
            columns.get(c).write(this, ws, r, c + 2, p);
          }
          r++;
        }
      }
      widths(ws, names.size(), 14);
      ws.width(0, 18);
      ws.freezePane(2, 1);
    }

    private void cohorts(Cohorts cohorts) {
      Worksheet ws = sheet("Cohorts");
      header(ws, 0, List.of("Cohort", "First month", "Cohort customers", "Age ("
          + cohorts.ageGrain().code() + "s)", "Period", "Active at start", "Eligible", "Upsold",
          "Upsell rate", "Starting ARR", "Ending ARR", "NRR"));
      int r = 1;
      for (Cohorts.Cohort cohort : cohorts.cohorts()) {
        for (Cohorts.Cell cell : cohort.cells()) {
          text(ws, r, 0, cohort.label());
          date(ws, r, 1, cohort.firstMonth().atDay(1));
          count(ws, r, 2, cohort.customers());
          count(ws, r, 3, cell.age());
          text(ws, r, 4, cell.period());
          count(ws, r, 5, cell.customers());
          count(ws, r, 6, cell.eligible());
          count(ws, r, 7, cell.upsold());
          percent(ws, r, 8, cell.rate());
          number(ws, r, 9, cell.arrStarting(), MONEY);
          number(ws, r, 10, cell.arrEnding(), MONEY);
          percent(ws, r, 11, cell.nrr());
          r++;
        }
      }
      widths(ws, 12, 14);
      ws.freezePane(1, 1);
    }

    private void forecast(Forecast f) {
      Worksheet ws = sheet("Forecast");
      header(ws, 0, List.of("Tenure bucket", "Window eligible", "Window upsold", "Rate",
          "Rate pooled from all", "Eligible " + f.period(), "Expected upsold", "Low (80%)",
          "High (80%)", "Expected upsold expansion ARR", "ARR low (80%)", "ARR high (80%)",
          Labels.AVG_UPSOLD_EXPANSION));
      int r = 1;
      for (Forecast.Bucket b : f.buckets()) {
        text(ws, r, 0, b.tenure());
        count(ws, r, 1, b.windowEligible());
        count(ws, r, 2, b.windowUpsold());
        percent(ws, r, 3, b.rate());
        text(ws, r, 4, b.pooledFromAll() ? "yes" : "no");
        count(ws, r, 5, b.eligible());
        number(ws, r, 6, b.expectedUpsold(), DECIMAL);
        r++;
      }
      text(ws, r, 0, "All");
      count(ws, r, 5, f.eligible());
      number(ws, r, 6, f.expectedUpsold(), DECIMAL);
      number(ws, r, 7, f.upsoldLow(), DECIMAL);
      number(ws, r, 8, f.upsoldHigh(), DECIMAL);
      number(ws, r, 9, f.expectedUpsoldArr(), MONEY);
      number(ws, r, 10, f.upsoldArrLow(), MONEY);
      number(ws, r, 11, f.upsoldArrHigh(), MONEY);
      number(ws, r, 12, f.avgUpsoldArr(), MONEY);
      r += 2;
      text(ws, r, 0, "Forecast period");
      text(ws, r++, 1, f.period());
      text(ws, r, 0, "Window");
      text(ws, r++, 1, f.windowPeriods().isEmpty() ? ""
          : f.windowPeriods().get(0) + " – " + f.windowPeriods().get(f.windowPeriods().size() - 1));
      text(ws, r, 0, "Expected rate");
      percent(ws, r, 1, f.expectedRate());
      widths(ws, 13, 15);
      ws.freezePane(1, 1);
    }

    private void backtest(Forecast.Backtest backtest) {
      Worksheet ws = sheet("Backtest");
      header(ws, 0, List.of("Period", "Periods pooled", "Eligible", "Forecast", "Low (80%)",
          "High (80%)", "Actual upsold", "Abs. % error"));
      int r = 1;
      for (Forecast.BacktestPoint p : backtest.points()) {
        text(ws, r, 0, p.period());
        count(ws, r, 1, p.windowPeriods());
        count(ws, r, 2, p.eligible());
        number(ws, r, 3, p.expectedUpsold(), DECIMAL);
        number(ws, r, 4, p.upsoldLow(), DECIMAL);
        number(ws, r, 5, p.upsoldHigh(), DECIMAL);
        count(ws, r, 6, p.actualUpsold());
        percent(ws, r, 7, p.absolutePercentageError());
        r++;
      }
      text(ws, r, 0, "MAPE");
      percent(ws, r++, 7, backtest.mape());
      text(ws, r, 0, "Inside 80% interval");
      percent(ws, r, 7, backtest.intervalCoverage());
      widths(ws, 8, 14);
      ws.freezePane(1, 1);
    }

    private void correlation(Correlation c) {
      Worksheet ws = sheet("Correlation");
      header(ws, 0, List.of("Health bucket", "Eligible", "Upsold", "Upsell rate", "Lift"));
      int r = 1;
      for (Correlation.Bucket b : c.buckets()) {
        text(ws, r, 0, b.bucket());
        count(ws, r, 1, b.eligible());
        count(ws, r, 2, b.upsold());
        percent(ws, r, 3, b.rate());
        number(ws, r, 4, b.lift(), DECIMAL);
        r++;
      }
      text(ws, r, 0, "All scored");
      count(ws, r, 1, c.observations());
      count(ws, r, 2, c.upsold());
      percent(ws, r, 3, c.rate());
      r += 2;
      text(ws, r, 0, "Point-biserial correlation");
      number(ws, r++, 1, c.pointBiserial(), DECIMAL);
      text(ws, r, 0, "Mean score, upsold");
      number(ws, r++, 1, c.meanScoreUpsold(), DECIMAL);
      text(ws, r, 0, "Mean score, not upsold");
      number(ws, r++, 1, c.meanScoreNotUpsold(), DECIMAL);
      text(ws, r, 0, "Eligible without a score");
      count(ws, r, 1, c.withoutScore());
      widths(ws, 5, 14);
      ws.width(0, 26);
      ws.freezePane(1, 1);
    }

    private void initiatives(List<InitiativeImpact> impacts) {
      Worksheet ws = sheet("Initiatives");
      header(ws, 0, List.of("Initiative", "Launch date", "Segment", "Baseline periods",
          "Baseline eligible", "Baseline upsold", "Baseline rate", "Current periods",
          "Current eligible", "Current upsold", "Current rate", "Improvement (points)",
          Labels.AVG_UPSOLD_EXPANSION, "ARR impact"));
      int r = 1;
      for (InitiativeImpact i : impacts) {
        text(ws, r, 0, i.name());
        date(ws, r, 1, i.launchDate());
        text(ws, r, 2, i.segment() == null ? "All customers" : i.segment());
        text(ws, r, 3, String.join(", ", i.baselinePeriods()));
        count(ws, r, 4, i.baselineEligible());
        count(ws, r, 5, i.baselineUpsold());
        percent(ws, r, 6, i.baselineRate());
        text(ws, r, 7, String.join(", ", i.currentPeriods()));
        count(ws, r, 8, i.currentEligible());
        count(ws, r, 9, i.currentUpsold());
        percent(ws, r, 10, i.currentRate());
        number(ws, r, 11, i.improvement(), DECIMAL);
        number(ws, r, 12, i.avgUpsoldArr(), MONEY);
        number(ws, r, 13, i.arrImpact(), MONEY);
        r++;
      }
      widths(ws, 14, 14);
      ws.width(0, 30);
      ws.width(3, 24);
      ws.width(7, 24);
      ws.freezePane(1, 1);
    }

    private void signals(Signals signals) {
      Worksheet ws = sheet("Signals");
      header(ws, 0, List.of("Signal", "Status", "Window", "Item", "Value", "Text"));
      int r = 1;
      for (Signals.Signal s : List.of(signals.upsellUsers(), signals.totalUsers())) {
        String window = s.windowPeriods().isEmpty() ? "" : s.windowPeriods().get(0) + " – "
            + s.windowPeriods().get(s.windowPeriods().size() - 1);
        for (String reason : s.reasons()) {
          text(ws, r, 0, s.metric());
          text(ws, r, 1, s.status().label());
          text(ws, r, 2, window);
          text(ws, r, 3, "reason");
          text(ws, r, 5, reason);
          r++;
        }
        for (var figure : s.figures().entrySet()) {
          text(ws, r, 0, s.metric());
          text(ws, r, 1, s.status().label());
          text(ws, r, 2, window);
          text(ws, r, 3, figure.getKey());
          BigDecimal v = figure.getValue();
          String key = figure.getKey();
          if (v != null && (key.contains("share") || key.contains("Share") || key.endsWith("Growth"))) {
            percent(ws, r, 4, v);
          } else {
            number(ws, r, 4, v, v != null && v.scale() <= 0 ? COUNT : DECIMAL);
          }
          r++;
        }
      }
      widths(ws, 5, 16);
      ws.width(5, 100);
      ws.freezePane(1, 1);
    }

    private void benchmarks(Benchmarks benchmarks) {
      Worksheet ws = sheet("Benchmarks");
      header(ws, 0, List.of("Figure", "Company", "Assessment", "Reference", "Low", "High", "Basis",
          "Definition", "Note"));
      int r = 1;
      for (Benchmarks.Benchmark b : benchmarks.items()) {
        for (Benchmarks.Reference ref : b.references()) {
          text(ws, r, 0, b.label());
          percent(ws, r, 1, b.value());
          text(ws, r, 2, b.assessment());
          text(ws, r, 3, ref.label());
          percent(ws, r, 4, ref.low());
          percent(ws, r, 5, ref.high());
          text(ws, r, 6, b.basis());
          text(ws, r, 7, String.join(", ", b.definition()));
          text(ws, r, 8, b.note());
          r++;
        }
      }
      widths(ws, 6, 16);
      ws.width(0, 32);
      ws.width(6, 90);
      ws.freezePane(1, 1);
    }

    // ---- cells --------------------------------------------------------------------------------

    private static void header(Worksheet ws, int row, List<String> names) {
      for (int c = 0; c < names.size(); c++) {
        ws.value(row, c, safeText(names.get(c)));
        ws.style(row, c).bold().fillColor("E9EEF3").wrapText(true).set();
      }
    }

    private static void widths(Worksheet ws, int columns, double width) {
      for (int c = 0; c < columns; c++) {
        ws.width(c, width);
      }
    }

    static void text(Worksheet ws, int r, int c, String value) {
      if (value != null) {
        ws.value(r, c, safeText(value));
      }
    }

    static void number(Worksheet ws, int r, int c, BigDecimal value, String format) {
      if (value == null) {
        return;
      }
      BigDecimal shown = format.equals(COUNT) ? value : value.setScale(2, RoundingMode.HALF_EVEN);
      ws.value(r, c, shown);
      ws.style(r, c).format(format).set();
    }

    static void count(Worksheet ws, int r, int c, long value) {
      ws.value(r, c, value);
      ws.style(r, c).format(COUNT).set();
    }

    /** A percentage (22.50) as the fraction spreadsheets format as a percent (0.2250). */
    static void percent(Worksheet ws, int r, int c, BigDecimal value) {
      if (value == null) {
        return;
      }
      ws.value(r, c, value.setScale(2, RoundingMode.HALF_EVEN).movePointLeft(2));
      ws.style(r, c).format(PERCENT).set();
    }

    static void date(Worksheet ws, int r, int c, LocalDate value) {
      ws.value(r, c, value);
      ws.style(r, c).format(DATE).set();
    }
  }

  /** A column of a period sheet. */
  private record Col(String name, Function<PeriodReport, Object> value, String format) {
    static Col money(String name, Function<PeriodReport, BigDecimal> value) {
      return new Col(name, value::apply, MONEY);
    }

    static Col count(String name, Function<PeriodReport, Long> value) {
      return new Col(name, value::apply, COUNT);
    }

    static Col percent(String name, Function<PeriodReport, BigDecimal> value) {
      return new Col(name, value::apply, PERCENT);
    }

    static Col decimal(String name, Function<PeriodReport, BigDecimal> value) {
      return new Col(name, value::apply, DECIMAL);
    }

    static Col text(String name, Function<PeriodReport, String> value) {
      return new Col(name, value::apply, null);
    }

    void write(Book book, Worksheet ws, int r, int c, PeriodReport p) {
      Object v = value.apply(p);
      if (v == null) {
        return;
      }
      if (format == null) {
        Book.text(ws, r, c, (String) v);
      } else if (format.equals(PERCENT)) {
        Book.percent(ws, r, c, (BigDecimal) v);
      } else if (v instanceof Long n) {
        Book.count(ws, r, c, n);
      } else {
        Book.number(ws, r, c, (BigDecimal) v, format);
      }
    }
  }

  /** Lets the workbook finish its zip without closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
