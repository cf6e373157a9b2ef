package dev.upshift.analysis;

import dev.upshift.report.ReportOptions;
import java.time.YearMonth;

/** Small datasets shared by the analysis tests and the writers' tests. */
public final class Fixtures {
  private Fixtures() {}

  /** A monthly report of 2025-01 to 2025-06. */
  public static final ReportOptions SIX_MONTHS = ReportOptions.builder()
      .from(YearMonth.of(2025, 1)).to(YearMonth.of(2025, 6)).build();

  /**
   * Four customers whose every figure is computed by hand in {@code AnalyzerTest}:
   *
   * <pre>
   * A  from 2024-11-01 10 seats 12,000; 2025-02-15 12 seats 14,400 (add-on seats, Upsell User);
   *    2025-05-10 Pro (tier 2) 20,000 (upsell). Health 85 (High), channel sales.
   * B  from 2024-12-01 5 seats 6,000; ends 2025-04-01 (churn in April). Health 50 (Low), self.
   * C  from 2025-01-10 20 seats 30,000; 2025-03-01 25 seats 37,500 (add-on seats). Health 70 from
   *    2025-01-15 (Medium), sales.
   * D  from 2025-02-01 3 seats 3,600. No health score, self.
   * </pre>
   */
  public static TestData smallCompany() {
    TestData data = new TestData();
    data.customer("A").from("2024-11-01").seats(10).arr(12_000)
        .change("2025-02-15").seats(12).arr(14_400)
        .change("2025-05-10").plan("Pro").tier(2).arr(20_000);
    data.customer("B").from("2024-12-01").seats(5).arr(6_000).endOn("2025-04-01");
    data.customer("C").from("2025-01-10").seats(20).arr(30_000)
        .change("2025-03-01").seats(25).arr(37_500);
    data.customer("D").from("2025-02-01").seats(3).arr(3_600);
    data.health("A", "2024-12-01", 85).health("B", "2024-12-01", 50).health("C", "2025-01-15", 70);
    data.attribute("A", "channel", "sales").attribute("B", "channel", "self")
        .attribute("C", "channel", "sales").attribute("D", "channel", "self");
    return data;
  }
}
