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
   * @param annualEligible customers eligible at the start of the trailing year, or -1 when the
   *     report is shorter than a year
   * @param annualUpsold of them, those upsold in some period of the year
   */
  static Benchmarks benchmarks(Grain grain, List<PeriodReport> periods, long annualEligible,
      long annualUpsold) {
    List<Benchmarks.Benchmark> items = new ArrayList<>();
    int n = periods.size();
    int perYear = periodsPerYear(grain);

    BigDecimal annual = annualEligible < 0 ? null : Rates.percent(annualUpsold, annualEligible);
    String annualBasis = annualEligible < 0
        ? "needs a year of reported periods (" + n + " of " + perYear + " reported)"
        : "trailing 12 months " + range(periods.subList(n - perYear, n)) + ": " + annualUpsold
            + " of " + annualEligible + " customers eligible at the start upsold";
    String annualAssessment = annual == null ? "Not enough history"
        : annual.compareTo(Benchmarks.ANNUAL_TOP_QUARTILE.low()) >= 0 ? "Top quartile"
        : annual.compareTo(Benchmarks.ANNUAL_MEDIAN.low()) >= 0 ? "Above median"
        : "Below median";
    items.add(new Benchmarks.Benchmark("annualUpsellRate", "Annual upsell rate", annual,
        annualBasis, List.of(Benchmarks.ANNUAL_MEDIAN, Benchmarks.ANNUAL_TOP_QUARTILE,
            Benchmarks.ANNUAL_PRODUCT_LED, Benchmarks.ANNUAL_SALES_LED), annualAssessment));

    BigDecimal monthly = null;
    String monthlyBasis;
    if (grain != Grain.MONTH) {
      monthlyBasis = "needs a monthly report";
    } else if (n == 0) {
      monthlyBasis = "no reported months";
    } else {
      List<PeriodReport> months = periods.subList(Math.max(0, n - 12), n);
      long eligible = months.stream().mapToLong(p -> p.upsellRate().eligible()).sum();
      long upsold = months.stream().mapToLong(p -> p.upsellRate().upsold()).sum();
      monthly = Rates.percent(upsold, eligible);
      monthlyBasis = "pooled over " + months.size() + " months " + range(months) + ": " + upsold
          + " upsold of " + eligible + " eligible customer-months";
    }
    items.add(new Benchmarks.Benchmark("monthlyUpsellRate", "Monthly upsell rate", monthly,
        monthlyBasis, List.of(Benchmarks.MONTHLY_TYPICAL),
        within(monthly, Benchmarks.MONTHLY_TYPICAL, "typical range")));

    BigDecimal nrr = n == 0 ? null : periods.get(n - 1).retention().nrr12m();
    String nrrBasis = n == 0 ? "no reported periods"
        : nrr == null ? "needs ARR 12 months before " + periods.get(n - 1).period()
        : "12 months to " + periods.get(n - 1).end();
    String nrrAssessment = nrr == null ? "Not enough history"
        : nrr.compareTo(Benchmarks.NRR_TOP.high()) > 0 ? "Above top-performer range"
        : nrr.compareTo(Benchmarks.NRR_TOP.low()) >= 0 ? "Top-performer range"
        : "Below top-performer range";
    items.add(new Benchmarks.Benchmark("nrr12m", "Net revenue retention (12 months)", nrr,
        nrrBasis, List.of(Benchmarks.NRR_TOP), nrrAssessment));
    return new Benchmarks(items);
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
