package dev.upshift.render;

import static java.util.Objects.requireNonNull;

import dev.upshift.io.report.Components;
import dev.upshift.io.report.Formats;
import dev.upshift.movement.Component;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a {@link Report} as one flat CSV table for spreadsheets ({@code --format csv}).
 * Stateless.
 *
 * <p>One row per (segment dimension, segment value, period): first the totals, whose
 * {@code dimension} and {@code segment} cells are empty, then each dimension and value in the
 * report's order. The other columns are named after the JSON paths of §7.2 joined with dots
 * ({@code arr.starting}, {@code upsellRate.rate}, {@code growth.upsellArr}; see {@link #COLUMNS}).
 * {@code upsellRate.window} says on every row which window the rate uses: empty when it is
 * measured over the period, else the {@code --rate-window} as given ({@code onboarding:90}), so a
 * rate over customers' first days is never mistaken for a period's.
 *
 * <p>Cells: money, rates and ratios rounded half-even to 2 decimals as plain decimals
 * ({@code -1234.50}: no thousands separators, no exponent, no {@code %}); counts as integers;
 * {@code null} as an empty cell. Text cells (dimension, segment, period, status) are neutralised
 * against formula injection and quoted per RFC 4180 ({@link Formats#csvText}); number cells are
 * never altered, so negative numbers stay numbers (a machine reads this file: no parentheses).
 * Records end with CRLF, as RFC 4180 specifies.
 *
 * <p>{@code unit} says whether the money cells are ARR or MRR ({@code --unit}); {@code
 * coverage.*} say how much of the period the data covers ({@link dev.upshift.report.Coverage}).
 */
public final class CsvReportWriter {
  private static final String CRLF = "\r\n";

  /** {@code upsellRate.window}: a report-wide fact, filled in by {@link #write}. */
  private static final Column WINDOW = new Column("upsellRate.window", period -> null);
  /** {@code unit}: {@code arr} or {@code mrr}, the unit of every money cell; filled in by {@link #write}. */
  private static final Column UNIT = new Column("unit", period -> null);

  /** The columns after {@code dimension} and {@code segment}, in order. */
  static final List<Column> COLUMNS = columns();

  private CsvReportWriter() {}

  /** The header names, in order. */
  public static List<String> header() {
    List<String> names = new ArrayList<>(COLUMNS.size() + 2);
    names.add("dimension");
    names.add("segment");
    COLUMNS.forEach(column -> names.add(column.name));
    return List.copyOf(names);
  }

  /**
   * Writes the header and every row to {@code out} (which is neither flushed nor closed).
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(Report report, Writer out) throws IOException {
    write(report, out, MoneyUnit.ARR);
  }

  /**
   * As {@link #write(Report, Writer)}, with every money cell in {@code unit} (MRR is ARR / 12)
   * and the {@code unit} column saying which; the column names stay the JSON paths.
   *
   * @throws IOException when {@code out} fails
   */
  public static void write(Report report, Writer out, MoneyUnit unit) throws IOException {
    requireNonNull(report, "report is null");
    requireNonNull(out, "out is null");
    requireNonNull(unit, "unit is null");
    report = unit.apply(report);
    StringBuilder line = new StringBuilder(1024);
    List<String> header = header();
    for (int i = 0; i < header.size(); i++) {
      line.append(i == 0 ? "" : ",").append(header.get(i));
    }
    out.write(line.append(CRLF).toString());
    String window = report.config().rateWindow() == null ? ""
        : Formats.csvText(report.config().rateWindow().code());
    for (PeriodReport period : report.periods()) {
      writeRow(out, line, "", "", period, window, unit);
    }
    for (Map.Entry<String, Map<String, List<PeriodReport>>> dimension
        : report.segments().entrySet()) {
      String dim = Formats.csvText(dimension.getKey());
      for (Map.Entry<String, List<PeriodReport>> value : dimension.getValue().entrySet()) {
        String segment = Formats.csvText(value.getKey());
        for (PeriodReport period : value.getValue()) {
          writeRow(out, line, dim, segment, period, window, unit);
        }
      }
    }
  }

  /** One row; {@code window} is the text of the {@code upsellRate.window} cell. */
  private static void writeRow(Writer out, StringBuilder line, String dimension, String segment,
      PeriodReport period, String window, MoneyUnit unit) throws IOException {
    line.setLength(0);
    line.append(dimension).append(',').append(segment);
    for (Column column : COLUMNS) {
      line.append(',').append(column == WINDOW ? window
          : column == UNIT ? unit.code() : column.cell(period));
    }
    out.write(line.append(CRLF).toString());
  }

  /** A named column and how to read its cell from a period. */
  static final class Column {
    final String name;
    private final Function<PeriodReport, Object> value;

    private Column(String name, Function<PeriodReport, Object> value) {
      this.name = name;
      this.value = value;
    }

    /** The cell text: numbers plain, text neutralised and quoted, null empty. */
    String cell(PeriodReport period) {
      Object v = value.apply(period);
      if (v == null) {
        return "";
      }
      if (v instanceof BigDecimal) {
        return Formats.plain((BigDecimal) v);
      }
      if (v instanceof Long || v instanceof Integer) {
        return v.toString();
      }
      return Formats.csvText(v.toString());
    }
  }

  private static List<Column> columns() {
    List<Column> c = new ArrayList<>();
    add(c, "period", PeriodReport::period);
    add(c, "start", PeriodReport::start);
    add(c, "end", PeriodReport::end);
    add(c, "arr.starting", r -> r.arr().starting());
    for (Component component : Component.values()) {
      add(c, "arr." + component.jsonName(), r -> Components.amount(r.arr(), component));
      if (component == Component.UPSELL) {
        add(c, "arr.upsellRamp", r -> r.arr().upsellRamp());
      }
    }
    add(c, "arr.expansion", r -> r.arr().expansion());
    add(c, "arr.contraction", r -> r.arr().contraction());
    add(c, "arr.netNew", r -> r.arr().netNew());
    add(c, "arr.ending", r -> r.arr().ending());
    add(c, "logos.starting", r -> r.logos().starting());
    add(c, "logos.new", r -> r.logos().newLogos());
    add(c, "logos.reactivated", r -> r.logos().reactivated());
    add(c, "logos.churned", r -> r.logos().churned());
    add(c, "logos.ending", r -> r.logos().ending());
    add(c, "customers.upsell", r -> r.customers().upsell());
    add(c, "customers.addOnSeats", r -> r.customers().addOnSeats());
    add(c, "customers.addOnPrice", r -> r.customers().addOnPrice());
    add(c, "customers.crossSell", r -> r.customers().crossSell());
    add(c, "customers.downsell", r -> r.customers().downsell());
    add(c, "customers.reductionSeats", r -> r.customers().reductionSeats());
    add(c, "customers.reductionPrice", r -> r.customers().reductionPrice());
    add(c, "customers.productChurn", r -> r.customers().productChurn());
    add(c, "seats.starting", r -> r.seats().starting());
    add(c, "seats.new", r -> r.seats().newSeats());
    add(c, "seats.expansion", r -> r.seats().expansion());
    add(c, "seats.churned", r -> r.seats().churned());
    add(c, "seats.downgraded", r -> r.seats().downgraded());
    add(c, "seats.ending", r -> r.seats().ending());
    add(c, "upsellUsers", PeriodReport::upsellUsers);
    add(c, "upsellUsersT3", PeriodReport::upsellUsersT3);
    add(c, "upsellUsersT12", PeriodReport::upsellUsersT12);
    add(c, "upsellRate.eligible", r -> r.upsellRate().eligible());
    add(c, "upsellRate.upsold", r -> r.upsellRate().upsold());
    add(c, "upsellRate.rate", r -> r.upsellRate().rate());
    add(c, "upsellRate.upsoldArr", r -> r.upsellRate().upsoldArr());
    add(c, "upsellRate.avgUpsoldArr", r -> r.upsellRate().avgUpsoldArr());
    add(c, "upsellRate.qtdEligible", r -> r.upsellRate().qtdEligible());
    add(c, "upsellRate.qtdUpsold", r -> r.upsellRate().qtdUpsold());
    add(c, "upsellRate.qtdRate", r -> r.upsellRate().qtdRate());
    add(c, "upsellRate.target", r -> r.upsellRate().target());
    add(c, "upsellRate.status", r -> r.upsellRate().status());
    c.add(WINDOW);
    add(c, "retention.nrr", r -> r.retention().nrr());
    add(c, "retention.grr", r -> r.retention().grr());
    add(c, "retention.nrr12m", r -> r.retention().nrr12m());
    add(c, "retention.grr12m", r -> r.retention().grr12m());
    add(c, "ratios.seatsPerLogo", r -> r.ratios().seatsPerLogo());
    add(c, "ratios.arpa", r -> r.ratios().arpa());
    add(c, "ratios.arpu", r -> r.ratios().arpu());
    add(c, "ratios.upsellUsersShareOfLogos", r -> r.ratios().upsellUsersShareOfLogos());
    add(c, "ratios.upsellUsersPer1000Seats", r -> r.ratios().upsellUsersPer1000Seats());
    add(c, "growth.endingArr", r -> r.growth().endingArr());
    add(c, "growth.endingSeats", r -> r.growth().endingSeats());
    add(c, "growth.upsellUsers", r -> r.growth().upsellUsers());
    add(c, "growth.upsellArr", r -> r.growth().upsellArr());
    // Added by #14, after every earlier column so that readers by position keep working.
    c.add(UNIT);
    add(c, "coverage.from", r -> r.coverage().from());
    add(c, "coverage.through", r -> r.coverage().through());
    add(c, "coverage.days", r -> r.coverage().days());
    add(c, "coverage.ofDays", r -> r.coverage().ofDays());
    add(c, "coverage.opening", r -> r.coverage().opening());
    add(c, "coverage.partial", r -> r.coverage().partial());
    return List.copyOf(c);
  }

  private static void add(List<Column> columns, String name, Function<PeriodReport, Object> value) {
    columns.add(new Column(name, value));
  }
}
