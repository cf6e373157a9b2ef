package dev.upshift.report;

import dev.upshift.metric.RateWindow;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Every option that shaped the numbers, echoed in the report (§7.2 {@code config}); grain and book
 * stand at the top of the report.
 *
 * @param upsellDefinition members in the order tier, seats, add_on, cross_sell
 * @param where {@code dim=value} or {@code null}
 * @param fiscalYearStart month (1–12) in which quarters and years start
 * @param by the dimensions the report is cut by
 * @param tenureEdges the tenure buckets' upper bounds, in months
 * @param initialArrEdges the initial-ARR buckets' bounds
 * @param rateWindow the window the Upsell Rate is measured over ({@code onboarding:90}), or {@code
 *     null} when it is measured over each period
 * @param openingBalance the opening balance month (§2.4), or {@code null}
 */
public record ReportConfig(List<String> upsellDefinition, String rateCounting,
    int minTenureMonths, boolean excludeTopTier, BigDecimal minExpansionArr, String where,
    int fiscalYearStart, List<String> by, List<Integer> tenureEdges,
    List<BigDecimal> initialArrEdges, RateWindow rateWindow, YearMonth openingBalance) {

  /** A configuration without an opening balance. */
  public ReportConfig(List<String> upsellDefinition, String rateCounting,
      int minTenureMonths, boolean excludeTopTier, BigDecimal minExpansionArr, String where,
      int fiscalYearStart, List<String> by, List<Integer> tenureEdges,
      List<BigDecimal> initialArrEdges, RateWindow rateWindow) {
    this(upsellDefinition, rateCounting, minTenureMonths, excludeTopTier, minExpansionArr, where,
        fiscalYearStart, by, tenureEdges, initialArrEdges, rateWindow, null);
  }

  public ReportConfig {
    upsellDefinition = List.copyOf(upsellDefinition);
    by = List.copyOf(by);
    tenureEdges = List.copyOf(tenureEdges);
    initialArrEdges = List.copyOf(initialArrEdges);
  }

  /**
   * The Upsell Rate as every output titles it: {@code Upsell Rate}, or over a window {@code Upsell
   * Rate, first 90 days}, so that a rate over customers' first days is never read as a period's.
   */
  public String upsellRateTitle() {
    return overWindow("Upsell Rate");
  }

  /**
   * A figure of the Upsell Rate as outputs name it: {@code name} as it is, or over a window {@code
   * name, first 90 days} ({@code Rate} → {@code Rate, first 90 days}).
   */
  public String overWindow(String name) {
    return rateWindow == null ? name : name + ", " + rateWindow.label();
  }
}
