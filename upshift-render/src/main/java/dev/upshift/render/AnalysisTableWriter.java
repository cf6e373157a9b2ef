package dev.upshift.render;

import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.Benchmarks;
import dev.upshift.analysis.Cohorts;
import dev.upshift.analysis.Correlation;
import dev.upshift.analysis.Forecast;
import dev.upshift.analysis.InitiativeImpact;
import dev.upshift.analysis.Signals;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Renders an {@link Analysis} as plain-text tables for the terminal ({@code --format table
 * --analysis}): cohorts, forecast, correlation, initiatives, benchmarks and signals, in that
 * order. Numbers are right-aligned with 2 decimals and {@code ,} grouping whatever the machine's
 * locale; {@code -} marks an undefined figure. The cohort triangles show the most recent {@value
 * #MAX_COHORTS} cohorts and ages up to {@value #MAX_AGE}; the JSON and XLSX outputs have them all.
 */
public final class AnalysisTableWriter {
  static final int MAX_COHORTS = 24;
  static final int MAX_AGE = 12;

  private AnalysisTableWriter() {}

  /** Writes the analysis; {@code currency} labels money columns (e.g. {@code USD}). */
  public static void write(Analysis analysis, String currency, Appendable out) throws IOException {
    cohorts(analysis.cohorts(), out);
    forecast(analysis.forecast(), currency, out);
    correlation(analysis.correlation(), out);
    initiatives(analysis.initiatives(), currency, out);
    benchmarks(analysis.benchmarks(), out);
    signals(analysis.signals(), out);
  }

  private static void cohorts(Cohorts cohorts, Appendable out) throws IOException {
    List<Cohorts.Cohort> shown = cohorts.cohorts().subList(
        Math.max(0, cohorts.cohorts().size() - MAX_COHORTS), cohorts.cohorts().size());
    int maxAge = Math.min(MAX_AGE, cohorts.maxAge());
    // Month cohorts never have an age-0 cell (nobody is active at the start of their first month).
    int minAge = shown.stream().flatMap(c -> c.cells().stream()).mapToInt(Cohorts.Cell::age)
        .min().orElse(0);
    String unit = switch (cohorts.ageGrain()) {
      case MONTH -> "months";
      case QUARTER -> "quarters";
      case YEAR -> "years";
    };
    for (boolean nrr : new boolean[] {false, true}) {
      heading(out, "Cohorts: " + (nrr ? "NRR %" : "upsell rate %") + " by " + unit
          + " since start (" + cohorts.cohortGrain().code() + "ly cohorts)");
      if (shown.isEmpty() || maxAge < 0) {
        out.append("  no cohort has a customer active at a period start\n\n");
        continue;
      }
      Table table = new Table();
      table.header.add("cohort");
      table.header.add("customers");
      for (int age = minAge; age <= maxAge; age++) {
        table.header.add("+" + age);
      }
      for (Cohorts.Cohort cohort : shown) {
        List<String> row = new ArrayList<>();
        row.add(cohort.label());
        row.add(count(cohort.customers()));
        for (int age = minAge; age <= maxAge; age++) {
          int a = age;
          Cohorts.Cell cell = cohort.cells().stream().filter(c -> c.age() == a).findFirst()
              .orElse(null);
          row.add(cell == null ? "" : number(nrr ? cell.nrr() : cell.rate()));
        }
        table.rows.add(row);
      }
      table.write(out);
    }
  }

  private static void forecast(Forecast f, String currency, Appendable out) throws IOException {
    heading(out, "Forecast " + f.period() + " (rates pooled over "
        + range(f.windowPeriods()) + ", 80% interval)");
    Table summary = new Table("figure", "expected", "low", "high");
    summary.rows.add(List.of("eligible customers", count(f.eligible()), "", ""));
    summary.rows.add(List.of("upsold customers", number(f.expectedUpsold()),
        number(f.upsoldLow()), number(f.upsoldHigh())));
    summary.rows.add(List.of("upsell rate %", number(f.expectedRate()), "", ""));
    summary.rows.add(List.of("upsold expansion ARR " + currency, number(f.expectedUpsoldArr()),
        number(f.upsoldArrLow()), number(f.upsoldArrHigh())));
    summary.rows.add(List.of("avg upsold expansion ARR " + currency, number(f.avgUpsoldArr()), "", ""));
    summary.write(out);
    Table buckets = new Table("tenure", "window eligible", "window upsold", "rate %",
        "next eligible", "expected upsold");
    for (Forecast.Bucket b : f.buckets()) {
      buckets.rows.add(List.of(b.tenure(), count(b.windowEligible()), count(b.windowUpsold()),
          number(b.rate()) + (b.pooledFromAll() ? "*" : ""), count(b.eligible()),
          number(b.expectedUpsold())));
    }
    buckets.write(out);
    if (f.buckets().stream().anyMatch(Forecast.Bucket::pooledFromAll)) {
      out.append("  * no history in the window: the overall window rate\n\n");
    }
    out.append("  Back-test: MAPE ").append(number(f.backtest().mape()))
        .append("%, actual inside the 80% interval in ")
        .append(number(f.backtest().intervalCoverage())).append("% of periods\n");
    Table points = new Table("period", "window", "eligible", "forecast", "low", "high", "actual",
        "APE %");
    for (Forecast.BacktestPoint p : f.backtest().points()) {
      points.rows.add(List.of(p.period(), String.valueOf(p.windowPeriods()), count(p.eligible()),
          number(p.expectedUpsold()), number(p.upsoldLow()), number(p.upsoldHigh()),
          count(p.actualUpsold()), number(p.absolutePercentageError())));
    }
    points.write(out);
  }

  private static void correlation(Correlation c, Appendable out) throws IOException {
    heading(out, "Health score and upselling (" + count(c.observations())
        + " scored customer-periods, " + count(c.withoutScore()) + " without a score)");
    Table table = new Table("health", "eligible", "upsold", "rate %", "lift");
    for (Correlation.Bucket b : c.buckets()) {
      table.rows.add(List.of(b.bucket(), count(b.eligible()), count(b.upsold()), number(b.rate()),
          number(b.lift())));
    }
    table.rows.add(List.of("all scored", count(c.observations()), count(c.upsold()),
        number(c.rate()), ""));
    table.write(out);
    out.append("  Point-biserial correlation of score and upsold: ").append(number(c.pointBiserial()))
        .append(" (mean score ").append(number(c.meanScoreUpsold())).append(" upsold, ")
        .append(number(c.meanScoreNotUpsold())).append(" not)\n\n");
  }

  private static void initiatives(List<InitiativeImpact> impacts, String currency, Appendable out)
      throws IOException {
    heading(out, "Initiatives");
    if (impacts.isEmpty()) {
      out.append("  none (give initiatives.csv)\n\n");
      return;
    }
    Table table = new Table("initiative", "launch", "segment", "baseline %", "current %",
        "improvement pts", "ARR impact " + currency).left(1, 2);
    for (InitiativeImpact i : impacts) {
      table.rows.add(List.of(i.name(), i.launchDate().toString(),
          i.segment() == null ? "all" : i.segment(), number(i.baselineRate()),
          number(i.currentRate()), signed(i.improvement()), signed(i.arrImpact())));
    }
    table.write(out);
  }

  private static void benchmarks(Benchmarks benchmarks, Appendable out) throws IOException {
    heading(out, "Benchmarks");
    Table table = new Table("figure", "company %", "references", "assessment", "basis").left(2, 3, 4);
    for (Benchmarks.Benchmark b : benchmarks.items()) {
      List<String> refs = new ArrayList<>();
      for (Benchmarks.Reference r : b.references()) {
        refs.add(r.label() + " " + reference(r));
      }
      table.rows.add(List.of(b.label(), number(b.value()), String.join("; ", refs),
          b.assessment(), b.basis()));
    }
    table.write(out);
    for (Benchmarks.Benchmark b : benchmarks.items()) {
      if (!b.definition().isEmpty()) {
        out.append("  ").append(b.label()).append(": upsell definition ")
            .append(String.join(", ", b.definition())).append('\n');
      }
      if (b.note() != null) {
        out.append("  ").append(b.label()).append(": ").append(b.note()).append('\n');
      }
    }
  }

  static String reference(Benchmarks.Reference r) {
    if (r.high() == null) {
      return "≥" + r.low().toPlainString() + "%";
    }
    if (r.high().compareTo(r.low()) == 0) {
      return "≈" + r.low().toPlainString() + "%";
    }
    return r.low().toPlainString() + "–" + r.high().toPlainString() + "%";
  }

  private static void signals(Signals signals, Appendable out) throws IOException {
    heading(out, "Signals");
    for (Signals.Signal s : List.of(signals.upsellUsers(), signals.totalUsers())) {
      out.append("  ").append(s.metric().equals("upsellUsers") ? "Upsell Users" : "Total Users")
          .append(": ").append(s.status().label()).append('\n');
      for (String reason : s.reasons()) {
        out.append("    - ").append(reason).append('\n');
      }
    }
    out.append('\n');
  }

  private static void heading(Appendable out, String title) throws IOException {
    out.append(title).append('\n');
  }

  private static String range(List<String> periods) {
    return periods.isEmpty() ? "no periods"
        : periods.get(0) + (periods.size() > 1 ? " – " + periods.get(periods.size() - 1) : "");
  }

  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String number(BigDecimal value) {
    return value == null ? "-"
        : String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
  }

  static String signed(BigDecimal value) {
    return value == null ? "-" : (value.signum() > 0 ? "+" : "") + number(value);
  }

  /** Columns padded to their widest cell; the first column left-aligned, the rest right. */
  private static final class Table {
    final List<String> header = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();
    final java.util.Set<Integer> left = new java.util.HashSet<>(List.of(0));

    Table(String... columns) {
      header.addAll(List.of(columns));
    }

    /** Left-aligns text columns besides the first. */
    Table left(int... columns) {
      for (int column : columns) {
        left.add(column);
      }
      return this;
    }

    void write(Appendable out) throws IOException {
      int[] widths = new int[header.size()];
      Function<List<String>, Void> measure = row -> {
        for (int i = 0; i < row.size(); i++) {
          widths[i] = Math.max(widths[i], row.get(i).codePointCount(0, row.get(i).length()));
        }
        return null;
      };
      measure.apply(header);
      rows.forEach(measure::apply);
      line(out, header, widths, left);
      StringBuilder rule = new StringBuilder("  ");
      for (int i = 0; i < widths.length; i++) {
        rule.append("-".repeat(widths[i])).append(i + 1 < widths.length ? "  " : "");
      }
      out.append(rule).append('\n');
      for (List<String> row : rows) {
        line(out, row, widths, left);
      }
      out.append('\n');
    }

    private static void line(Appendable out, List<String> cells, int[] widths,
        java.util.Set<Integer> left) throws IOException {
      StringBuilder text = new StringBuilder("  ");
      for (int i = 0; i < cells.size(); i++) {
        String cell = cells.get(i);
        String pad = " ".repeat(widths[i] - cell.codePointCount(0, cell.length()));
        text.append(left.contains(i) ? cell + pad : pad + cell);
        if (i + 1 < cells.size()) {
          text.append("  ");
        }
      }
      out.append(text.toString().stripTrailing()).append('\n');
    }
  }
}
