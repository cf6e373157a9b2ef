package dev.upshift.render;

import static dev.upshift.io.report.Formats.amount;
import static dev.upshift.io.report.Formats.count;
import static dev.upshift.io.report.Formats.padLeft;
import static dev.upshift.io.report.Formats.padRight;
import static dev.upshift.io.report.Formats.percent;
import static java.util.Objects.requireNonNull;

import dev.upshift.io.report.Components;
import dev.upshift.io.report.Formats;
import dev.upshift.metric.Rates;
import dev.upshift.movement.Component;
import dev.upshift.report.CustomerCounts;
import dev.upshift.report.InputInfo;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportConfig;
import dev.upshift.report.UpsellRateFigures;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Writes a {@link Report} as the plain-text tables of {@code --format table}: what a person reads
 * in a terminal or pastes into an e-mail. Stateless.
 *
 * <p>Layout: a header block (currency, grain, book, range, configuration, input counts); then one
 * section per metric family with the periods as columns: the ARR bridge laid out as a finance
 * team's ARR waterfall (starting ARR, each component, a rule, expansion / contraction / net new, a
 * rule, ending ARR), Logos, Customers with movement, Total Users, Upsell Users, Upsell Rate,
 * Retention, Ratios and Growth. Every section uses the same column width, so the columns line up
 * down the page; when the periods do not fit in {@value #MAX_LINE} characters (or exceed
 * {@value #MAX_PERIODS_PER_BLOCK} columns) each section wraps into consecutive blocks, each headed
 * by its own period labels. Then, per segment dimension, a table with one row per segment value
 * for the last period (like the "Segment-Level Upsell Rate Analysis" of a dashboard) followed by a
 * Total row; with several periods, a second table sums the flows over the whole range and pools
 * the rate (Σ upsold / Σ eligible, never an average of rates).
 *
 * <p>Rows that can only be empty are left out rather than filled with dashes: the quarter-to-date
 * rows for quarter and year grain and over an onboarding window (§10 and §5.5 make them {@code
 * null} there), and the target and status rows when no period has a target. Over a window, the
 * Upsell Rate's section and the segment tables' rate column name it ({@code Upsell Rate, first 90
 * days}). Numbers follow {@link Formats}: 2 decimals for money and
 * ratios, thousands separators, negatives in parentheses, {@code —} for an undefined value. Lines
 * end with {@code \n}; no line has trailing spaces.
 */
public final class TableReportWriter {
  /** Lines are kept within this many characters (unless a single column is wider). */
  static final int MAX_LINE = 140;
  /** At most this many period columns side by side. */
  static final int MAX_PERIODS_PER_BLOCK = 8;

  private static final String NL = "\n";
  private static final int GAP = 2;

  private TableReportWriter() {}

  /**
   * Writes the report's tables to {@code out} (which is neither flushed nor closed).
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(Report report, Appendable out) throws IOException {
    write(report, out, MoneyUnit.ARR);
  }

  /**
   * Writes the report's tables with money in {@code unit} (labels say which).
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(Report report, Appendable out, MoneyUnit unit) throws IOException {
    requireNonNull(report, "report is null");
    requireNonNull(out, "out is null");
    requireNonNull(unit, "unit is null");
    report = unit.apply(report);
    StringBuilder text = new StringBuilder(8192);
    header(report, text, unit);
    List<PeriodReport> periods = report.periods();
    if (!periods.isEmpty()) {
      List<Section> sections = sections(report, unit);
      List<String> labels = periods.stream().map(Labels::period).toList();
      int labelWidth = 0;
      int columnWidth = 0;
      for (String label : labels) {
        columnWidth = Math.max(columnWidth, label.length());
      }
      for (Section section : sections) {
        labelWidth = Math.max(labelWidth, section.title.length());
        for (Row row : section.rows) {
          labelWidth = Math.max(labelWidth, row.label.length());
          for (String cell : row.cells) {
            columnWidth = Math.max(columnWidth, cell.length());
          }
        }
      }
      int fit = (MAX_LINE - labelWidth) / (columnWidth + GAP);
      int perBlock = Math.max(1, Math.min(MAX_PERIODS_PER_BLOCK, fit));
      for (Section section : sections) {
        text.append(NL);
        section.render(text, labels, labelWidth, columnWidth, perBlock);
      }
      for (Map.Entry<String, Map<String, List<PeriodReport>>> dimension
          : report.segments().entrySet()) {
        text.append(NL);
        segmentTables(dimension.getKey(), dimension.getValue(), periods,
            report.config().overWindow("Rate"), unit, text);
      }
    }
    out.append(text);
  }

  // ------------------------------------------------------------------------------------ header

  private static void header(Report report, StringBuilder text, MoneyUnit unit) {
    ReportConfig config = report.config();
    InputInfo input = report.input();
    List<PeriodReport> periods = report.periods();
    line(text, "Upshift report", report.schema());
    line(text, "Currency", report.currency());
    line(text, "Grain", report.grain().code());
    line(text, "Book", report.book() == Book.CONTRACTED
        ? "contracted (ending ARR is CARR)" : report.book().code());
    line(text, "Periods", periods.isEmpty() ? "(none)"
        : periods.get(0).period() + " to " + periods.get(periods.size() - 1).period()
            + " (" + periods.size() + (periods.size() == 1 ? " period, " : " periods, ")
            + periods.get(0).start() + " to " + periods.get(periods.size() - 1).end() + ")");
    boolean seatsOnly = config.upsellDefinition().equals(List.of("seats"));
    line(text, "Upsold when", String.join(", ", config.upsellDefinition())
        + "; rate counting " + config.rateCounting() + "; min expansion "
        + (seatsOnly ? config.minExpansionArr().stripTrailingZeros().toPlainString() + " seats"
            : amount(config.minExpansionArr()) + " ARR"));
    if (config.rateWindow() == null) {
      line(text, "Eligible when", "tenure >= " + config.minTenureMonths()
          + " months; exclude top tier " + Formats.yesNo(config.excludeTopTier()));
    } else {
      line(text, "Rate window", "each customer's " + config.rateWindow().label() + " from its first"
          + " active date (" + config.rateWindow().code() + "), counted in the period where they end");
      line(text, "Eligible when", "the window ends in the period; exclude top tier "
          + Formats.yesNo(config.excludeTopTier()) + " (at the first active date)");
    }
    line(text, "Segment", config.where() == null ? "all customers" : config.where());
    long ignored = input.ignoredRows().values().stream().mapToLong(Long::longValue).sum();
    StringBuilder rows = new StringBuilder()
        .append(count(input.rows())).append(" rows: ")
        .append(count(input.billableRows())).append(" billable, ")
        .append(count(ignored)).append(" ignored");
    List<String> reasons = new ArrayList<>();
    input.ignoredRows().forEach((reason, n) -> {
      if (n != 0) {
        reasons.add(reason + " " + count(n));
      }
    });
    if (!reasons.isEmpty()) {
      rows.append(" (").append(String.join(", ", reasons)).append(')');
    }
    rows.append(", ").append(count(input.rejectedRows())).append(" rejected");
    line(text, "Input", rows.toString());
    if (!input.reading().asSpecified()) {
      line(text, "Read as", reading(input.reading()));
    }
    line(text, "Tier directions", count(input.inferredTierDirections())
        + " inferred from a plan change");
    if (unit == MoneyUnit.MRR) {
      line(text, "Unit", "MRR (ARR / 12); rates and counts unchanged");
    }
    if (report.config().openingBalance() != null) {
      line(text, "Opening balance", report.config().openingBalance()
          + ": customers active on its first day start it as starting ARR");
    }
    for (String note : Labels.coverageNotes(periods)) {
      line(text, "Coverage", note);
    }
  }

  /** How an export was read: {@code monthly_amount as mrr; ignored sales_rep; inclusive end dates}. */
  private static String reading(dev.upshift.report.InputInfo.Reading reading) {
    List<String> parts = new ArrayList<>();
    if (!reading.mappedColumns().isEmpty()) {
      List<String> mapped = new ArrayList<>();
      reading.mappedColumns().forEach((source, target) -> mapped.add(source + " as " + target));
      parts.add(String.join(", ", mapped));
    }
    if (!reading.ignoredColumns().isEmpty()) {
      parts.add("ignored " + String.join(", ", reading.ignoredColumns()));
    }
    if (reading.inclusiveEndDates()) {
      parts.add("inclusive end dates");
    }
    return String.join("; ", parts);
  }

  private static void line(StringBuilder text, String key, String value) {
    text.append(padRight(key, 17)).append(value).append(NL);
  }

  // ---------------------------------------------------------------------------------- sections

  private static List<Section> sections(Report report, MoneyUnit unit) {
    List<PeriodReport> p = report.periods();
    List<Section> sections = new ArrayList<>();

    Section bridge = new Section("ARR bridge (" + report.currency() + ")", p, unit);
    bridge.money("Starting ARR", r -> r.arr().starting());
    for (Component component : Component.values()) {
      bridge.money(Formats.label(component), r -> Components.amount(r.arr(), component));
      if (component == Component.UPSELL) {
        bridge.money("  of which ramp", r -> r.arr().upsellRamp());
      }
    }
    bridge.rule();
    bridge.money("Expansion", r -> r.arr().expansion());
    bridge.money("Contraction", r -> r.arr().contraction());
    bridge.money("Net new ARR", r -> r.arr().netNew());
    bridge.rule();
    bridge.money("Ending ARR", r -> r.arr().ending());
    sections.add(bridge);

    Section logos = new Section("Logos", p, unit);
    logos.count("Starting", r -> r.logos().starting());
    logos.count("New", r -> r.logos().newLogos());
    logos.count("Reactivated", r -> r.logos().reactivated());
    logos.count("Churned", r -> r.logos().churned());
    logos.rule();
    logos.count("Ending", r -> r.logos().ending());
    sections.add(logos);

    Section customers = new Section("Customers with movement", p, unit);
    customers.count(Formats.label(Component.UPSELL), r -> r.customers().upsell());
    customers.count(Formats.label(Component.ADD_ON_SEATS), r -> r.customers().addOnSeats());
    customers.count(Formats.label(Component.ADD_ON_PRICE), r -> r.customers().addOnPrice());
    customers.count(Formats.label(Component.CROSS_SELL), r -> r.customers().crossSell());
    customers.count(Formats.label(Component.DOWNSELL), r -> r.customers().downsell());
    customers.count(Formats.label(Component.REDUCTION_SEATS),
        r -> r.customers().reductionSeats());
    customers.count(Formats.label(Component.REDUCTION_PRICE),
        r -> r.customers().reductionPrice());
    customers.count(Formats.label(Component.PRODUCT_CHURN), r -> r.customers().productChurn());
    sections.add(customers);

    Section seats = new Section("Total Users (seats)", p, unit);
    seats.count("Starting", r -> r.seats().starting());
    seats.count("New", r -> r.seats().newSeats());
    seats.count("Expansion", r -> r.seats().expansion());
    seats.count("Churned", r -> r.seats().churned());
    seats.count("Downgraded", r -> r.seats().downgraded());
    seats.rule();
    seats.count("Ending", r -> r.seats().ending());
    sections.add(seats);

    Section users = new Section("Upsell Users", p, unit);
    users.count("Upsell Users", PeriodReport::upsellUsers);
    users.count("Trailing 3 months", PeriodReport::upsellUsersT3);
    users.count("Trailing 12 months", PeriodReport::upsellUsersT12);
    users.percent("Share of starting logos", r -> r.ratios().upsellUsersShareOfLogos());
    users.money("Per 1,000 starting seats", r -> r.ratios().upsellUsersPer1000Seats());
    sections.add(users);

    Section rate = new Section(report.config().upsellRateTitle(), p, unit);
    rate.count("Eligible", r -> r.upsellRate().eligible());
    rate.count("Upsold", r -> r.upsellRate().upsold());
    rate.percent("Rate", r -> r.upsellRate().rate());
    rate.money(Labels.UPSOLD_EXPANSION, r -> r.upsellRate().upsoldArr());
    rate.money(Labels.AVG_UPSOLD_EXPANSION, r -> r.upsellRate().avgUpsoldArr());
    if (report.grain() == Grain.MONTH && report.config().rateWindow() == null) {
      rate.cells("QTD eligible", r -> count(r.upsellRate().qtdEligible()));
      rate.cells("QTD upsold", r -> count(r.upsellRate().qtdUpsold()));
      rate.percent("QTD rate", r -> r.upsellRate().qtdRate());
    }
    if (p.stream().anyMatch(r -> r.upsellRate().target() != null)) {
      rate.percent("Target", r -> r.upsellRate().target());
      rate.cells("Status", r -> statusOf(r.upsellRate()));
    }
    sections.add(rate);

    Section retention = new Section("Retention", p, unit);
    retention.percent("NRR", r -> r.retention().nrr());
    retention.percent("GRR", r -> r.retention().grr());
    retention.percent("NRR 12 months", r -> r.retention().nrr12m());
    retention.percent("GRR 12 months", r -> r.retention().grr12m());
    sections.add(retention);

    Section ratios = new Section("Ratios", p, unit);
    ratios.money("Seats per logo", r -> r.ratios().seatsPerLogo());
    ratios.money("ARPA", r -> r.ratios().arpa());
    ratios.money("ARPU", r -> r.ratios().arpu());
    sections.add(ratios);

    Section growth = new Section("Growth vs previous period", p, unit);
    growth.percent("Ending ARR", r -> r.growth().endingArr());
    growth.percent("Ending seats", r -> r.growth().endingSeats());
    growth.percent("Upsell Users", r -> r.growth().upsellUsers());
    growth.percent("Upsell ARR", r -> r.growth().upsellArr());
    sections.add(growth);
    return sections;
  }

  private static String statusOf(UpsellRateFigures figures) {
    return figures.status() == null ? Formats.NULL : figures.status();
  }

  /** A titled block of rows with one cell per period. */
  private static final class Section {
    private final String title;
    private final List<PeriodReport> periods;
    private final MoneyUnit unit;
    private final List<Row> rows = new ArrayList<>();

    /** A section whose title and row labels name the money in {@code unit}. */
    Section(String title, List<PeriodReport> periods, MoneyUnit unit) {
      this.title = unit.relabel(title);
      this.periods = periods;
      this.unit = unit;
    }

    void money(String label, Function<PeriodReport, BigDecimal> value) {
      cells(label, r -> amount(value.apply(r)));
    }

    void percent(String label, Function<PeriodReport, BigDecimal> value) {
      cells(label, r -> Formats.percent(value.apply(r)));
    }

    void count(String label, ToLongFunction<PeriodReport> value) {
      cells(label, r -> Formats.count(value.applyAsLong(r)));
    }

    void cells(String label, Function<PeriodReport, String> cell) {
      rows.add(new Row(unit.relabel(label), periods.stream().map(cell).toList()));
    }

    void rule() {
      rows.add(Row.RULE);
    }

    void render(StringBuilder text, List<String> labels, int labelWidth, int columnWidth,
        int perBlock) {
      for (int from = 0; from < labels.size(); from += perBlock) {
        int to = Math.min(labels.size(), from + perBlock);
        if (from > 0) {
          text.append(NL);
        }
        int width = labelWidth + (to - from) * (GAP + columnWidth);
        StringBuilder line = new StringBuilder(width);
        line.append(padRight(title, labelWidth));
        for (int i = from; i < to; i++) {
          line.append(" ".repeat(GAP)).append(padLeft(labels.get(i), columnWidth));
        }
        text.append(line).append(NL);
        for (Row row : rows) {
          if (row == Row.RULE) {
            text.append("-".repeat(width)).append(NL);
            continue;
          }
          line.setLength(0);
          line.append(padRight(row.label, labelWidth));
          for (int i = from; i < to; i++) {
            line.append(" ".repeat(GAP)).append(padLeft(row.cells.get(i), columnWidth));
          }
          text.append(line).append(NL);
        }
      }
    }
  }

  private static final class Row {
    static final Row RULE = new Row("", List.of());

    final String label;
    final List<String> cells;

    Row(String label, List<String> cells) {
      this.label = label;
      this.cells = cells;
    }
  }

  // ---------------------------------------------------------------------------------- segments

  /** @param rate the rate column's name, which says the window the rate is measured over */
  private static void segmentTables(String dimension, Map<String, List<PeriodReport>> values,
      List<PeriodReport> totals, String rate, MoneyUnit unit, StringBuilder text) {
    int last = totals.size() - 1;
    String lastLabel = totals.get(last).period();
    Grid current = new Grid("Segments by " + dimension + ", " + lastLabel,
        List.of(dimension, unit.relabel("Starting ARR"), "Net new", unit.relabel("Ending ARR"),
            "Eligible", "Upsold", rate, unit.relabel(Labels.AVG_UPSOLD_EXPANSION), "Expansion",
            "Upsell Users"));
    values.forEach((value, periods) -> current.add(lastPeriodRow(value, periods.get(last))));
    current.rule();
    current.add(lastPeriodRow("Total", totals.get(last)));
    if (values.isEmpty()) {
      current.note("No segment value has a non-zero figure.");
    }
    current.render(text);
    if (totals.size() > 1) {
      text.append(NL);
      Grid range = new Grid("Segments by " + dimension + ", " + totals.get(0).period() + " to "
          + lastLabel + " (" + totals.size() + " periods summed, rate pooled)",
          List.of(dimension, "Net new", "Expansion", "Eligible", "Upsold", rate,
              unit.relabel(Labels.AVG_UPSOLD_EXPANSION), "Upsell Users"));
      values.forEach((value, periods) -> range.add(pooledRow(value, periods)));
      range.rule();
      range.add(pooledRow("Total", totals));
      range.note("Eligible, Upsold and Upsell Users count customer-periods;"
          + " Rate = sum of upsold / sum of eligible.");
      range.render(text);
    }
  }

  private static List<String> lastPeriodRow(String value, PeriodReport r) {
    UpsellRateFigures rate = r.upsellRate();
    return List.of(value, amount(r.arr().starting()), amount(r.arr().netNew()),
        amount(r.arr().ending()), count(rate.eligible()), count(rate.upsold()),
        percent(rate.rate()), amount(rate.avgUpsoldArr()), amount(r.arr().expansion()),
        count(r.upsellUsers()));
  }

  private static List<String> pooledRow(String value, List<PeriodReport> periods) {
    BigDecimal netNew = BigDecimal.ZERO;
    BigDecimal expansion = BigDecimal.ZERO;
    BigDecimal upsoldArr = BigDecimal.ZERO;
    long eligible = 0;
    long upsold = 0;
    long upsellUsers = 0;
    for (PeriodReport r : periods) {
      netNew = netNew.add(r.arr().netNew());
      expansion = expansion.add(r.arr().expansion());
      upsoldArr = upsoldArr.add(r.upsellRate().upsoldArr());
      eligible = Math.addExact(eligible, r.upsellRate().eligible());
      upsold = Math.addExact(upsold, r.upsellRate().upsold());
      upsellUsers = Math.addExact(upsellUsers, r.upsellUsers());
    }
    return List.of(value, amount(netNew), amount(expansion), count(eligible), count(upsold),
        percent(Rates.percent(upsold, eligible)),
        amount(Rates.quotient(upsoldArr, BigDecimal.valueOf(upsold))), count(upsellUsers));
  }

  /** A table whose rows are segment values and whose columns are metrics. */
  private static final class Grid {
    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Grid(String title, List<String> header) {
      this.title = title;
      this.header = header;
    }

    void add(List<String> row) {
      rows.add(row);
    }

    void rule() {
      rows.add(null);
    }

    void note(String note) {
      notes.add(note);
    }

    void render(StringBuilder text) {
      int[] widths = new int[header.size()];
      for (int c = 0; c < widths.length; c++) {
        widths[c] = header.get(c).length();
      }
      for (List<String> row : rows) {
        for (int c = 0; row != null && c < widths.length; c++) {
          widths[c] = Math.max(widths[c], row.get(c).length());
        }
      }
      int width = widths[0];
      for (int c = 1; c < widths.length; c++) {
        width += GAP + widths[c];
      }
      text.append(title).append(NL);
      renderRow(text, header, widths);
      text.append("-".repeat(width)).append(NL);
      for (List<String> row : rows) {
        if (row == null) {
          text.append("-".repeat(width)).append(NL);
        } else {
          renderRow(text, row, widths);
        }
      }
      for (String note : notes) {
        text.append(note).append(NL);
      }
    }

    private static void renderRow(StringBuilder text, List<String> row, int[] widths) {
      StringBuilder line = new StringBuilder();
      line.append(padRight(row.get(0), widths[0]));
      for (int c = 1; c < widths.length; c++) {
        line.append(" ".repeat(GAP)).append(padLeft(row.get(c), widths[c]));
      }
      text.append(stripTrailing(line)).append(NL);
    }
  }

  private static String stripTrailing(CharSequence line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.subSequence(0, end).toString();
  }
}
