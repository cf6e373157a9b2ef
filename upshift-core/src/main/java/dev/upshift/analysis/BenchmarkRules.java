package dev.upshift.analysis;

import dev.upshift.metric.Rates;
import dev.upshift.report.PeriodReport;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Places the company's figures beside the references of §6.6; see {@link Benchmarks}. */
final class BenchmarkRules {
  private BenchmarkRules() {}

  /** Reported periods of one grain that make a year. */
  static int periodsPerYear(Grain grain) {
    return 12 / grain.months();
  }

  /**
   * @param periods the reported periods
   * @param selectedDefinition the report's upsell definition members, in SPEC order
   * @param counts the customers behind the upsell rates, measured in the analysis pass
   */
  static Benchmarks benchmarks(Grain grain, List<PeriodReport> periods,
      List<String> selectedDefinition, Counts counts) {
    List<Benchmarks.Benchmark> items = new ArrayList<>();
    int n = periods.size();
    int perYear = periodsPerYear(grain);
    List<String> comparable = Benchmarks.COMPARABLE_DEFINITION;
    boolean differs = !selectedDefinition.equals(comparable);

    long annualEligible = counts.annualEligible();
    BigDecimal annual = annualEligible < 0 ? null
        : Rates.percent(counts.annualUpsold(), annualEligible);
    List<PeriodReport> year = annualEligible < 0 ? List.of() : periods.subList(n - perYear, n);
    String annualBasis = annualEligible < 0
        ? "needs a year of reported periods (" + n + " of " + perYear + " reported)"
        : "trailing 12 months " + range(year) + ": " + counts.annualUpsold()
            + " of " + annualEligible + " customers eligible at the start upsold";
    String annualMarked = marked(year);
    String annualAssessment = annual == null ? "Not enough history"
        : annualMarked != null ? "Not assessed: partial period"
        : annual.compareTo(Benchmarks.ANNUAL_TOP_QUARTILE.low()) >= 0 ? "Top quartile"
        : annual.compareTo(Benchmarks.ANNUAL_MEDIAN.low()) >= 0 ? "Above median"
        : "Below median";
    String annualNote = note(differs, selectedDefinition, annualEligible < 0 ? null
        : Rates.percent(counts.annualUpsoldSelected(), annualEligible), annualMarked);
    items.add(new Benchmarks.Benchmark("annualUpsellRate", "Annual upsell rate", annual,
        annualBasis, List.of(Benchmarks.ANNUAL_MEDIAN, Benchmarks.ANNUAL_TOP_QUARTILE,
            Benchmarks.ANNUAL_PRODUCT_LED, Benchmarks.ANNUAL_SALES_LED), annualAssessment,
        comparable, annualNote));

    BigDecimal monthly = null;
    BigDecimal monthlySelected = null;
    String monthlyBasis;
    String monthlyMarked = null;
    if (grain != Grain.MONTH) {
      monthlyBasis = "needs a monthly report";
    } else if (n == 0) {
      monthlyBasis = "no reported months";
    } else {
      List<PeriodReport> months = periods.subList(Math.max(0, n - MONTHLY_WINDOW), n);
      long eligible = months.stream().mapToLong(p -> p.upsellRate().eligible()).sum();
      long upsoldSelected = months.stream().mapToLong(p -> p.upsellRate().upsold()).sum();
      monthly = Rates.percent(counts.pooledUpsold(), eligible);
      monthlySelected = Rates.percent(upsoldSelected, eligible);
      monthlyBasis = "pooled over " + months.size() + " months " + range(months) + ": "
          + counts.pooledUpsold() + " upsold of " + eligible + " eligible customer-months";
      monthlyMarked = marked(months);
    }
    String monthlyAssessment = monthly != null && monthlyMarked != null
        ? "Not assessed: partial period"
        : within(monthly, Benchmarks.MONTHLY_TYPICAL, "typical range");
    items.add(new Benchmarks.Benchmark("monthlyUpsellRate", "Monthly upsell rate", monthly,
        monthlyBasis, List.of(Benchmarks.MONTHLY_TYPICAL), monthlyAssessment, comparable,
        note(differs, selectedDefinition, monthlySelected, monthlyMarked)));

    BigDecimal nrr = n == 0 ? null : periods.get(n - 1).retention().nrr12m();
    String nrrBasis = n == 0 ? "no reported periods"
        : nrr == null ? "needs ARR 12 months before " + periods.get(n - 1).period()
        : "12 months to " + periods.get(n - 1).end();
    String nrrMarked = n == 0 ? null : marked(periods.subList(n - 1, n));
    String nrrAssessment = nrr == null ? "Not enough history"
        : nrrMarked != null ? "Not assessed: partial period"
        : nrr.compareTo(Benchmarks.NRR_TOP.high()) > 0 ? "Above top-performer range"
        : nrr.compareTo(Benchmarks.NRR_TOP.low()) >= 0 ? "Top-performer range"
        : "Below top-performer range";
    items.add(new Benchmarks.Benchmark("nrr12m", "Net revenue retention (12 months)", nrr,
        nrrBasis, List.of(Benchmarks.NRR_TOP), nrrAssessment, List.of(), nrrMarked));
    return new Benchmarks(items);
  }

  /** The months the monthly benchmark pools. */
  static final int MONTHLY_WINDOW = 12;

  /**
   * The customers behind the benchmark upsell rates: each count of upsold customers under the
   * comparable definition and under the report's own.
   *
   * @param annualEligible customers eligible at the start of the trailing year, -1 when the report
   *     is shorter than a year
   * @param annualUpsold of them, those upsold (comparable definition) in some period of the year
   * @param annualUpsoldSelected the same under the report's definition
   * @param pooledUpsold upsold customer-months (comparable definition) of the monthly window
   */
  record Counts(long annualEligible, long annualUpsold, long annualUpsoldSelected,
      long pooledUpsold) {}

  /** Why a window's figure is not assessed: its periods the data does not cover whole; or null. */
  private static String marked(List<PeriodReport> window) {
    List<String> notes = new ArrayList<>();
    for (PeriodReport p : window) {
      if (!p.coverage().judged()) {
        notes.add(p.period() + ": " + p.coverage().note());
      }
    }
    return notes.isEmpty() ? null : "Not judged against the references: " + String.join("; ", notes);
  }

  private static String note(boolean differs, List<String> selected, BigDecimal selectedRate,
      String marked) {
    List<String> parts = new ArrayList<>();
    if (differs) {
      parts.add("Measured as tier, seats, cross_sell (no price-only uplift), as the references "
          + "count it; this report's definition (" + String.join(", ", selected) + ") gives "
          + (selectedRate == null ? "no rate" : selectedRate.toPlainString() + "%")
          + " and is not compared with them.");
    }
    if (marked != null) {
      parts.add(marked + ".");
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  private static String within(BigDecimal value, Benchmarks.Reference reference, String what) {
    if (value == null) {
      return "Not enough history";
    }
    if (value.compareTo(reference.low()) < 0) {
      return "Below " + what;
    }
    return value.compareTo(reference.high()) > 0 ? "Above " + what : "Within " + what;
  }

  static String range(List<PeriodReport> periods) {
    if (periods.isEmpty()) {
      return "";
    }
    String first = periods.get(0).period();
    String last = periods.get(periods.size() - 1).period();
    return first.equals(last) ? first : first + " – " + last;
  }
}
