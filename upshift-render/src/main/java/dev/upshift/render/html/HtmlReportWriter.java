package dev.upshift.render.html;

import static dev.upshift.render.html.Html.count;
import static dev.upshift.render.html.Html.esc;
import static dev.upshift.render.html.Html.money;
import static dev.upshift.render.html.Html.percent;
import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.Benchmarks;
import dev.upshift.analysis.Cohorts;
import dev.upshift.analysis.Correlation;
import dev.upshift.analysis.Forecast;
import dev.upshift.analysis.InitiativeImpact;
import dev.upshift.analysis.Signals;
import dev.upshift.metric.Rates;
import dev.upshift.report.ArrBridge;
import dev.upshift.render.Labels;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a report as one self-contained HTML file (§7.1 {@code --format html}): KPI summary, ARR
 * bridge waterfall, Total Users waterfall, Upsell Users and Upsell Rate against target, the seed
 * dashboards' segment tables, cohort heat maps, forecast, health correlation, initiatives, signals
 * and benchmarks. Every chart has its numbers in a table. Immutable and thread-safe.
 *
 * <p>The file opens offline: Chart.js {@value #CHART_JS_VERSION} (MIT, see {@code
 * THIRD-PARTY.md} beside the resources), the stylesheet, the drawing script and the data are
 * inlined; nothing is fetched. All text from the data (segment values, initiative names, labels)
 * is HTML-escaped, and the embedded JSON escapes {@code <}, {@code >}, {@code &} and {@code '}, so
 * no value can end the script element. Output is deterministic (no clock).
 *
 * <p>Tables show money in whole currency units (negatives in parentheses) and rates with 2
 * decimals; the JSON and spreadsheet outputs carry cents. Analysis sections appear when {@link
 * Report#analysis()} is set ({@link dev.upshift.Upshift#analyze}); the segment tables need the
 * dimensions of {@link #optionsFor(ReportOptions)}.
 *
 * <pre>{@code
 * ReportOptions options = HtmlReportWriter.optionsFor(userOptions);
 * Report report = Upshift.analyze(dataset, options, analysisOptions, null);
 * new HtmlReportWriter().write(report, Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReportWriter {
  /** The version of the inlined Chart.js. */
  public static final String CHART_JS_VERSION = "4.5.1";

  private static final String RESOURCES = "/dev/upshift/render/html/";
  /** Cohort heat maps show at most this many (most recent) cohorts and ages. */
  static final int HEAT_MAP_LIMIT = 24;
  /** Cohort heat maps show at most this many ages (columns). */
  static final int HEAT_MAP_AGES = 24;

  private final String title;
  /** Today's date for the "prepared" line, or {@code null} to leave it out (deterministic output). */
  private final Clock clock;
  private final MoneyUnit unit;

  /** A writer titling reports "Upshift report", in ARR, without a prepared date. */
  public HtmlReportWriter() {
    this("Upshift report");
  }

  /** A writer with its own title (e.g. the company's name), escaped on output. */
  public HtmlReportWriter(String title) {
    this(title, null, MoneyUnit.ARR);
  }

  /**
   * A writer with its own title, the date the report is prepared on taken from {@code clock}
   * ({@code null}: no prepared date, so the output depends on the report alone) and money in
   * {@code unit}.
   */
  public HtmlReportWriter(String title, Clock clock, MoneyUnit unit) {
    this.title = requireNonNull(title, "title is null");
    this.clock = clock;
    this.unit = requireNonNull(unit, "unit is null");
  }

  /**
   * The options an HTML (or spreadsheet) report needs: {@code by} with {@code tenure},
   * {@code initial_arr} and {@code health} added for the segment tables.
   */
  public static ReportOptions optionsFor(ReportOptions options) {
    return Analysis.withDashboardDimensions(options);
  }

  /** Writes the report to a file (UTF-8), replacing it. */
  public void write(Report report, Path file) throws IOException {
    Files.writeString(file, render(report), StandardCharsets.UTF_8);
  }

  /** Writes the report. */
  public void write(Report report, Writer out) throws IOException {
    out.write(render(report));
  }

  /** The report as an HTML document. */
  public String render(Report report) {
    requireNonNull(report, "report is null");
    return new Page(unit.apply(report), title,
        clock == null ? null : LocalDate.now(clock), unit).render();
  }

  static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One rendering. */
  private static final class Page {
    private final Report report;
    private final String title;
    private final LocalDate prepared;
    private final MoneyUnit unit;
    private final List<PeriodReport> periods;
    private final PeriodReport last;
    private final PeriodReport previous;
    private final String symbol;
    private final boolean continuous;
    private final StringBuilder h = new StringBuilder(1 << 20);

    Page(Report report, String title, LocalDate prepared, MoneyUnit unit) {
      this.report = report;
      this.title = title;
      this.prepared = prepared;
      this.unit = unit;
      this.periods = report.periods();
      this.last = periods.get(periods.size() - 1);
      this.previous = periods.size() > 1 ? periods.get(periods.size() - 2) : null;
      this.symbol = Html.symbol(report.currency());
      boolean joined = true;
      for (int i = 1; i < periods.size(); i++) {
        joined &= periods.get(i).arr().starting().compareTo(periods.get(i - 1).arr().ending()) == 0
            && periods.get(i).seats().starting() == periods.get(i - 1).seats().ending();
      }
      this.continuous = joined;
    }

    String render() {
      h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<meta name=\"generator\" content=\"Upshift\">\n")
          .append("<title>").append(esc(title)).append(" · ").append(esc(range())).append("</title>\n")
          .append("<script>window.__errors=[];window.addEventListener('error',function(e){")
          .append("window.__errors.push(String(e.message||e));document.documentElement.setAttribute(")
          .append("'data-error-count',String(window.__errors.length));});")
          .append("window.addEventListener('unhandledrejection',function(e){window.__errors.push(")
          .append("'unhandled rejection: '+String(e.reason));document.documentElement.setAttribute(")
          .append("'data-error-count',String(window.__errors.length));});</script>\n")
          .append("<style>\n").append(resource("report.css")).append("</style>\n</head>\n<body>\n");
      masthead();
      nav();
      h.append("<main class=\"wrap\">\n");
      summary();
      arrBridge();
      totalUsers();
      upsell();
      segments();
      Analysis analysis = report.analysis();
      if (analysis != null) {
        cohorts(analysis.cohorts());
        forecast(analysis.forecast());
        health(analysis.correlation());
        initiatives(analysis.initiatives());
        signals(analysis.signals(), analysis.benchmarks());
      }
      h.append("<pre id=\"script-errors\"></pre>\n</main>\n");
      footer();
      h.append("<script type=\"application/json\" id=\"upshift-data\">")
          .append(ChartData.json(report, symbol, unit.code())).append("</script>\n");
      h.append("<script>\n").append(resource("chart.umd.min.js")).append("\n</script>\n");
      h.append("<script>\n").append(resource("report.js")).append("</script>\n");
      h.append("</body>\n</html>\n");
      return h.toString();
    }

    private String range() {
      String first = periods.get(0).period();
      return periods.size() == 1 ? first : first + " – " + last.period();
    }

    private String grainWord() {
      return switch (report.grain()) {
        case MONTH -> "monthly";
        case QUARTER -> "quarterly";
        case YEAR -> "yearly";
      };
    }

    private void masthead() {
      h.append("<header class=\"masthead\"><div class=\"wrap\">")
          .append("<p class=\"eyebrow\">Upshift · SaaS expansion metrics</p>")
          .append("<h1>").append(esc(title)).append("</h1><p class=\"meta\">")
          .append("<span>").append(esc(range())).append("</span>")
          .append("<span>").append(grainWord()).append(" periods</span>")
          .append("<span>").append(esc(report.book().name().toLowerCase(Locale.ROOT)))
          .append(" book</span>")
          .append("<span>").append(esc(report.currency())).append("</span>");
      if (report.config().where() != null) {
        h.append("<span>segment ").append(esc(report.config().where())).append("</span>");
      }
      if (report.config().rateWindow() != null) {
        h.append("<span>").append(esc(report.config().upsellRateTitle())).append("</span>");
      }
      if (unit == MoneyUnit.MRR) {
        h.append("<span>MRR (ARR ÷ 12)</span>");
      }
      h.append("</p><p class=\"meta dates\"><span>Data through ").append(esc(dataThrough()))
          .append("</span>");
      if (prepared != null) {
        h.append("<span>prepared ").append(esc(prepared.toString())).append("</span>");
      }
      h.append("</p></div></header>\n");
    }

    /** The last day the data covers in the report's periods (their last day when not known). */
    private String dataThrough() {
      LocalDate through = null;
      for (PeriodReport p : periods) {
        if (p.coverage().through() != null) {
          through = p.coverage().through();
        }
      }
      return String.valueOf(through != null ? through : last.end());
    }

    /** A label or sentence with ARR named as the report's unit (MRR when asked for). */
    private String u(String text) {
      return unit.relabel(text);
    }

    /** A period's column or row label: its name, marked when the data does not cover it whole. */
    private static String periodLabel(PeriodReport p) {
      return Labels.period(p);
    }

    /** The notes on the marked periods under a table, or nothing. */
    private void coverageNotes(List<PeriodReport> shown) {
      List<String> notes = Labels.coverageNotes(shown);
      if (!notes.isEmpty()) {
        h.append("<ul class=\"note coverage\">");
        for (String note : notes) {
          h.append("<li>").append(esc(note)).append("</li>");
        }
        h.append("</ul>\n");
      }
    }

    private void nav() {
      List<String[]> links = new ArrayList<>(List.of(
          new String[] {"summary", "Summary"}, new String[] {"arr-bridge", "ARR bridge"},
          new String[] {"total-users", "Total Users"}, new String[] {"upsell", "Upsell"},
          new String[] {"segments", "Segments"}));
      if (report.analysis() != null) {
        links.addAll(List.of(new String[] {"cohorts", "Cohorts"},
            new String[] {"forecast", "Forecast"}, new String[] {"health", "Health"},
            new String[] {"initiatives", "Initiatives"},
            new String[] {"signals", "Signals & benchmarks"}));
      }
      links.add(new String[] {"method", "Method"});
      h.append("<nav class=\"toc\"><ul>");
      for (String[] link : links) {
        h.append("<li><a href=\"#").append(link[0]).append("\">").append(esc(link[1]))
            .append("</a></li>");
      }
      h.append("<li class=\"order\"><button type=\"button\" id=\"period-order\" ")
          .append("aria-pressed=\"false\" title=\"Tables show the newest period first\">")
          .append("Newest first ⇄</button></li>");
      h.append("</ul></nav>\n");
    }

    private void open(String id, String heading, String lede) {
      h.append("<section class=\"block\" id=\"").append(id).append("\">\n<h2>").append(esc(heading))
          .append("</h2>\n");
      if (lede != null) {
        h.append("<p class=\"lede\">").append(lede).append("</p>\n");
      }
    }

    private void close() {
      h.append("</section>\n");
    }

    /** A chart container; {@code controls} is trusted HTML (a period selector) or empty. */
    private void chart(String id, String heading, String controls, boolean shortChart) {
      h.append("<div class=\"chart-card\"><div class=\"chart-head\"><h3>").append(esc(heading))
          .append("</h3>").append(controls).append("</div><div class=\"chart")
          .append(shortChart ? " short" : "").append("\" data-chart=\"").append(id)
          .append("\"><canvas role=\"img\" aria-label=\"").append(esc(heading))
          .append("\"></canvas></div></div>\n");
    }

    private String periodSelect(String id, String label) {
      StringBuilder s = new StringBuilder("<select class=\"period\" id=\"").append(id)
          .append("\" aria-label=\"").append(esc(label)).append("\">");
      for (int i = periods.size() - 1; i >= 0; i--) {
        s.append("<option value=\"").append(i).append("\"")
            .append(i == periods.size() - 1 ? " selected" : "").append(">")
            .append(esc(periodLabel(periods.get(i)))).append("</option>");
      }
      if (continuous && periods.size() > 1) {
        s.append("<option value=\"-1\">").append(esc(range())).append(" (whole range)</option>");
      }
      return s.append("</select>").toString();
    }

    // ---- Summary ---------------------------------------------------------------------------

    private void summary() {
      open("summary", "Summary · " + periodLabel(last), "Headline figures of the latest period"
          + (previous == null ? "." : ", compared with " + esc(previous.period()) + "."));
      h.append("<div class=\"kpis\">\n");
      ArrBridge arr = last.arr();
      kpi(u("Ending ARR"), Html.compact(arr.ending(), symbol), growthDelta(last.growth().endingArr()));
      kpi(u("Net new ARR"), signedCompact(arr.netNew()), "new logo " + Html.compact(arr.newLogo(), symbol)
          + " · churn " + Html.compact(arr.churn(), symbol));
      kpi(u("Expansion ARR"), Html.compact(arr.expansion(), symbol), "upsell "
          + Html.compact(arr.upsell(), symbol) + " · contraction "
          + Html.compact(arr.contraction(), symbol));
      BigDecimal nrr = last.retention().nrr12m();
      kpi(nrr != null ? "NRR, 12 months" : "NRR, period", percent(nrr != null ? nrr : last.retention().nrr()),
          nrr != null ? "GRR 12 months " + percent(last.retention().grr12m())
              : "GRR " + percent(last.retention().grr()));
      var rate = last.upsellRate();
      String rateDelta = report.grain() == Grain.MONTH && rate.qtdRate() != null
          ? "quarter to date " + percent(rate.qtdRate()) : rate.upsold() + " of " + count(rate.eligible())
          + " eligible";
      if (rate.target() != null) {
        rateDelta += " · target " + percent(rate.target()) + " " + badge(rate.status());
      }
      kpi(report.config().overWindow("Upsell rate"), percent(rate.rate()), rateDelta);
      kpi("Upsell Users", count(last.upsellUsers()), percent(last.ratios().upsellUsersShareOfLogos())
          + " of logos · trailing 12 months " + count(last.upsellUsersT12()));
      kpi("Total Users", count(last.seats().ending()), growthDelta(last.growth().endingSeats()));
      kpi("Logos", count(last.logos().ending()), "+" + count(last.logos().newLogos()) + " new · "
          + count(-last.logos().churned()) + " churned");
      h.append("</div>\n");
      if (!last.coverage().whole()) {
        h.append("<p class=\"note coverage\">").append(esc(Labels.coverageNotes(List.of(last))
            .get(0))).append("</p>\n");
      }
      close();
    }

    private String signedCompact(BigDecimal value) {
      return (value.signum() > 0 ? "+" : "") + Html.compact(value, symbol);
    }

    private String growthDelta(BigDecimal growth) {
      if (growth == null || previous == null) {
        return previous == null ? "" : "no base in " + esc(previous.period());
      }
      String cls = growth.signum() < 0 ? "down" : "up";
      String arrow = growth.signum() < 0 ? "▼" : "▲";
      return "<span class=\"" + cls + "\">" + arrow + " " + percent(growth.abs()) + "</span> vs "
          + esc(previous.period());
    }

    /** {@code delta} is trusted HTML built from escaped parts. */
    private void kpi(String label, String value, String delta) {
      h.append("<div class=\"kpi\"><div class=\"label\">").append(esc(label))
          .append("</div><div class=\"value\">").append(esc(value)).append("</div><div class=\"delta\">")
          .append(delta).append("</div></div>\n");
    }

    private static String badge(String status) {
      if (status == null) {
        return "";
      }
      String cls = status.toLowerCase(Locale.ROOT).replace(' ', '-');
      String mark = status.equals("Below") ? "⚠ " : "✓ ";
      return "<span class=\"badge " + esc(cls) + "\">" + mark + esc(status) + "</span>";
    }

    // ---- ARR bridge ------------------------------------------------------------------------

    private void arrBridge() {
      open("arr-bridge", u("ARR bridge"), u("How ARR moved from the start to the end of each "
          + "period. Inflows are positive and outflows negative (in parentheses), so every column "
          + "foots: starting + net new = ending. Amounts in ") + esc(report.currency())
          + ", whole units" + (unit == MoneyUnit.MRR ? ", monthly (ARR ÷ 12)" : "")
          + ". The waterfall's axis starts at zero.");
      h.append("<div class=\"grid\">\n");
      chart("arr-waterfall", "Waterfall", periodSelect("arr-period", "Period of the ARR waterfall"),
          false);
      chart("arr-by-period", u("Net new ARR by period"), "", false);
      h.append("</div>\n");
      List<Row> rows = List.of(
          Row.money("Starting ARR", p -> p.arr().starting(), "total"),
          Row.money("New logo", p -> p.arr().newLogo(), ""),
          Row.money("Reactivation", p -> p.arr().reactivation(), ""),
          Row.money("Upsell", p -> p.arr().upsell(), ""),
          Row.money("of which ramp", p -> p.arr().upsellRamp(), "sub"),
          Row.money("Add-on seats", p -> p.arr().addOnSeats(), ""),
          Row.money("Add-on price", p -> p.arr().addOnPrice(), ""),
          Row.money("Cross-sell", p -> p.arr().crossSell(), ""),
          Row.money("Downsell", p -> p.arr().downsell(), ""),
          Row.money("Reduction seats", p -> p.arr().reductionSeats(), ""),
          Row.money("Reduction price", p -> p.arr().reductionPrice(), ""),
          Row.money("Product churn", p -> p.arr().productChurn(), ""),
          Row.money("Churn", p -> p.arr().churn(), ""),
          Row.money("Net new ARR", p -> p.arr().netNew(), "total"),
          Row.money("Ending ARR", p -> p.arr().ending(), "total"),
          Row.percent("NRR, period", p -> p.retention().nrr(), ""),
          Row.percent("GRR, period", p -> p.retention().grr(), ""),
          Row.percent("NRR, 12 months", p -> p.retention().nrr12m(), ""),
          Row.percent("ARR growth", p -> p.growth().endingArr(), ""));
      periodTable(rows, true);
      close();
    }

    /**
     * A table with a row per figure and a column per period, newest first (the page's toggle
     * turns the order round), plus a range total for flows; notes on marked periods under it.
     */
    private void periodTable(List<Row> rows, boolean rangeColumn) {
      boolean total = rangeColumn && continuous && periods.size() > 1;
      List<PeriodReport> shown = newestFirst();
      h.append("<div class=\"table-scroll\"><table class=\"periods\" data-order=\"columns\" ")
          .append("data-periods=\"").append(shown.size()).append("\"><thead><tr><th></th>");
      for (PeriodReport p : shown) {
        h.append("<th>").append(esc(periodLabel(p))).append("</th>");
      }
      if (total) {
        h.append("<th>").append(esc(range())).append("</th>");
      }
      h.append("</tr></thead><tbody>\n");
      for (Row row : rows) {
        h.append("<tr").append(row.cls.isEmpty() ? "" : " class=\"" + row.cls + "\"").append("><td>")
            .append(esc(u(row.label))).append("</td>");
        for (PeriodReport p : shown) {
          h.append(row.cell(p));
        }
        if (total) {
          h.append(row.rangeCell(periods));
        }
        h.append("</tr>\n");
      }
      h.append("</tbody></table></div>\n");
      coverageNotes(periods);
    }

    /** The periods, newest first. */
    private List<PeriodReport> newestFirst() {
      List<PeriodReport> shown = new ArrayList<>(periods);
      java.util.Collections.reverse(shown);
      return shown;
    }

    // ---- Total Users -----------------------------------------------------------------------

    private void totalUsers() {
      open("total-users", "Total Users", "Billable seats at each period end, built as a waterfall: "
          + "starting seats, plus seats of new customers and expansion, minus churned and downgraded "
          + "seats. Seats are read against logos: seats growing faster than logos means existing "
          + "customers adopt more.");
      h.append("<div class=\"grid\">\n");
      chart("seat-waterfall", "Seat waterfall", periodSelect("seat-period", "Period of the seat waterfall"),
          false);
      chart("seats-logos", "Seats and logos, indexed", "", false);
      h.append("</div>\n");
      periodTable(List.of(
          Row.count("Starting seats", p -> p.seats().starting(), "total"),
          Row.count("New", p -> p.seats().newSeats(), ""),
          Row.count("Expansion", p -> p.seats().expansion(), ""),
          Row.count("Churned", p -> p.seats().churned(), ""),
          Row.count("Downgraded", p -> p.seats().downgraded(), ""),
          Row.count("Ending seats", p -> p.seats().ending(), "total"),
          Row.count("Starting logos", p -> p.logos().starting(), ""),
          Row.count("New logos", p -> p.logos().newLogos(), ""),
          Row.count("Reactivated", p -> p.logos().reactivated(), ""),
          Row.count("Churned logos", p -> p.logos().churned(), ""),
          Row.count("Ending logos", p -> p.logos().ending(), "total"),
          Row.decimal("Seats per logo", p -> p.ratios().seatsPerLogo(), ""),
          Row.percent("Seat growth", p -> p.growth().endingSeats(), "")), true);
      close();
    }

    // ---- Upsell Users and Upsell Rate ---------------------------------------------------------

    private void upsell() {
      var config = report.config();
      boolean monthly = report.grain() == Grain.MONTH && config.rateWindow() == null;
      String rate = config.rateWindow() == null
          ? "The Upsell Rate is upsold ÷ eligible customers (upsell definition: "
              + esc(String.join(", ", config.upsellDefinition())) + "; "
              + esc(config.rateCounting()) + " counting"
              + (config.minTenureMonths() > 0 ? "; minimum tenure " + config.minTenureMonths()
                  + " months" : "")
          : "The Upsell Rate is measured over each customer's " + esc(config.rateWindow().label())
              + " from its first active date: upsold ÷ eligible customers whose window ends in the "
              + "period, each upsold when its movement across the window qualifies (upsell "
              + "definition: " + esc(String.join(", ", config.upsellDefinition()));
      open("upsell", "Upsell Users and " + config.upsellRateTitle(), "Upsell Users are existing "
          + "customers whose seat count rose (each counted once per period). " + rate
          + (config.excludeTopTier() ? "; top tier excluded" : "") + ")."
          + (monthly ? " Monthly rows are judged on the quarter-to-date rate against the target, as "
              + "the seed dashboard's cumulative quarterly column." : ""));
      h.append("<div class=\"grid\">\n");
      chart("upsell-users", "Upsell Users", "", false);
      chart("upsell-rate", config.upsellRateTitle() + " against target", "", false);
      h.append("</div>\n");
      h.append("<div class=\"table-scroll\"><table class=\"periods\" data-order=\"rows\">")
          .append("<thead><tr><th>Period</th>")
          .append("<th>Upsell Users</th><th>Trailing 3 months</th><th>Trailing 12 months</th>")
          .append("<th>Share of logos</th><th>Eligible</th><th>Upsold</th><th>")
          .append(esc(config.overWindow("Upsell rate"))).append("</th>");
      if (monthly) {
        h.append("<th>Quarter to date</th>");
      }
      h.append("<th>Target</th><th>Status</th><th>").append(esc(u(Labels.UPSOLD_EXPANSION)))
          .append("</th><th>").append(esc(u(Labels.AVG_UPSOLD_EXPANSION))).append("</th>")
          .append("</tr></thead><tbody>\n");
      for (PeriodReport p : newestFirst()) {
        var r = p.upsellRate();
        h.append("<tr><td>").append(esc(periodLabel(p))).append("</td>")
            .append(td(count(p.upsellUsers()))).append(td(count(p.upsellUsersT3())))
            .append(td(count(p.upsellUsersT12())))
            .append(td(percent(p.ratios().upsellUsersShareOfLogos())))
            .append(td(count(r.eligible()))).append(td(count(r.upsold())))
            .append(td(percent(r.rate())));
        if (monthly) {
          h.append("<td title=\"").append(esc(r.qtdUpsold() == null ? "" : count(r.qtdUpsold())
              + " of " + count(r.qtdEligible()) + " eligible in the quarter so far"))
              .append("\">").append(esc(percent(r.qtdRate()))).append("</td>");
        }
        h.append(td(percent(r.target()))).append("<td>").append(badge(r.status())).append("</td>")
            .append(moneyTd(r.upsoldArr())).append(moneyTd(r.avgUpsoldArr())).append("</tr>\n");
      }
      h.append("</tbody></table></div>\n");
      coverageNotes(periods);
      close();
    }

    private static String td(String text) {
      return "<td>" + esc(text) + "</td>";
    }

    /** A money cell, red when negative (its parentheses say so in print too). */
    private static String moneyTd(BigDecimal value) {
      return "<td class=\"" + Html.signClass(value) + "\">" + esc(money(value)) + "</td>";
    }

    // ---- Segments --------------------------------------------------------------------------

    private void segments() {
      open("segments", report.config().overWindow("Upsell Rate by segment"), "Eligible and upsold "
          + "customers, upsell rate and the expansion " + u("ARR") + " of upsold customers (what "
          + "qualified them under the upsell definition; Upsell " + u("ARR") + " is tier upgrades "
          + "alone) in the latest period, " + esc(periodLabel(last)) + ", and the rate pooled over "
          + esc(range())
          + ". Customers are placed by their tenure, initial ARR and health score at the period "
          + "start.");
      Map<String, Map<String, List<PeriodReport>>> segments = report.segments();
      if (segments.isEmpty()) {
        h.append("<p class=\"note\">No segments were computed: run the report with ")
            .append("<code>--by tenure,initial_arr,health</code> (the HTML report asks for them).</p>\n");
        close();
        return;
      }
      h.append("<div class=\"grid table-first\">\n<div class=\"table-scroll\" style=\"margin:0\"><table>")
          .append("<thead><tr><th>Segment</th><th>Eligible</th><th>Upsold</th><th>")
          .append(esc(report.config().overWindow("Upsell rate"))).append("</th>")
          .append("<th>").append(esc(u(Labels.AVG_UPSOLD_EXPANSION))).append("</th><th>")
          .append(esc(u(Labels.UPSOLD_EXPANSION))).append("</th><th>Rate, whole range</th>")
          .append("</tr></thead><tbody>\n");
      BigDecimal maxRange = BigDecimal.ONE;
      for (var values : segments.values()) {
        for (var list : values.values()) {
          BigDecimal r = pooledRate(list);
          if (r != null && r.compareTo(maxRange) > 0) {
            maxRange = r;
          }
        }
      }
      for (var dimension : segments.entrySet()) {
        h.append("<tr class=\"group\"><td colspan=\"7\">").append(esc(dimensionTitle(dimension.getKey())))
            .append("</td></tr>\n");
        for (var value : orderedValues(dimension.getKey(), dimension.getValue())) {
          List<PeriodReport> list = dimension.getValue().get(value);
          var r = list.get(list.size() - 1).upsellRate();
          BigDecimal pooled = pooledRate(list);
          int width = pooled == null ? 0
              : pooled.multiply(BigDecimal.valueOf(100)).divide(maxRange, 0, RoundingMode.HALF_EVEN).intValue();
          h.append("<tr><td>").append(esc(valueLabel(dimension.getKey(), value))).append("</td>")
              .append(td(count(r.eligible()))).append(td(count(r.upsold())))
              .append(td(percent(r.rate()))).append(moneyTd(r.avgUpsoldArr()))
              .append(moneyTd(r.upsoldArr())).append("<td><div class=\"barcell\">")
              .append(esc(percent(pooled))).append("<span class=\"track\"><span style=\"width:")
              .append(width).append("%\"></span></span></div></td></tr>\n");
        }
      }
      h.append("</tbody></table></div>\n");
      chart("segment-rates", report.config().overWindow("Upsell rate by segment"), "", false);
      h.append("</div>\n");
      close();
    }

    private static BigDecimal pooledRate(List<PeriodReport> list) {
      long eligible = 0;
      long upsold = 0;
      for (PeriodReport p : list) {
        eligible += p.upsellRate().eligible();
        upsold += p.upsellRate().upsold();
      }
      return Rates.percent(upsold, eligible);
    }

    // ---- Cohorts ---------------------------------------------------------------------------

    private void cohorts(Cohorts cohorts) {
      String unit = switch (cohorts.ageGrain()) {
        case MONTH -> "months";
        case QUARTER -> "quarters";
        case YEAR -> "years";
      };
      open("cohorts", "Cohorts", "Customers grouped by the " + (cohorts.cohortGrain() == Grain.MONTH
          ? "month" : "quarter") + " they first became active; columns count " + unit
          + " since that start. Each cell covers the cohort's customers active at the period start: "
          + "their upsell rate, and their net revenue retention over the period (ending ÷ starting "
          + "ARR). Darker is higher; for NRR, red is below 100% and green above.");
      List<Cohorts.Cohort> shown = cohorts.cohorts().subList(
          Math.max(0, cohorts.cohorts().size() - HEAT_MAP_LIMIT), cohorts.cohorts().size());
      int minAge = shown.stream().flatMap(c -> c.cells().stream()).mapToInt(Cohorts.Cell::age)
          .min().orElse(0);
      int maxAge = Math.min(minAge + HEAT_MAP_AGES - 1,
          shown.stream().flatMap(c -> c.cells().stream()).mapToInt(Cohorts.Cell::age).max().orElse(-1));
      if (shown.isEmpty() || maxAge < minAge) {
        h.append("<p class=\"note\">No cohort had a customer active at a period start.</p>\n");
        close();
        return;
      }
      double maxRate = shown.stream().flatMap(c -> c.cells().stream())
          .filter(c -> c.age() <= maxAge && c.rate() != null)
          .mapToDouble(c -> c.rate().doubleValue()).max().orElse(1);
      heat(shown, minAge, maxAge, "Upsell rate, %", c -> c.rate(), v -> {
        double a = maxRate <= 0 ? 0 : Math.min(1, v / maxRate);
        return String.format(Locale.ROOT, "rgba(43,122,140,%.2f)", 0.06 + 0.62 * a);
      });
      heat(shown, minAge, maxAge, "Net revenue retention, %", c -> c.nrr(), v -> {
        double d = Math.min(1, Math.abs(v - 100) / 25);
        return v >= 100 ? String.format(Locale.ROOT, "rgba(46,125,87,%.2f)", 0.05 + 0.55 * d)
            : String.format(Locale.ROOT, "rgba(180,68,59,%.2f)", 0.05 + 0.55 * d);
      });
      if (cohorts.cohorts().size() > shown.size() || cohorts.maxAge() > maxAge) {
        h.append("<p class=\"note\">Showing the ").append(shown.size())
            .append(" most recent cohorts and ages up to ").append(maxAge)
            .append("; the spreadsheet and JSON reports have all ").append(cohorts.cohorts().size())
            .append(".</p>\n");
      }
      close();
    }

    private void heat(List<Cohorts.Cohort> shown, int minAge, int maxAge, String heading,
        Function<Cohorts.Cell, BigDecimal> value, java.util.function.DoubleFunction<String> color) {
      String prefix = switch (report.grain()) {
        case MONTH -> "M";
        case QUARTER -> "Q";
        case YEAR -> "Y";
      };
      h.append("<h3>").append(esc(heading)).append("</h3><div class=\"table-scroll\"><table class=\"heat\">")
          .append("<thead><tr><th>Cohort</th><th>Customers</th>");
      for (int age = minAge; age <= maxAge; age++) {
        h.append("<th>").append(prefix).append(age).append("</th>");
      }
      h.append("</tr></thead><tbody>\n");
      for (Cohorts.Cohort cohort : shown) {
        h.append("<tr><td>").append(esc(cohort.label())).append("</td>")
            .append(td(count(cohort.customers())));
        Map<Integer, Cohorts.Cell> byAge = new java.util.HashMap<>();
        cohort.cells().forEach(c -> byAge.put(c.age(), c));
        for (int age = minAge; age <= maxAge; age++) {
          Cohorts.Cell cell = byAge.get(age);
          BigDecimal v = cell == null ? null : value.apply(cell);
          if (v == null) {
            h.append("<td class=\"empty\"></td>");
            continue;
          }
          h.append("<td class=\"cell\" style=\"background:").append(color.apply(v.doubleValue()))
              .append("\" title=\"").append(esc(cell.period() + ": " + percent(v) + ", "
                  + cell.upsold() + " of " + cell.eligible() + " eligible upsold, ARR "
                  + Html.money(cell.arrStarting()) + " → " + Html.money(cell.arrEnding())))
              .append("\">").append(esc(Html.oneDecimal(v))).append("</td>");
        }
        h.append("</tr>\n");
      }
      h.append("</tbody></table></div>\n");
    }

    // ---- Forecast --------------------------------------------------------------------------

    private void forecast(Forecast f) {
      open("forecast", "Forecast · " + f.period(), "Next period's upsold customers: each tenure "
          + "bucket's rate pooled over " + esc(rangeOf(f.windowPeriods())) + ", applied to the "
          + "customers eligible in " + esc(f.period()) + ". The 80% interval combines the binomial "
          + "variance of the outcome and of the pooled rates. The back-test forecasts each recent "
          + "period the same way from the periods before it.");
      h.append("<div class=\"stat-row\">");
      stat("Expected upsold customers", Html.decimal(f.expectedUpsold()),
          "80%: " + Html.decimal(f.upsoldLow()) + " – " + Html.decimal(f.upsoldHigh()));
      stat("Expected upsell rate", percent(f.expectedRate()), count(f.eligible()) + " eligible");
      stat("Expected upsold expansion ARR", Html.compact(f.expectedUpsoldArr(), symbol),
          "80%: " + Html.compact(f.upsoldArrLow(), symbol) + " – "
              + Html.compact(f.upsoldArrHigh(), symbol));
      stat("Back-test error (MAPE)", percent(f.backtest().mape()),
          f.backtest().points().size() + " periods back-tested");
      stat("Actual inside 80% interval", percent(f.backtest().intervalCoverage()), "of back-tested periods");
      h.append("</div>\n<div class=\"grid\">\n");
      chart("forecast", "Upsold customers: actual, back-test and forecast", "", false);
      h.append("<div class=\"table-scroll\" style=\"margin:0;align-self:start\"><table><thead><tr>")
          .append("<th>Tenure, months</th><th>Eligible (window)</th><th>Upsold (window)</th>")
          .append("<th>Rate</th><th>Eligible ").append(esc(f.period()))
          .append("</th><th>Expected</th></tr></thead><tbody>\n");
      for (Forecast.Bucket b : f.buckets()) {
        h.append("<tr><td>").append(esc(b.tenure())).append("</td>")
            .append(td(count(b.windowEligible()))).append(td(count(b.windowUpsold())))
            .append(td(percent(b.rate()) + (b.pooledFromAll() ? "*" : "")))
            .append(td(count(b.eligible()))).append(td(Html.decimal(b.expectedUpsold())))
            .append("</tr>\n");
      }
      h.append("<tr class=\"total\"><td>All</td><td></td><td></td><td></td>")
          .append(td(count(f.eligible()))).append(td(Html.decimal(f.expectedUpsold())))
          .append("</tr></tbody></table>");
      if (f.buckets().stream().anyMatch(Forecast.Bucket::pooledFromAll)) {
        h.append("<p class=\"note\" style=\"padding:0 10px\">* No history in the window: the "
            + "window's overall rate.</p>");
      }
      h.append("</div>\n</div>\n<h3>Back-test</h3><div class=\"table-scroll\"><table><thead><tr>")
          .append("<th>Period</th><th>Periods pooled</th><th>Eligible</th><th>Forecast</th>")
          .append("<th>Low (80%)</th><th>High (80%)</th><th>Actual</th><th>Abs. % error</th>")
          .append("</tr></thead><tbody>\n");
      for (Forecast.BacktestPoint p : f.backtest().points()) {
        h.append("<tr><td>").append(esc(p.period())).append("</td>")
            .append(td(String.valueOf(p.windowPeriods()))).append(td(count(p.eligible())))
            .append(td(Html.decimal(p.expectedUpsold()))).append(td(Html.decimal(p.upsoldLow())))
            .append(td(Html.decimal(p.upsoldHigh()))).append(td(count(p.actualUpsold())))
            .append(td(percent(p.absolutePercentageError()))).append("</tr>\n");
      }
      h.append("<tr class=\"total\"><td>Mean absolute % error</td><td></td><td></td><td></td><td></td>")
          .append("<td></td><td></td>").append(td(percent(f.backtest().mape()))).append("</tr>")
          .append("</tbody></table></div>\n");
      close();
    }

    private void stat(String label, String value, String sub) {
      h.append("<div class=\"stat\"><div class=\"label\">").append(esc(label))
          .append("</div><div class=\"value\">").append(esc(value)).append("</div><div class=\"sub\">")
          .append(esc(sub)).append("</div></div>");
    }

    private static String rangeOf(List<String> labels) {
      if (labels.isEmpty()) {
        return "no periods";
      }
      return labels.size() == 1 ? labels.get(0) : labels.get(0) + " – " + labels.get(labels.size() - 1);
    }

    // ---- Health ----------------------------------------------------------------------------

    private void health(Correlation c) {
      open("health", "Health score and upselling", "Eligible customer-periods with a health score "
          + "dated on or before the period start, over " + esc(range()) + ". Lift is a bucket's rate "
          + "÷ the rate of all scored customers; the point-biserial correlation measures how "
          + "strongly the score goes with being upsold (−1 to 1).");
      h.append("<div class=\"stat-row\">");
      stat("Point-biserial correlation", Html.decimal(c.pointBiserial()),
          c.pointBiserial() == null ? "needs scores and upsells" : strength(c.pointBiserial()));
      stat("Mean score, upsold", Html.decimal(c.meanScoreUpsold()),
          "not upsold " + Html.decimal(c.meanScoreNotUpsold()));
      stat("Scored customer-periods", count(c.observations()),
          count(c.withoutScore()) + " without a score");
      h.append("</div>\n<div class=\"grid\">\n");
      chart("health", "Upsell rate by health bucket", "", true);
      h.append("<div class=\"table-scroll\" style=\"margin:0\"><table><thead><tr><th>Health</th>")
          .append("<th>Eligible</th><th>Upsold</th><th>Upsell rate</th><th>Lift</th></tr></thead><tbody>\n");
      for (Correlation.Bucket b : c.buckets()) {
        h.append("<tr><td>").append(esc(valueLabel("health", b.bucket()))).append("</td>")
            .append(td(count(b.eligible()))).append(td(count(b.upsold()))).append(td(percent(b.rate())))
            .append(td(b.lift() == null ? "–" : Html.decimal(b.lift()) + "×")).append("</tr>\n");
      }
      h.append("<tr class=\"total\"><td>All scored</td>").append(td(count(c.observations())))
          .append(td(count(c.upsold()))).append(td(percent(c.rate()))).append("<td></td></tr>")
          .append("</tbody></table></div>\n</div>\n");
      close();
    }

    private static String strength(BigDecimal r) {
      double a = Math.abs(r.doubleValue());
      String size = a < 0.1 ? "negligible" : a < 0.3 ? "weak" : a < 0.5 ? "moderate" : "strong";
      return size + (r.signum() > 0 ? " positive" : r.signum() < 0 ? " negative" : "") + " association";
    }

    // ---- Initiatives -----------------------------------------------------------------------

    private void initiatives(List<InitiativeImpact> impacts) {
      open("initiatives", "Improvement initiatives", "Each initiative's segment: pooled upsell rate "
          + "over the 3 periods before its launch (baseline) and over the periods since (current). "
          + "ARR impact = change in rate × customers eligible since launch × average upsold expansion ARR "
          + "since launch.");
      if (impacts.isEmpty()) {
        h.append("<p class=\"note\">No initiatives were given (<code>initiatives.csv</code> with ")
            .append("name, launch_date, segment).</p>\n");
        close();
        return;
      }
      h.append("<div class=\"grid wide-left\">\n<div class=\"table-scroll\" style=\"margin:0\"><table>")
          .append("<thead><tr><th>Initiative</th><th>Launch</th><th>Segment</th><th>Baseline rate</th>")
          .append("<th>Current rate</th><th>Improvement</th><th>ARR impact</th></tr></thead><tbody>\n");
      for (InitiativeImpact i : impacts) {
        h.append("<tr><td class=\"text\">").append(esc(i.name())).append("</td>")
            .append(td(i.launchDate().toString()))
            .append("<td class=\"text\">").append(esc(i.segment() == null ? "All customers" : i.segment()))
            .append("</td>")
            .append("<td title=\"").append(esc(i.baselineUpsold() + " of " + i.baselineEligible() + " in "
                + rangeOf(i.baselinePeriods()))).append("\">").append(esc(percent(i.baselineRate())))
            .append("</td><td title=\"").append(esc(i.currentUpsold() + " of " + i.currentEligible()
                + " in " + rangeOf(i.currentPeriods()))).append("\">")
            .append(esc(percent(i.currentRate()))).append("</td>")
            .append("<td class=\"").append(Html.signClass(i.improvement())).append("\">")
            .append(esc(i.improvement() == null ? "–" : Html.points(i.improvement()) + " pts"))
            .append("</td><td class=\"").append(Html.signClass(i.arrImpact())).append("\">")
            .append(esc(i.arrImpact() == null ? "–"
                : (i.arrImpact().signum() > 0 ? "+" : "") + Html.compact(i.arrImpact(), symbol)))
            .append("</td></tr>\n");
      }
      h.append("</tbody></table></div>\n");
      chart("initiatives", "Baseline and current upsell rate", "", true);
      h.append("</div>\n");
      close();
    }

    // ---- Signals and benchmarks ------------------------------------------------------------

    private void signals(Signals signals, Benchmarks benchmarks) {
      open("signals", "Signals and benchmarks", "Good / Watch / Bad verdicts on the last "
          + "3 periods, each with the figures that decided it; and the company beside published "
          + "B2B SaaS references.");
      h.append("<div class=\"grid\">\n");
      signal("Upsell Users", signals.upsellUsers());
      signal("Total Users", signals.totalUsers());
      h.append("</div>\n<h3>Benchmarks</h3>\n");
      for (Benchmarks.Benchmark b : benchmarks.items()) {
        bench(b);
      }
      h.append("<div class=\"table-scroll\"><table><thead><tr><th>Figure</th><th>Company</th>")
          .append("<th class=\"text\">References</th><th class=\"text\">Assessment</th>")
          .append("<th class=\"text\">Basis</th></tr></thead><tbody>\n");
      for (Benchmarks.Benchmark b : benchmarks.items()) {
        List<String> refs = new ArrayList<>();
        b.references().forEach(r -> refs.add(r.label() + " " + reference(r)));
        h.append("<tr><td>").append(esc(b.label())).append("</td>").append(td(percent(b.value())))
            .append("<td class=\"text\">").append(esc(String.join(" · ", refs))).append("</td>")
            .append("<td class=\"text\">").append(esc(b.assessment())).append("</td>")
            .append("<td class=\"text\">").append(esc(b.basis())).append("</td></tr>\n");
      }
      h.append("</tbody></table></div>\n");
      close();
    }

    private void signal(String name, Signals.Signal s) {
      String cls = s.status().label().toLowerCase(Locale.ROOT);
      h.append("<div class=\"signal ").append(cls).append("\"><h3>").append(esc(name))
          .append(" <span class=\"badge ").append(cls).append("\">").append(esc(s.status().label()))
          .append("</span></h3><ul>");
      for (String reason : s.reasons()) {
        h.append("<li>").append(esc(reason)).append("</li>");
      }
      h.append("</ul><dl class=\"figures\">");
      for (var figure : s.figures().entrySet()) {
        h.append("<div><dt>").append(esc(figureLabel(figure.getKey()))).append("</dt><dd>")
            .append(esc(figureValue(figure.getKey(), figure.getValue()))).append("</dd></div>");
      }
      h.append("</dl></div>\n");
    }

    private String figureValue(String key, BigDecimal value) {
      if (value == null) {
        return "–";
      }
      return switch (key) {
        case "expansionArr", "topDecileExpansionArr" -> Html.compact(value, symbol);
        case "shareOfLogos", "shareOfLogosBefore", "topDecileShare", "seatGrowth", "logoGrowth" ->
            percent(value);
        case "shareChangePoints" -> Html.points(value) + " pts";
        default -> value.scale() <= 0 ? count(value.longValueExact()) : Html.decimal(value);
      };
    }

    private static String figureLabel(String key) {
      return switch (key) {
        case "upsellUsers" -> "Upsell Users, last period";
        case "newLogos" -> "New logos";
        case "shareOfLogos" -> "Share of logos, last period";
        case "shareOfLogosBefore" -> "Share of logos, before window";
        case "periodsShareFell" -> "Periods the share fell";
        case "shareChangePoints" -> "Change in share";
        case "upsoldCustomers" -> "Upsold customers, window";
        case "topDecileCustomers" -> "Top 10% of them";
        case "expansionArr" -> "Their upsold expansion ARR";
        case "topDecileExpansionArr" -> "Top 10%'s upsold expansion ARR";
        case "topDecileShare" -> "Top 10%'s share";
        case "seatsStarting" -> "Seats at window start";
        case "seatsEnding" -> "Seats at window end";
        case "seatGrowth" -> "Seat growth";
        case "logosStarting" -> "Logos at window start";
        case "logosEnding" -> "Logos at window end";
        case "logoGrowth" -> "Logo growth";
        default -> key;
      };
    }

    private static String reference(Benchmarks.Reference r) {
      if (r.high() == null) {
        return "≥" + r.low().toPlainString() + "%";
      }
      if (r.high().compareTo(r.low()) == 0) {
        return "≈" + r.low().toPlainString() + "%";
      }
      return r.low().toPlainString() + "–" + r.high().toPlainString() + "%";
    }

    /**
     * A small range chart: one row per reference (a band for a range, a mark for a point value),
     * an axis, and the company as a red line across all rows.
     */
    private void bench(Benchmarks.Benchmark b) {
      double lo = b.metric().equals("nrr12m") ? 80 : 0;
      double hi = switch (b.metric()) {
        case "nrr12m" -> 140;
        case "monthlyUpsellRate" -> 12;
        default -> 50;
      };
      if (b.value() != null) {
        double v = b.value().doubleValue();
        lo = Math.min(lo, Math.floor((v - 5) / 10) * 10);
        hi = Math.max(hi, Math.ceil((v + 5) / 10) * 10);
      }
      double span = hi - lo;
      String you = b.value() == null ? "" : "<div class=\"you\" style=\"left:"
          + pos(b.value().doubleValue(), lo, span) + "%\"></div>";
      h.append("<div class=\"bench\"><div class=\"head\"><strong>").append(esc(b.label()))
          .append(": ").append(esc(percent(b.value()))).append("</strong><span class=\"badge ")
          .append(assessmentClass(b.assessment())).append("\">").append(esc(b.assessment()))
          .append("</span></div><div role=\"img\" aria-label=\"")
          .append(esc(b.label() + " " + percent(b.value()) + " against references")).append("\">");
      if (b.value() != null) {
        long at = pos(b.value().doubleValue(), lo, span);
        h.append("<div class=\"refrow company\"><div></div><div class=\"track\"><div class=\"you")
            .append(at > 65 ? " flip" : "").append("\" ")
            .append("data-label=\"Company ").append(esc(percent(b.value()))).append("\" style=\"left:")
            .append(pos(b.value().doubleValue(), lo, span)).append("%\"></div></div></div>");
      }
      for (Benchmarks.Reference r : b.references()) {
        h.append("<div class=\"refrow\"><div>").append(esc(r.label() + " " + reference(r)))
            .append("</div><div class=\"track\">");
        long left = pos(r.low().doubleValue(), lo, span);
        if (r.high() == null) {
          h.append("<div class=\"band open\" style=\"left:").append(left).append("%;right:0\"></div>");
        } else if (r.high().compareTo(r.low()) == 0) {
          h.append("<div class=\"point\" style=\"left:").append(left).append("%\"></div>");
        } else {
          h.append("<div class=\"band\" style=\"left:").append(left).append("%;width:")
              .append(pos(r.high().doubleValue(), lo, span) - left).append("%\"></div>");
        }
        h.append(you).append("</div></div>");
      }
      h.append("<div class=\"refrow axis\"><div></div><div class=\"track\">");
      double step = span > 60 ? 20 : span > 30 ? 10 : span > 12 ? 5 : 2;
      for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-9; t += step) {
        h.append("<span style=\"left:").append(pos(t, lo, span)).append("%\">")
            .append(String.format(Locale.ROOT, "%.0f%%", t)).append("</span>");
      }
      h.append("</div></div></div><p class=\"basis\">Company: ").append(esc(b.basis()))
          .append(".");
      if (!b.definition().isEmpty()) {
        h.append(" Upsell definition: ").append(esc(String.join(", ", b.definition()))).append('.');
      }
      h.append("</p>");
      if (b.note() != null) {
        h.append("<p class=\"basis note-definition\">").append(esc(b.note())).append("</p>");
      }
      h.append("</div>\n");
    }

    private static long pos(double value, double lo, double span) {
      return Math.round(Math.max(0, Math.min(100, (value - lo) / span * 100)));
    }

    private static String assessmentClass(String assessment) {
      return switch (assessment) {
        case "Top quartile", "Top-performer range", "Above top-performer range", "Within typical range",
            "Above typical range" -> "good";
        case "Above median" -> "on-track";
        case "Not enough history" -> "";
        case "Not assessed: partial period" -> "";
        default -> "watch";
      };
    }

    // ---- Footer ----------------------------------------------------------------------------

    private void footer() {
      var config = report.config();
      var input = report.input();
      h.append("<footer class=\"wrap\" id=\"method\"><h2 style=\"font-size:15px;color:#3d4a57\">")
          .append("Method and configuration</h2><dl>")
          .append("<dt>Periods</dt><dd>").append(esc(range())).append(", ").append(grainWord())
          .append(", ").append(esc(report.book().name().toLowerCase(Locale.ROOT)))
          .append(" book; snapshots at the day before each period and its last day.</dd>")
          .append("<dt>Upsell definition</dt><dd>").append(esc(String.join(", ", config.upsellDefinition())))
          .append("; ").append(esc(config.rateCounting())).append(" counting; minimum tenure ")
          .append(config.minTenureMonths()).append(" months; top tier ")
          .append(config.excludeTopTier() ? "excluded" : "included").append("; minimum expansion ")
          .append(esc(Html.cents(config.minExpansionArr()))).append(".</dd>")
          .append(rateWindow())
          .append("<dt>Input</dt><dd>").append(count(input.rows())).append(" rows, ")
          .append(count(input.billableRows())).append(" billable; ")
          .append(count(input.inferredTierDirections()))
          .append(" tier directions inferred from plan changes.</dd>")
          .append("<dt>Rounding</dt><dd>Amounts are exact to 6 decimals and rounded half-even; ")
          .append("tables show whole ").append(esc(report.currency()))
          .append(", negatives in parentheses everywhere (tables, charts, figures). Rates are ")
          .append("percentages with 2 decimals.</dd>")
          .append("<dt>Unit</dt><dd>").append(unit == MoneyUnit.MRR
              ? "MRR: every amount of the period sections is ARR ÷ 12; the analysis sections "
                  + "(cohorts, forecast, initiatives) stay in ARR."
              : "ARR.").append("</dd>")
          .append("<dt>Coverage</dt><dd>").append(esc(coverageSentence())).append("</dd>")
          .append("<dt>Charts</dt><dd>Drawn with Chart.js ").append(CHART_JS_VERSION)
          .append(" (MIT licence), embedded in this file; the report needs no network.</dd>")
          .append("</dl></footer>\n");
    }

    private String coverageSentence() {
      String opening = report.config().openingBalance() == null
          ? "No opening balance: the first period with data shows the customers already active "
              + "when the data starts as new logos (--opening-balance YYYY-MM takes them as the "
              + "starting book)."
          : "Opening balance " + report.config().openingBalance() + ": customers active on its "
              + "first day start it as starting ARR.";
      return opening + " A period marked " + Labels.PARTIAL_MARK + " is the opening period or "
          + "one the data covers only in part (the data covers whole months, from the month of "
          + "its first start date to the month of its last start or end date); a partial period "
          + "is not judged against targets or benchmarks.";
    }

    /** The method's entry for an onboarding window, and why the analysis is not there. */
    private String rateWindow() {
      var window = report.config().rateWindow();
      if (window == null) {
        return "";
      }
      return "<dt>Rate window</dt><dd>The Upsell Rate is measured over each customer's "
          + esc(window.label()) + " from its first active date (" + esc(window.code())
          + "): the customer counts in the period in which that window ends, upsold when its "
          + "movement across the window qualifies; minimum tenure does not apply and there is no "
          + "quarter to date. Cohorts, forecast, health correlation, initiatives, signals and "
          + "benchmarks pool the rate of each period, so this report leaves them out.</dd>";
    }

    // ---- Segment labels --------------------------------------------------------------------

    private static String dimensionTitle(String dimension) {
      return switch (dimension) {
        case "tenure" -> "By tenure (months)";
        case "initial_arr" -> "By initial ARR";
        case "health" -> "By health score";
        case "plan" -> "By plan";
        case "cohort" -> "By cohort";
        default -> "By " + dimension.replace('_', ' ');
      };
    }

    private String valueLabel(String dimension, String value) {
      return switch (dimension) {
        case "health" -> switch (value) {
          case "High" -> "High (80–100)";
          case "Medium" -> "Medium (60–79)";
          case "Low" -> "Low (<60)";
          default -> value;
        };
        case "tenure" -> value.equals("Unknown") ? value : value + " months";
        case "initial_arr" -> value.replaceFirst("^([<>]?)(\\d)", "$1" + java.util.regex.Matcher
            .quoteReplacement(symbol.trim()) + "$2");
        default -> value;
      };
    }

    /** Segment values in a reading order: buckets by size, health High → Low, else as sorted. */
    private static List<String> orderedValues(String dimension, Map<String, List<PeriodReport>> values) {
      List<String> keys = new ArrayList<>(values.keySet());
      if (dimension.equals("health")) {
        List<String> order = List.of("High", "Medium", "Low", "Unknown");
        keys.sort((a, b) -> Integer.compare(rank(order, a), rank(order, b)));
      } else if (dimension.equals("tenure") || dimension.equals("initial_arr")) {
        keys.sort((a, b) -> Double.compare(lowerBound(a), lowerBound(b)));
      }
      return keys;
    }

    private static int rank(List<String> order, String value) {
      int i = order.indexOf(value);
      return i < 0 ? order.size() : i;
    }

    /** {@code 0-6} → 0, {@code 25+} → 25, {@code <10K} → −1, {@code 10K-50K} → 10000, Unknown last. */
    static double lowerBound(String label) {
      if (label.startsWith("<")) {
        return -1;
      }
      String head = label.startsWith(">") ? label.substring(1) : label.split("[-+]")[0];
      try {
        double factor = head.endsWith("K") ? 1e3 : head.endsWith("M") ? 1e6 : 1;
        String digits = head.replaceAll("[KM]$", "");
        return Double.parseDouble(digits) * factor + (label.startsWith(">") ? 0.5 : 0);
      } catch (NumberFormatException e) {
        return Double.MAX_VALUE;
      }
    }
  }

  /** A row of a period table. */
  private record Row(String label, Function<PeriodReport, Object> value, String kind, String cls) {
    static Row money(String label, Function<PeriodReport, BigDecimal> value, String cls) {
      return new Row(label, value::apply, "money", cls);
    }

    static Row count(String label, Function<PeriodReport, Long> value, String cls) {
      return new Row(label, value::apply, "count", cls);
    }

    static Row percent(String label, Function<PeriodReport, BigDecimal> value, String cls) {
      return new Row(label, value::apply, "percent", cls);
    }

    static Row decimal(String label, Function<PeriodReport, BigDecimal> value, String cls) {
      return new Row(label, value::apply, "decimal", cls);
    }

    String cell(PeriodReport p) {
      Object v = value.apply(p);
      return switch (kind) {
        case "money" -> "<td class=\"" + Html.signClass((BigDecimal) v) + "\">"
            + esc(Html.money((BigDecimal) v)) + "</td>";
        case "count" -> "<td" + (((Long) v) < 0 ? " class=\"neg\"" : "") + ">"
            + esc(Html.signedCount((Long) v)) + "</td>";
        case "percent" -> "<td class=\"" + Html.signClass((BigDecimal) v) + "\">"
            + esc(Html.percent((BigDecimal) v)) + "</td>";
        default -> "<td>" + esc(Html.decimal((BigDecimal) v)) + "</td>";
      };
    }

    /** The whole range: flows summed, starting from the first period, ending from the last. */
    String rangeCell(List<PeriodReport> periods) {
      boolean opening = label.startsWith("Starting");
      boolean closing = label.startsWith("Ending");
      if (opening) {
        return cell(periods.get(0));
      }
      if (closing) {
        return cell(periods.get(periods.size() - 1));
      }
      return switch (kind) {
        case "money" -> {
          BigDecimal sum = BigDecimal.ZERO;
          for (PeriodReport p : periods) {
            sum = sum.add((BigDecimal) value.apply(p));
          }
          yield "<td class=\"" + Html.signClass(sum) + "\">" + esc(Html.money(sum)) + "</td>";
        }
        case "count" -> {
          long sum = 0;
          for (PeriodReport p : periods) {
            sum += (Long) value.apply(p);
          }
          yield "<td" + (sum < 0 ? " class=\"neg\"" : "") + ">" + esc(Html.signedCount(sum)) + "</td>";
        }
        default -> "<td></td>";
      };
    }
  }
}
