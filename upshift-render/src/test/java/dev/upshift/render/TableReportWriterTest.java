package dev.upshift.render;

import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.Target;
import dev.upshift.io.report.Examples;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableReportWriterTest {

  @Test
  void arrBridge_isLaidOutLikeAFinanceWaterfall() {
    String table = render(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-04").build()));

    assertThat(block(table, "ARR bridge")).isEqualTo(lines(
        "ARR bridge (USD)                2026-02       2026-03       2026-04",
        "Starting ARR               1,200,000.00  1,200,000.00  1,217,000.00",
        "New logo                           0.00     24,000.00     36,000.00",
        "Reactivation                       0.00          0.00          0.00",
        "Upsell                             0.00     33,000.00          0.00",
        "  of which ramp                    0.00     15,000.00          0.00",
        "Add-on seats                       0.00          0.00          0.00",
        "Add-on price                       0.00          0.00          0.00",
        "Cross-sell                         0.00          0.00          0.00",
        "Downsell                           0.00          0.00          0.00",
        "Reduction seats                    0.00          0.00          0.00",
        "Reduction price                    0.00          0.00          0.00",
        "Product churn                      0.00          0.00          0.00",
        "Churn                              0.00   (40,000.00)          0.00",
        "-------------------------------------------------------------------",
        "Expansion                          0.00     33,000.00          0.00",
        "Contraction                        0.00          0.00          0.00",
        "Net new ARR                        0.00     17,000.00     36,000.00",
        "-------------------------------------------------------------------",
        "Ending ARR                 1,200,000.00  1,217,000.00  1,253,000.00"));
  }

  @Test
  void headerBlock_namesCurrencyGrainBookRangeConfigAndInput() {
    String table = render(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-04").build()));

    assertThat(block(table, "Upshift report")).isEqualTo(lines(
        "Upshift report   upshift.report/v1",
        "Currency         USD",
        "Grain            month",
        "Book             live",
        "Periods          2026-02 to 2026-04 (3 periods, 2026-02-01 to 2026-04-30)",
        "Upsold when      tier, seats, add_on, cross_sell; rate counting any; min expansion 0.00 ARR",
        "Eligible when    tenure >= 0 months; exclude top tier no",
        "Segment          all customers",
        "Input            8 rows: 8 billable, 0 ignored, 0 rejected",
        "Tier directions  0 inferred from a plan change"));
  }

  @Test
  void countsAndRates_showParenthesisedNegativesPercentSignsAndDashForNull() {
    String table = render(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-04").build()));

    assertThat(block(table, "Logos")).contains(
        "Churned                               0           (1)             0");
    assertThat(block(table, "Total Users")).contains(
        "Starting                          1,130         1,130         1,115",
        "Churned                               0          (20)             0",
        "Ending                            1,130         1,115         1,123");
    assertThat(block(table, "Upsell Rate")).isEqualTo(lines(
        "Upsell Rate                     2026-02       2026-03       2026-04",
        "Eligible                              4             4             4",
        "Upsold                                0             2             0",
        "Rate                              0.00%        50.00%         0.00%",
        "Upsold expansion ARR               0.00     33,000.00          0.00",
        "Avg upsold expansion ARR              —     16,500.00             —",
        "QTD eligible                          4             4             4",
        "QTD upsold                            0             2             0",
        "QTD rate                          0.00%        50.00%         0.00%"));
    assertThat(block(table, "Growth")).contains(
        "Ending seats                      0.00%       (1.33%)         0.72%",
        "Upsell ARR                            —             —     (100.00%)");
  }

  @Test
  void upsellRate_showsTargetAndStatusOnlyWhenATargetExists_andNoQtdRowsForQuarters() {
    Dataset withTarget = Examples.example1Dataset().toBuilder()
        .targets(List.of(new Target("upsellRate", "2026-03", new BigDecimal("40"), null))).build();
    String monthly = render(Upshift.report(withTarget, Examples.february("2026-04").build()));
    assertThat(block(monthly, "Upsell Rate")).contains(
        "Target                                —        40.00%             —",
        "Status                                —      Achieved             —");

    String quarterly = render(Upshift.report(Examples.example1Dataset(), ReportOptions.builder()
        .grain(Grain.QUARTER).from(YearMonth.of(2026, 1)).to(YearMonth.of(2026, 6)).build()));
    assertThat(block(quarterly, "Upsell Rate"))
        .doesNotContain("QTD", "Target", "Status")
        .contains("Rate                             50.00%         0.00%");
  }

  @Test
  void manyPeriods_wrapIntoBlocksOfAtMostEightColumnsWithinTheLineWidth() {
    String table = render(Upshift.report(Examples.example1Dataset(), ReportOptions.builder()
        .from(YearMonth.of(2025, 3)).to(YearMonth.of(2026, 4)).build()));

    String bridge = block(table, "ARR bridge");
    assertThat(bridge.lines().filter(l -> l.startsWith("ARR bridge")))
        .containsExactly(
            "ARR bridge (USD)                2025-03       2025-04       2025-05       2025-06"
                + "       2025-07       2025-08       2025-09       2025-10",
            "ARR bridge (USD)                2025-11       2025-12       2026-01       2026-02"
                + "       2026-03       2026-04");
    assertThat(bridge.lines().filter(l -> l.startsWith("Ending ARR"))).containsExactly(
        "Ending ARR                 1,140,000.00  1,140,000.00  1,140,000.00  1,180,000.00"
            + "  1,180,000.00  1,180,000.00  1,200,000.00  1,200,000.00",
        "Ending ARR                 1,200,000.00  1,200,000.00  1,200,000.00  1,200,000.00"
            + "  1,217,000.00  1,253,000.00");
    assertThat(table.lines()).allSatisfy(line -> {
      assertThat(line.length()).isLessThanOrEqualTo(TableReportWriter.MAX_LINE);
      assertThat(line).doesNotEndWith(" ");
    });
  }

  @Test
  void segments_showOneRowPerValueForTheLastPeriodWithATotal_andPoolTheRateOverTheRange() {
    Dataset dataset = Examples.example1Dataset().toBuilder()
        .customers(CustomerAttributes.of(List.of("channel"), Map.of(
            "C", Map.of("channel", "sales"), "E", Map.of("channel", "sales"),
            "A", Map.of("channel", "self-serve"))))
        .build();
    String table = render(Upshift.report(dataset,
        Examples.february("2026-04").by(List.of("channel")).build()));

    assertThat(block(table, "Segments by channel, 2026-04")).isEqualTo(lines(
        "Segments by channel, 2026-04",
        "channel     Starting ARR    Net new    Ending ARR  Eligible  Upsold   Rate  Avg upsold expansion ARR"
            + "  Expansion  Upsell Users",
        "-------------------------------------------------------------------------------------------"
            + "----------------------------------",
        "sales         103,000.00       0.00    103,000.00         2       0  0.00%                         —"
            + "       0.00             0",
        "self-serve     24,000.00       0.00     24,000.00         1       0  0.00%                         —"
            + "       0.00             0",
        "Unknown     1,090,000.00  36,000.00  1,126,000.00         1       0  0.00%                         —"
            + "       0.00             0",
        "-------------------------------------------------------------------------------------------"
            + "----------------------------------",
        "Total       1,217,000.00  36,000.00  1,253,000.00         4       0  0.00%                         —"
            + "       0.00             0"));
    String pooled = block(table, "Segments by channel, 2026-02 to 2026-04");
    assertThat(pooled).contains(
        "Unknown     (4,000.00)       0.00         5       0   0.00%                         —             0",
        "sales        33,000.00  33,000.00         6       2  33.33%                 16,500.00             0",
        "Total        53,000.00  33,000.00        12       2  16.67%                 16,500.00             0",
        "Rate = sum of upsold / sum of eligible");
  }

  @Test
  void singlePeriod_hasNoPooledSegmentTable() {
    String table = render(Upshift.report(Examples.example1Dataset(), ReportOptions.builder()
        .from(YearMonth.of(2026, 3)).to(YearMonth.of(2026, 3)).by(List.of("plan")).build()));

    assertThat(table).contains("Segments by plan, 2026-03").doesNotContain("pooled");
    assertThat(block(table, "Segments by plan")).contains(
        "Standard  1,200,000.00  17,000.00  1,217,000.00         4       2  50.00%                 16,500.00"
            + "  33,000.00             0");
  }

  @Test
  void formatting_ignoresTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String german = render(Upshift.report(Examples.example1Dataset(),
          Examples.february("2026-04").build()));
      Locale.setDefault(Locale.forLanguageTag("ar-EG"));
      String arabic = render(Upshift.report(Examples.example1Dataset(),
          Examples.february("2026-04").build()));
      assertThat(german).contains("1,217,000.00").doesNotContain("1.217.000,00");
      assertThat(arabic).isEqualTo(german);
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void fractionalAmounts_roundHalfEvenToCents() {
    List<dev.upshift.input.Phase> phases = phases(
        phase("X").seats(1).arr("1000.125").from("2026-01-01"),
        phase("Y").seats(1).arr("2000.135").from("2026-01-01"));
    String table = render(Upshift.report(Dataset.of(phases), ReportOptions.builder()
        .from(YearMonth.of(2026, 1)).to(YearMonth.of(2026, 1)).build()));

    // 1,000.125 → 1,000.12 and 2,000.135 → 2,000.14 (half-even), and their sum 3,000.26 is
    // rounded from the exact total, not added from rounded parts.
    assertThat(block(table, "ARR bridge")).contains(
        "New logo                   3,000.26",
        "Ending ARR                 3,000.26");
  }

  @Test
  void overAnOnboardingWindow_theRateIsNamedAfterItAndHasNoQuarterToDate() {
    String table = render(Upshift.report(Examples.onboardingDataset(),
        Examples.firstNinetyDays().by(List.of("plan")).build()));

    assertThat(block(table, "Upsell Rate")).isEqualTo(lines(
        "Upsell Rate, first 90 days     2026-01*      2026-02      2026-03     2026-04*",
        "Eligible                              0            0            0            3",
        "Upsold                                0            0            0            1",
        "Rate                                  —            —            —       33.33%",
        "Upsold expansion ARR               0.00         0.00         0.00     5,000.00",
        "Avg upsold expansion ARR              —            —            —     5,000.00"));
    assertThat(block(table, "Upshift report")).contains(
        "Rate window      each customer's first 90 days from its first active date"
            + " (onboarding:90), counted in the period where they end\n",
        "Eligible when    the window ends in the period; exclude top tier no"
            + " (at the first active date)\n");
    assertThat(block(table, "Segments by plan, 2026-04")).contains("Rate, first 90 days");
  }

  @Test
  void inMrrTheMoneyIsATwelfthAndTheLabelsSayMrr() throws IOException {
    StringBuilder out = new StringBuilder();
    TableReportWriter.write(Upshift.report(Examples.example1Dataset(),
        Examples.february("2026-04").build()), out, MoneyUnit.MRR);
    String table = out.toString();

    assertThat(table).contains("Unit             MRR (ARR / 12); rates and counts unchanged\n");
    assertThat(block(table, "MRR bridge (USD)")).contains(
        "Starting MRR               100,000.00  100,000.00  101,416.67",
        "Upsell                           0.00    2,750.00        0.00",
        "Net new MRR").doesNotContain("ARR");
    assertThat(block(table, "Upsell Rate")).contains("Upsold expansion MRR", "50.00%");
  }

  @Test
  void periodsTheDataDoesNotCoverWholeAreMarkedAndExplained() {
    String table = render(Upshift.report(Examples.example1Dataset(),
        ReportOptions.builder().grain(dev.upshift.time.Grain.QUARTER).build()));

    assertThat(block(table, "ARR bridge")).startsWith(
        "ARR bridge (USD)               2025-Q1*       2025-Q2");
    assertThat(block(table, "Upshift report")).contains(
        "Coverage         * 2025-Q1: opening period: new logos include customers already active"
            + " when the data starts (see --opening-balance).\n",
        "Coverage         * 2026-Q2: data covers 2026-04-01 to 2026-04-30 (30 of 91 days); not"
            + " judged against targets or benchmarks.\n");
  }

  static String render(Report report) {
    StringBuilder out = new StringBuilder();
    try {
      TableReportWriter.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * The blank-line-separated blocks of {@code text} that start with {@code title} (a section
   * wrapped over several blocks repeats its title), joined by blank lines.
   */
  static String block(String text, String title) {
    List<String> blocks = Arrays.stream(text.split("\n\n"))
        .filter(b -> b.startsWith(title)).map(b -> b.endsWith("\n") ? b : b + "\n").toList();
    if (blocks.isEmpty()) {
      throw new AssertionError("no block " + title + " in\n" + text);
    }
    return String.join("\n", blocks);
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
