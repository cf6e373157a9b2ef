package dev.upshift.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Fixtures;
import dev.upshift.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens HTML reports in headless Chromium and checks that every chart rendered and no script
 * error occurred. Skipped where {@code /usr/bin/chromium} is missing; CI installs it.
 */
@Tag("browser")
class HtmlReportBrowserTest {
  @BeforeAll
  static void needsChromium() {
    Assumptions.assumeTrue(Chromium.binary().isPresent(), "chromium is not installed");
  }

  static List<String> assertRendersCleanly(Report report, Path dir, String name) throws Exception {
    Path html = dir.resolve(name + ".html");
    new HtmlReportWriter().write(report, html);
    Chromium.Output output = Chromium.dumpDom(html);
    String dom = output.stdout();

    String htmlTag = dom.substring(dom.indexOf("<html"), dom.indexOf('>', dom.indexOf("<html")) + 1);
    assertThat(htmlTag).as("the drawing script finished").contains("data-report-state=\"done\"");
    assertThat(htmlTag).as("no error reached window.onerror").doesNotContain("data-error-count");
    assertThat(dom).as("no script error was recorded").contains("<pre id=\"script-errors\"></pre>");
    List<String> charts = new ArrayList<>();
    Matcher m = Pattern.compile("<div class=\"chart[^\"]*\" data-chart=\"([^\"]+)\"([^>]*)>").matcher(dom);
    while (m.find()) {
      charts.add(m.group(1));
      assertThat(m.group(2)).as("chart " + m.group(1) + " rendered").contains("data-rendered=\"true\"");
    }
    assertThat(charts).as("charts in " + name).isNotEmpty();
    assertThat(output.stderr()).as("console errors")
        .doesNotContainPattern("(?i)uncaught|\"[^\"]*error[^\"]*\", source:");
    return charts;
  }

  @Test
  void bundledSampleDataReport_rendersEveryChart(@TempDir Path dir) throws Exception {
    assertThat(assertRendersCleanly(SampleReports.bundledSample(), dir, "bundled-sample"))
        .containsExactlyInAnyOrder("arr-waterfall", "arr-by-period", "seat-waterfall", "seats-logos",
            "upsell-users", "upsell-rate", "segment-rates", "forecast", "health");
  }

  /**
   * #14: the waterfalls stand on an axis from zero, and at a desktop's and a phone's width no bar
   * label overlaps another.
   */
  @Test
  void waterfallsStartAtZeroAndTheirLabelsNeverOverlap(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("sample.html");
    new HtmlReportWriter().write(SampleReports.bundledSample(), html);
    for (int width : new int[] {1400, 420}) {
      String dom = Chromium.dumpDom(html, width).stdout();
      for (String chart : List.of("arr-waterfall", "seat-waterfall")) {
        Matcher box = Pattern.compile("data-chart=\"" + chart + "\"([^>]*)>").matcher(dom);
        assertThat(box.find()).as(chart).isTrue();
        String attributes = box.group(1);
        assertThat(attributes).as(chart + " at " + width).contains("data-y-min=\"0\"");
        Matcher boxes = Pattern.compile("data-label-boxes=\"([^\"]*)\"").matcher(attributes);
        assertThat(boxes.find()).as(chart + " labels at " + width).isTrue();
        List<int[]> placed = new ArrayList<>();
        Matcher numbers = Pattern.compile("\\[(-?\\d+),(-?\\d+),(-?\\d+),(-?\\d+)\\]")
            .matcher(boxes.group(1).replace("&quot;", ""));
        while (numbers.find()) {
          placed.add(new int[] {Integer.parseInt(numbers.group(1)),
              Integer.parseInt(numbers.group(2)), Integer.parseInt(numbers.group(3)),
              Integer.parseInt(numbers.group(4))});
        }
        // The totals are always labelled.
        assertThat(placed.size()).as(chart + " labels at " + width).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < placed.size(); i++) {
          for (int j = i + 1; j < placed.size(); j++) {
            int[] a = placed.get(i);
            int[] b = placed.get(j);
            boolean overlap = a[0] < b[1] && b[0] < a[1] && a[2] < b[3] && b[2] < a[3];
            assertThat(overlap).as(chart + " labels " + i + " and " + j + " at " + width)
                .isFalse();
          }
        }
      }
    }
  }

  @Test
  void monthlyReportWithAnalysis_rendersEveryChart(@TempDir Path dir) throws Exception {
    assertRendersCleanly(SampleReports.standard(), dir, "monthly");
  }

  @Test
  void reportOverAnOnboardingWindow_rendersEveryChartOfTheReport(@TempDir Path dir)
      throws Exception {
    assertThat(assertRendersCleanly(SampleReports.firstNinetyDays(), dir, "first-90-days"))
        .containsExactly("arr-waterfall", "arr-by-period", "seat-waterfall", "seats-logos",
            "upsell-users", "upsell-rate", "segment-rates");
  }

  @Test
  void quarterlyReport_rendersEveryChart(@TempDir Path dir) throws Exception {
    assertRendersCleanly(SampleReports.quarterly(), dir, "quarterly");
  }

  @Test
  void smallReportWithoutSegmentsOrInitiatives_rendersEveryChart(@TempDir Path dir)
      throws Exception {
    Report report = Upshift.analyze(Fixtures.smallCompany().dataset(), Fixtures.SIX_MONTHS,
        AnalysisOptions.defaults(), null);
    assertRendersCleanly(report, dir, "small");
    assertRendersCleanly(report.withAnalysis(null), dir, "no-analysis");
  }

  @Test
  void hostileText_doesNotRun(@TempDir Path dir) throws Exception {
    Path html = dir.resolve("hostile.html");
    new HtmlReportWriter().write(HtmlReportWriterTest.hostileReport(), html);
    String dom = Chromium.dumpDom(html).stdout();
    String htmlTag = dom.substring(dom.indexOf("<html"), dom.indexOf('>', dom.indexOf("<html")) + 1);
    assertThat(htmlTag).contains("data-report-state=\"done\"").doesNotContain("data-pwned");
    assertThat(Files.readString(html)).doesNotContain("<img src=x");
  }
}
